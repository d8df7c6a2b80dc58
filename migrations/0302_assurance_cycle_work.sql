-- The work of a cycle, on top of 0301: evidence documents (files under <dataDir>/evidence, metadata here),
-- metric links on self-scores, stakeholders with one-time links and their anonymous answers, panel
-- membership with conflicts of interest and independent scores, national moderation, earned-autonomy
-- decisions and panel reports.

ALTER TABLE assurance_cycles
  ADD COLUMN confirmed_at timestamptz,
  ADD COLUMN confirmed_by uuid REFERENCES users (id);

-- Indicators from the outcomes module offered as evidence for a sub-criterion (indicator ids).
ALTER TABLE assurance_self_scores ADD COLUMN metrics text[] NOT NULL DEFAULT '{}';

-- A reopening is made at the service's clock (tests move time), so its start is given, not now().
ALTER TABLE assurance_reopenings ALTER COLUMN reopened_at DROP DEFAULT;

CREATE TABLE assurance_evidence (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cycle_id       uuid NOT NULL REFERENCES assurance_cycles (id),
  org_code       text NOT NULL REFERENCES organisations (code),
  document_type  text NOT NULL,                       -- an id from the framework's documentTypes
  title          text NOT NULL CHECK (length(trim(title)) > 0),
  file_name      text NOT NULL,
  media_type     text NOT NULL,
  size_bytes     bigint NOT NULL CHECK (size_bytes > 0),
  sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key    text NOT NULL,                       -- path under <dataDir>/evidence
  sub_criteria   text[] NOT NULL DEFAULT '{}',        -- the sub-criteria it supports ("5.3")
  carried_from   uuid REFERENCES assurance_evidence (id),
  needs_review   boolean NOT NULL DEFAULT false,      -- carried forward, not yet confirmed this year
  uploaded_by    uuid REFERENCES users (id),
  uploaded_at    timestamptz NOT NULL DEFAULT now(),
  withdrawn_at   timestamptz
);
CREATE INDEX assurance_evidence_cycle_org ON assurance_evidence (cycle_id, org_code);

-- Stakeholders: no account. Only the SHA-256 of the one-time token is kept; `responded` makes it single use.
CREATE TABLE assurance_stakeholders (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cycle_id    uuid NOT NULL REFERENCES assurance_cycles (id),
  org_code    text NOT NULL REFERENCES organisations (code),
  group_id    text NOT NULL,
  name        text NOT NULL CHECK (length(trim(name)) > 0),
  email       text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
  token_hash  text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  responded   boolean NOT NULL DEFAULT false,         -- deliberately no time: it could be matched to an answer
  added_by    uuid REFERENCES users (id),
  added_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (cycle_id, org_code, email)
);

-- Anonymous answers: a response knows its PCT and stakeholder group only. No stakeholder, token or time
-- column, and a random id, so no answer can be linked back to a person.
CREATE TABLE assurance_survey_responses (
  id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cycle_id  uuid NOT NULL REFERENCES assurance_cycles (id),
  org_code  text NOT NULL REFERENCES organisations (code),
  group_id  text NOT NULL
);
CREATE INDEX assurance_survey_responses_cycle_org ON assurance_survey_responses (cycle_id, org_code);

CREATE TABLE assurance_survey_answers (
  response_id  uuid NOT NULL REFERENCES assurance_survey_responses (id) ON DELETE CASCADE,
  item_id      text NOT NULL,
  value        smallint CHECK (value BETWEEN 1 AND 10),   -- Likert value; NULL = don't know
  text         text CHECK (length(text) <= 4000),
  PRIMARY KEY (response_id, item_id)
);

-- Panel members per PCT: each declares conflicts of interest, scores alone, then submits.
CREATE TABLE assurance_panel_members (
  cycle_id       uuid NOT NULL REFERENCES assurance_cycles (id),
  org_code       text NOT NULL REFERENCES organisations (code),
  user_id        uuid NOT NULL REFERENCES users (id),
  chair          boolean NOT NULL DEFAULT false,
  conflict       text CHECK (conflict IN ('none', 'declared')),   -- NULL until declared
  conflict_note  text NOT NULL DEFAULT '',
  declared_at    timestamptz,
  submitted_at   timestamptz,
  assigned_by    uuid REFERENCES users (id),
  assigned_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cycle_id, org_code, user_id),
  CHECK (conflict = 'none' OR submitted_at IS NULL)
);
CREATE UNIQUE INDEX assurance_panel_one_chair ON assurance_panel_members (cycle_id, org_code) WHERE chair;

CREATE TABLE assurance_panel_scores (
  cycle_id    uuid NOT NULL,
  org_code    text NOT NULL,
  user_id     uuid NOT NULL,
  item_kind   text NOT NULL CHECK (item_kind IN ('competency', 'sub_indicator')),
  item        text NOT NULL,
  level       smallint CHECK (level BETWEEN 1 AND 4),
  rag         text CHECK (rag IN ('red', 'amber', 'green')),
  note        text NOT NULL DEFAULT '',
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cycle_id, org_code, user_id, item_kind, item),
  FOREIGN KEY (cycle_id, org_code, user_id) REFERENCES assurance_panel_members (cycle_id, org_code, user_id) ON DELETE CASCADE,
  CHECK ((item_kind = 'competency' AND level IS NOT NULL AND rag IS NULL)
      OR (item_kind = 'sub_indicator' AND rag IS NOT NULL AND level IS NULL))
);

-- National moderation of an agreed score after calibration, always with its reason.
CREATE TABLE assurance_moderations (
  id            bigserial PRIMARY KEY,
  cycle_id      uuid NOT NULL REFERENCES assurance_cycles (id),
  org_code      text NOT NULL REFERENCES organisations (code),
  item_kind     text NOT NULL CHECK (item_kind IN ('competency', 'sub_indicator')),
  item          text NOT NULL,
  before_value  text NOT NULL,
  after_value   text NOT NULL,
  reason        text NOT NULL CHECK (length(trim(reason)) >= 10),
  moderated_by  uuid NOT NULL REFERENCES users (id),
  moderated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assurance_moderations_cycle ON assurance_moderations (cycle_id, org_code);

-- Earned autonomy: computed from the policy, then confirmed (possibly changed, with a reason) nationally.
CREATE TABLE assurance_autonomy (
  cycle_id           uuid NOT NULL REFERENCES assurance_cycles (id),
  org_code           text NOT NULL REFERENCES organisations (code),
  proposed_status    text NOT NULL,
  status             text,                     -- NULL until confirmed
  reasons            jsonb NOT NULL DEFAULT '[]',
  offers             jsonb NOT NULL DEFAULT '[]',
  development_focus  jsonb NOT NULL DEFAULT '[]',
  change_reason      text,
  computed_at        timestamptz NOT NULL DEFAULT now(),
  confirmed_by       uuid REFERENCES users (id),
  confirmed_at       timestamptz,
  PRIMARY KEY (cycle_id, org_code),
  CHECK ((status IS NULL) = (confirmed_at IS NULL)),
  CHECK (status IS NULL OR status = proposed_status OR length(trim(coalesce(change_reason, ''))) > 0)
);

CREATE TABLE assurance_reports (
  cycle_id                uuid NOT NULL REFERENCES assurance_cycles (id),
  org_code                text NOT NULL REFERENCES organisations (code),
  overview                text NOT NULL DEFAULT '',
  recommendations         jsonb NOT NULL DEFAULT '[]',
  outcomes_comment        text NOT NULL DEFAULT '',
  development_priorities  text NOT NULL DEFAULT '',
  updated_by              uuid REFERENCES users (id),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cycle_id, org_code)
);
