-- Organisations as a versioned tree, people and roles, sessions, the append-only audit trail and the job queue.

CREATE TABLE organisations (
  code            text PRIMARY KEY,
  name            text NOT NULL,
  type            text NOT NULL CHECK (type IN ('england', 'sha', 'pct')),
  ons_code        text,
  valid_from      date NOT NULL,
  valid_to        date,                          -- last day of existence; NULL while it exists
  successor_code  text REFERENCES organisations (code),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

-- Parent links have their own validity, so a reorganisation that moves a PCT is one new row.
CREATE TABLE organisation_hierarchy (
  child_code   text NOT NULL REFERENCES organisations (code),
  parent_code  text NOT NULL REFERENCES organisations (code),
  valid_from   date NOT NULL,
  valid_to     date,
  PRIMARY KEY (child_code, valid_from),
  CHECK (child_code <> parent_code)
);
CREATE INDEX organisation_hierarchy_parent ON organisation_hierarchy (parent_code);

CREATE TABLE users (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email           text NOT NULL UNIQUE CHECK (email = lower(email)),
  display_name    text NOT NULL,
  password_hash   text NOT NULL,
  failed_logins   integer NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  disabled        boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_roles (
  user_id   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role      text NOT NULL CHECK (role IN ('national_admin', 'sha_assurance_lead', 'sha_panel_member',
              'pct_commissioner', 'pct_analyst', 'pct_board_member', 'framework_supplier')),
  org_code  text NOT NULL DEFAULT '',           -- '' for national roles; SHA, PCT or supplier code otherwise
  UNIQUE (user_id, role, org_code)
);

CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,                 -- SHA-256 of the cookie value; the value itself is never stored
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE audit_log (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_id     uuid,
  actor_email  text,
  action       text NOT NULL,
  object_type  text NOT NULL,
  object_id    text NOT NULL,
  org_code     text,
  before       jsonb,
  after        jsonb
);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id, id);
CREATE INDEX audit_log_org ON audit_log (org_code, id);

-- The trail is append-only whoever connects: updates, deletes and truncation raise an error.
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

CREATE TABLE jobs (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind            text NOT NULL,
  payload         jsonb NOT NULL DEFAULT '{}',
  status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  progress_done   double precision NOT NULL DEFAULT 0,
  progress_total  double precision,
  message         text,
  result          jsonb,
  error           text,
  attempts        integer NOT NULL DEFAULT 0,
  created_by      uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  started_at      timestamptz,
  finished_at     timestamptz,
  heartbeat_at    timestamptz
);
CREATE INDEX jobs_queued ON jobs (created_at) WHERE status = 'queued';
