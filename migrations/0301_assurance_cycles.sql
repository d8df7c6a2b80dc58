-- The annual assurance cycle: a cycle per framework version and year with its timetable; SHA reopenings for
-- late edits; PCT self-assessments (draft → submitted, carried forward in a streamlined year); and the
-- agreed panel outcome per competency and governance sub-indicator, from which scorecards are built.

CREATE TABLE assurance_cycles (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  year                      text NOT NULL CHECK (year ~ '^[0-9]{4}-[0-9]{2}$'),
  framework_id              text NOT NULL,
  framework_version         text NOT NULL,
  policy_id                 text,
  policy_version            text,
  status                    text NOT NULL DEFAULT 'open'
                              CHECK (status IN ('open', 'panels', 'calibration', 'confirmed', 'published')),
  previous_cycle_id         uuid REFERENCES assurance_cycles (id),   -- for carry-forward and change since last year
  self_assessment_deadline  timestamptz NOT NULL,
  survey_opens              timestamptz NOT NULL,
  survey_closes             timestamptz NOT NULL,
  panels_from               date NOT NULL,
  panels_to                 date NOT NULL,
  calibration_by            date NOT NULL,
  publication_at            timestamptz NOT NULL,
  created_by                uuid REFERENCES users (id),
  created_at                timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (framework_id, framework_version) REFERENCES assurance_frameworks (framework_id, version) ON DELETE RESTRICT,
  FOREIGN KEY (policy_id, policy_version) REFERENCES assurance_policies (policy_id, version) ON DELETE RESTRICT,
  UNIQUE (framework_id, year),
  CHECK (survey_opens < survey_closes),
  CHECK (panels_from <= panels_to),
  CHECK (self_assessment_deadline::date <= panels_from),
  CHECK (panels_to <= calibration_by),
  CHECK (calibration_by <= publication_at::date)
);

-- Using a framework or policy version locks it (see 0300): its content can no longer change.
CREATE FUNCTION assurance_cycle_locks_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE assurance_frameworks SET locked_at = now()
   WHERE framework_id = NEW.framework_id AND version = NEW.framework_version AND locked_at IS NULL;
  IF NEW.policy_id IS NOT NULL THEN
    UPDATE assurance_policies SET locked_at = now()
     WHERE policy_id = NEW.policy_id AND version = NEW.policy_version AND locked_at IS NULL;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER assurance_cycles_lock_versions AFTER INSERT OR UPDATE OF framework_id, framework_version, policy_id, policy_version
  ON assurance_cycles FOR EACH ROW EXECUTE FUNCTION assurance_cycle_locks_versions();

-- A late edit after the self-assessment deadline needs an SHA reopening for that PCT, until a given time.
CREATE TABLE assurance_reopenings (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cycle_id     uuid NOT NULL REFERENCES assurance_cycles (id),
  org_code     text NOT NULL REFERENCES organisations (code),
  reason       text NOT NULL CHECK (length(trim(reason)) > 0),
  until        timestamptz NOT NULL,
  reopened_by  uuid NOT NULL REFERENCES users (id),
  reopened_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (until > reopened_at)
);
CREATE INDEX assurance_reopenings_cycle_org ON assurance_reopenings (cycle_id, org_code);

CREATE TABLE assurance_self_assessments (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cycle_id       uuid NOT NULL REFERENCES assurance_cycles (id),
  org_code       text NOT NULL REFERENCES organisations (code),
  status         text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  carried_from   uuid REFERENCES assurance_self_assessments (id),  -- last year's, in a streamlined cycle
  created_at     timestamptz NOT NULL DEFAULT now(),
  submitted_at   timestamptz,
  submitted_by   uuid REFERENCES users (id),
  UNIQUE (cycle_id, org_code),
  CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
);

-- One row per sub-criterion ("5.3"); needs_review marks a score carried forward and not yet confirmed.
CREATE TABLE assurance_self_scores (
  self_assessment_id  uuid NOT NULL REFERENCES assurance_self_assessments (id) ON DELETE CASCADE,
  sub_criterion       text NOT NULL CHECK (sub_criterion ~ '^[0-9]{1,2}\.[0-9]$'),
  level               smallint CHECK (level BETWEEN 1 AND 4),
  narrative           text NOT NULL DEFAULT '',
  needs_review        boolean NOT NULL DEFAULT false,
  updated_by          uuid REFERENCES users (id),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (self_assessment_id, sub_criterion)
);

-- The panel's agreed outcome: a level per competency and a RAG per governance sub-indicator, each with a
-- written rationale; moderation after calibration is a new row version kept in the audit trail.
CREATE TABLE assurance_agreed_scores (
  cycle_id      uuid NOT NULL REFERENCES assurance_cycles (id),
  org_code      text NOT NULL REFERENCES organisations (code),
  item_kind     text NOT NULL CHECK (item_kind IN ('competency', 'sub_indicator')),
  item          text NOT NULL,                        -- competency number "5" or sub-indicator id "F3"
  level         smallint CHECK (level BETWEEN 1 AND 4),
  rag           text CHECK (rag IN ('red', 'amber', 'green')),
  rationale     text NOT NULL CHECK (length(trim(rationale)) > 0),
  agreed_by     uuid REFERENCES users (id),
  agreed_at     timestamptz NOT NULL DEFAULT now(),
  moderated     boolean NOT NULL DEFAULT false,
  PRIMARY KEY (cycle_id, org_code, item_kind, item),
  CHECK ((item_kind = 'competency' AND level IS NOT NULL AND rag IS NULL)
      OR (item_kind = 'sub_indicator' AND rag IS NOT NULL AND level IS NULL))
);
CREATE INDEX assurance_agreed_scores_org ON assurance_agreed_scores (org_code, cycle_id);
