-- Risk stratification (issue 7): model versions with their coefficients and validated performance,
-- scoring runs, each person's score per PCT (pseudonym only, never a name), and each run's aggregate
-- views per PCT and England (already suppressed below 5). Views and exports of patient-level rows are
-- recorded in audit_log (actions risk.patients.view / risk.patients.export).

CREATE TABLE risk_models (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  version         integer NOT NULL UNIQUE CHECK (version > 0),
  train_year      text NOT NULL CHECK (train_year ~ '^[0-9]{4}-[0-9]{2}$'),   -- outcome year of the training set
  test_year       text NOT NULL CHECK (test_year ~ '^[0-9]{4}-[0-9]{2}$'),    -- held-out outcome year
  lookback_years  integer NOT NULL CHECK (lookback_years BETWEEN 1 AND 5),
  lambda          double precision NOT NULL CHECK (lambda >= 0),               -- L2 penalty (standardised scale)
  intercept       double precision NOT NULL,
  coefficients    jsonb NOT NULL,        -- [{ name, label, coefficient }] on the features' own scale
  performance     jsonb NOT NULL,        -- AUROC with CI, calibration, PPV/sensitivity, baseline, fairness
  train_people    integer NOT NULL CHECK (train_people >= 0),
  train_rows_used integer NOT NULL CHECK (train_rows_used >= 0),
  details         jsonb NOT NULL DEFAULT '{}',   -- iterations, timings, data folder
  created_by      text,
  created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE risk_score_runs (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  model_id     uuid NOT NULL REFERENCES risk_models (id),
  score_year   text NOT NULL CHECK (score_year ~ '^[0-9]{4}-[0-9]{2}$'),      -- the year predicted
  people       integer NOT NULL CHECK (people >= 0),
  scores_file  text,                                                          -- Parquet of every score
  created_by   text,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE risk_scores (
  run_id        uuid NOT NULL REFERENCES risk_score_runs (id) ON DELETE CASCADE,
  pct_code      text NOT NULL,
  person_id     text NOT NULL,              -- the HES pseudonym (PSEUDO_HESID)
  risk          double precision NOT NULL CHECK (risk BETWEEN 0 AND 1),
  tier          text NOT NULL,
  segment       text NOT NULL,
  age           smallint,
  sex           text CHECK (sex IN ('M', 'F')),
  imd_quintile  smallint CHECK (imd_quintile BETWEEN 1 AND 5),
  emergency_1y  integer NOT NULL,
  ae_1y         integer NOT NULL,
  bed_days_1y   integer NOT NULL,
  cost_1y       double precision NOT NULL,
  ltc_count     smallint NOT NULL,
  conditions    text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (run_id, pct_code, person_id)
);
CREATE INDEX risk_scores_by_risk ON risk_scores (run_id, pct_code, risk DESC);

CREATE TABLE risk_area_views (
  run_id     uuid NOT NULL REFERENCES risk_score_runs (id) ON DELETE CASCADE,
  area_code  text NOT NULL,                 -- PCT code or ENG
  views      jsonb NOT NULL,
  PRIMARY KEY (run_id, area_code)
);
