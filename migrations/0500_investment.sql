-- Investment (competencies 6 and 11): programme budgets, outcome values imported for "spend against
-- outcome", prioritisation rounds with options, criteria and swing weights, panel scores (independent,
-- then agreed), optimiser and Monte Carlo runs, and five-year financial plans.
-- Programme categories and needs weights are data files in src/investment/data (validated on import).

CREATE TABLE investment_spend (
  org_code    text NOT NULL REFERENCES organisations (code),
  year        text NOT NULL CHECK (year ~ '^[0-9]{4}-[0-9]{2}$'),         -- financial year 2008-09
  programme   text NOT NULL,                                             -- programme category code, e.g. '10'
  spend       numeric(16, 2) NOT NULL,                                   -- £
  source      text NOT NULL,                                             -- file name or 'generator' or 'demo'
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_code, year, programme)
);

CREATE TABLE investment_populations (
  org_code    text NOT NULL REFERENCES organisations (code),
  year        text NOT NULL CHECK (year ~ '^[0-9]{4}-[0-9]{2}$'),
  age_band    text NOT NULL,
  sex         text NOT NULL CHECK (sex IN ('male', 'female')),
  population  numeric(12, 0) NOT NULL CHECK (population >= 0),
  PRIMARY KEY (org_code, year, age_band, sex)
);

-- Outcome values imported for spend-against-outcome when the indicator engine has none.
CREATE TABLE investment_outcome_values (
  indicator_id text NOT NULL,
  org_code     text NOT NULL REFERENCES organisations (code),
  period       text NOT NULL,
  value        double precision NOT NULL,
  source       text NOT NULL,
  PRIMARY KEY (indicator_id, org_code, period)
);

CREATE TABLE investment_rounds (
  id              bigserial PRIMARY KEY,
  org_code        text NOT NULL REFERENCES organisations (code),
  title           text NOT NULL,
  first_year      text NOT NULL CHECK (first_year ~ '^[0-9]{4}-[0-9]{2}$'),
  budgets         numeric(16, 2)[] NOT NULL CHECK (cardinality(budgets) = 5),
  objective       text NOT NULL DEFAULT 'qalys' CHECK (objective IN ('qalys', 'weighted')),
  threshold_low   numeric NOT NULL DEFAULT 20000,
  threshold_high  numeric NOT NULL DEFAULT 30000,
  outcomes        text[] NOT NULL DEFAULT '{}',                          -- the PCT's chosen outcome indicators
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'scoring', 'agreed', 'decided')),
  created_by      uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX investment_rounds_org ON investment_rounds (org_code);

CREATE TABLE investment_criteria (
  round_id      bigint NOT NULL REFERENCES investment_rounds (id) ON DELETE CASCADE,
  code          text NOT NULL,
  name          text NOT NULL,
  description   text NOT NULL DEFAULT '',
  swing_points  numeric NOT NULL CHECK (swing_points >= 0 AND swing_points <= 100),
  position      integer NOT NULL,
  PRIMARY KEY (round_id, code)
);

