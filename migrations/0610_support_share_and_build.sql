-- Share and build: the good-practice library (full-text searchable, approved by an editor), events with
-- registration, action learning sets (a PCT, two PCTs of its choice and a facilitator), and the competency
-- scores support is matched against until the assurance cycle provides them.

CREATE TABLE support_case_studies (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pct_code      text NOT NULL REFERENCES organisations (code),
  title         text NOT NULL,
  summary       text NOT NULL,
  body          text NOT NULL,
  outcome       text NOT NULL,
  setting       text NOT NULL,            -- e.g. urban, rural, coastal, mixed
  competencies  smallint[] NOT NULL DEFAULT '{}',
  status        text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'rejected')),
  submitted_by  uuid REFERENCES users (id),
  submitted_at  timestamptz NOT NULL DEFAULT now(),
  reviewed_by   uuid REFERENCES users (id),
  reviewed_at   timestamptz,
  review_note   text,
  search        tsvector GENERATED ALWAYS AS (
                  setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
                  setweight(to_tsvector('english', coalesce(summary, '') || ' ' || coalesce(outcome, '')), 'B') ||
                  setweight(to_tsvector('english', coalesce(body, '') || ' ' || coalesce(setting, '')), 'C')) STORED
);
CREATE INDEX support_case_studies_search ON support_case_studies USING gin (search);
CREATE INDEX support_case_studies_competencies ON support_case_studies USING gin (competencies);

CREATE TABLE support_events (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title         text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('workshop', 'conference', 'webinar', 'network')),
  description   text NOT NULL DEFAULT '',
  venue         text NOT NULL,
  starts_at     timestamptz NOT NULL,
  capacity      integer NOT NULL CHECK (capacity > 0),
  competencies  smallint[] NOT NULL DEFAULT '{}',
  created_by    uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE support_event_registrations (
  event_id       uuid NOT NULL REFERENCES support_events (id),
  user_id        uuid NOT NULL REFERENCES users (id),
  pct_code       text REFERENCES organisations (code),
  registered_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, user_id)
);

CREATE TABLE support_learning_sets (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title               text NOT NULL,
  focus               text NOT NULL,
  competencies        smallint[] NOT NULL DEFAULT '{}',
  lead_pct_code       text NOT NULL REFERENCES organisations (code),
  facilitator_user_id uuid NOT NULL REFERENCES users (id),
  created_by          uuid REFERENCES users (id),
  created_at          timestamptz NOT NULL DEFAULT now()
);

-- The lead PCT and the two PCTs it chose.
CREATE TABLE support_learning_set_pcts (
  set_id    uuid NOT NULL REFERENCES support_learning_sets (id),
  pct_code  text NOT NULL REFERENCES organisations (code),
  PRIMARY KEY (set_id, pct_code)
);

CREATE TABLE support_learning_set_meetings (
  id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  set_id    uuid NOT NULL REFERENCES support_learning_sets (id),
  meets_on  date NOT NULL,
  topic     text NOT NULL,
  notes     text NOT NULL DEFAULT '',
  written_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Competency levels (1-4) by assurance year, for matching support to need. Demo data only: the
-- assurance cycle's agreed scores take precedence when a PCT has any (see src/support/competency-scores.ts).
CREATE TABLE support_competency_scores (
  pct_code    text NOT NULL REFERENCES organisations (code),
  year        text NOT NULL CHECK (year ~ '^[0-9]{4}-[0-9]{2}$'),
  competency  smallint NOT NULL CHECK (competency BETWEEN 1 AND 11),
  level       smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
  PRIMARY KEY (pct_code, year, competency)
);
