-- Local health outcomes: a cycle's configuration (how many local outcomes, which are mandated, the
-- baseline period and trajectory length), each PCT's selection with its workflow state, the chosen
-- indicators with their five-year trajectories, and the conversation between PCT and SHA.
-- An approved selection is locked for the year: triggers refuse any change to it or its trajectories.

CREATE TABLE outcome_cycles (
  year                text PRIMARY KEY CHECK (year ~ '^[0-9]{4}-[0-9]{2}$'),
  assurance_cycle_id  uuid,   -- assurance_cycles.id when one exists (0301 runs after this file, so no FK here)
  baseline_period     text NOT NULL,                           -- indicator period the trajectories start from
  trajectory_years    integer NOT NULL DEFAULT 5 CHECK (trajectory_years BETWEEN 1 AND 10),
  local_outcomes      integer NOT NULL CHECK (local_outcomes BETWEEN 0 AND 30),  -- how many the PCT picks itself
  mandated            text[] NOT NULL DEFAULT '{}',            -- indicator ids every PCT must include
  created_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE outcome_selections (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cycle_year    text NOT NULL REFERENCES outcome_cycles (year),
  org_code      text NOT NULL REFERENCES organisations (code),
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
  submitted_at  timestamptz,
  submitted_by  uuid REFERENCES users (id),
  decided_at    timestamptz,
  decided_by    uuid REFERENCES users (id),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (cycle_year, org_code)
);

CREATE TABLE outcome_choices (
  selection_id     uuid NOT NULL REFERENCES outcome_selections (id) ON DELETE CASCADE,
  indicator_id     text NOT NULL REFERENCES indicators (id),
  mandated         boolean NOT NULL DEFAULT false,
  breakdown        text NOT NULL DEFAULT 'persons',
  baseline_period  text NOT NULL,
  baseline_value   double precision NOT NULL,
  target_value     double precision NOT NULL,
  target_basis     text NOT NULL CHECK (target_basis IN ('best-quartile', 'best-decile', 'best-observed',
                     'peer-best-quartile', 'peer-best-decile', 'peer-best-observed', 'custom')),
  shape            text NOT NULL CHECK (shape IN ('linear', 'constant-percentage')),
  milestones       double precision[] NOT NULL,                 -- years 0 (baseline) … T (target)
  rationale        text NOT NULL DEFAULT '',
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (selection_id, indicator_id)
);

CREATE TABLE outcome_comments (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  selection_id  uuid NOT NULL REFERENCES outcome_selections (id) ON DELETE CASCADE,
  kind          text NOT NULL CHECK (kind IN ('comment', 'submit', 'return', 'approve')),
  body          text NOT NULL DEFAULT '',
  author_id     uuid REFERENCES users (id),
  author_email  text,
  at            timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX outcome_comments_selection ON outcome_comments (selection_id, id);

-- Approved is final for the cycle year: the selection cannot change state and its choices cannot change.
CREATE FUNCTION outcome_selection_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'approved' THEN
    RAISE EXCEPTION 'outcome selection % is approved and locked for the year', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER outcome_selections_locked BEFORE UPDATE OR DELETE ON outcome_selections
  FOR EACH ROW EXECUTE FUNCTION outcome_selection_locked();

CREATE FUNCTION outcome_choice_locked() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE sel uuid := COALESCE(NEW.selection_id, OLD.selection_id);
BEGIN
  IF EXISTS (SELECT 1 FROM outcome_selections WHERE id = sel AND status = 'approved') THEN
    RAISE EXCEPTION 'the trajectories of outcome selection % are approved and locked for the year', sel USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END;
$$;
CREATE TRIGGER outcome_choices_locked BEFORE INSERT OR UPDATE OR DELETE ON outcome_choices
  FOR EACH ROW EXECUTE FUNCTION outcome_choice_locked();