CREATE TABLE investment_options (
  id                  bigserial PRIMARY KEY,
  round_id            bigint NOT NULL REFERENCES investment_rounds (id) ON DELETE CASCADE,
  code                text NOT NULL,
  title               text NOT NULL,
  programme           text NOT NULL,
  kind                text NOT NULL CHECK (kind IN ('investment', 'disinvestment')),
  description         text NOT NULL DEFAULT '',
  recurring_costs     numeric(16, 2)[] NOT NULL CHECK (cardinality(recurring_costs) = 5),
  nonrecurring_costs  numeric(16, 2)[] NOT NULL CHECK (cardinality(nonrecurring_costs) = 5),
  activity_change     text NOT NULL DEFAULT '',
  qaly_low            numeric NOT NULL,
  qaly_likely         numeric NOT NULL,
  qaly_high           numeric NOT NULL,
  cost_low_factor     numeric NOT NULL DEFAULT 0.9 CHECK (cost_low_factor > 0),
  cost_high_factor    numeric NOT NULL DEFAULT 1.2 CHECK (cost_high_factor > 0),
  outcomes            jsonb NOT NULL DEFAULT '[]',                       -- [{indicatorId, trajectory: [5 numbers]}]
  inequalities        text NOT NULL DEFAULT 'neutral' CHECK (inequalities IN ('narrows', 'neutral', 'widens')),
  risk                text NOT NULL DEFAULT 'medium' CHECK (risk IN ('low', 'medium', 'high')),
  strategic_fit       integer NOT NULL DEFAULT 3 CHECK (strategic_fit BETWEEN 1 AND 5),
  evidence            jsonb NOT NULL DEFAULT '[]',                       -- [{title, url}]
  must_do             boolean NOT NULL DEFAULT false,
  requires            text[] NOT NULL DEFAULT '{}',                      -- option codes this one needs
  excludes            text[] NOT NULL DEFAULT '{}',                      -- option codes it cannot go with
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (qaly_low <= qaly_likely AND qaly_likely <= qaly_high),
  CHECK (cost_low_factor <= 1 AND 1 <= cost_high_factor),
  UNIQUE (round_id, code)
);

-- Each panel member's own scores; others' are hidden from them until they submit.
CREATE TABLE investment_panel_scores (
  round_id   bigint NOT NULL REFERENCES investment_rounds (id) ON DELETE CASCADE,
  option_id  bigint NOT NULL REFERENCES investment_options (id) ON DELETE CASCADE,
  criterion  text NOT NULL,
  scorer_id  uuid NOT NULL REFERENCES users (id),
  score      numeric NOT NULL CHECK (score >= 0 AND score <= 10),
  comment    text NOT NULL DEFAULT '',
  PRIMARY KEY (option_id, criterion, scorer_id),
  FOREIGN KEY (round_id, criterion) REFERENCES investment_criteria (round_id, code) ON DELETE CASCADE
);

CREATE TABLE investment_panel_submissions (
  round_id      bigint NOT NULL REFERENCES investment_rounds (id) ON DELETE CASCADE,
  scorer_id     uuid NOT NULL REFERENCES users (id),
  submitted_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (round_id, scorer_id)
);

CREATE TABLE investment_agreed_scores (
  round_id   bigint NOT NULL REFERENCES investment_rounds (id) ON DELETE CASCADE,
  option_id  bigint NOT NULL REFERENCES investment_options (id) ON DELETE CASCADE,
  criterion  text NOT NULL,
  score      numeric NOT NULL CHECK (score >= 0 AND score <= 10),
  rationale  text NOT NULL CHECK (length(rationale) > 0),
  agreed_by  uuid REFERENCES users (id),
  agreed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (option_id, criterion),
  FOREIGN KEY (round_id, criterion) REFERENCES investment_criteria (round_id, code) ON DELETE CASCADE
);

CREATE TABLE investment_runs (
  id          bigserial PRIMARY KEY,
  round_id    bigint NOT NULL REFERENCES investment_rounds (id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('optimise', 'monte-carlo')),
  input       jsonb NOT NULL,
  result      jsonb NOT NULL,
  created_by  uuid REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX investment_runs_round ON investment_runs (round_id, kind, id DESC);

-- A five-year financial plan: inputs as entered; figures are recomputed from them on every read.
CREATE TABLE investment_plans (
  id          bigserial PRIMARY KEY,
  org_code    text NOT NULL REFERENCES organisations (code),
  first_year  text NOT NULL CHECK (first_year ~ '^[0-9]{4}-[0-9]{2}$'),
  round_id    bigint REFERENCES investment_rounds (id) ON DELETE SET NULL,
  inputs      jsonb NOT NULL,
  updated_by  uuid REFERENCES users (id),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_code, first_year)
);
