-- Assurance framework versions and earned-autonomy policies, loaded from src/assurance/frameworks/*.yaml and
-- src/assurance/policies/*.yaml (or later through the API). Content is the validated model as JSONB; the
-- checksum is SHA-256 of its canonical JSON, so reloading unchanged files is a no-op. Once a cycle uses a
-- version (locked_at is set), its content can never change: a correction is a new version.

CREATE TABLE assurance_frameworks (
  framework_id  text NOT NULL CHECK (framework_id ~ '^[a-z][a-z0-9-]*$'),
  version       text NOT NULL CHECK (version ~ '^[0-9]{4}-[0-9]{2}$'),
  era           text NOT NULL CHECK (era IN ('wcc', 'oversight')),
  title         text NOT NULL,
  content       jsonb NOT NULL,
  checksum      text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
  source        text NOT NULL,                       -- the file it came from, or 'api'
  loaded_at     timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz,
  locked_at     timestamptz,                         -- set when a cycle first uses this version
  PRIMARY KEY (framework_id, version),
  CHECK (content ->> 'id' = framework_id AND content ->> 'version' = version AND content ->> 'era' = era)
);

CREATE TABLE assurance_policies (
  policy_id     text NOT NULL CHECK (policy_id ~ '^[a-z][a-z0-9_-]*$'),
  version       text NOT NULL CHECK (version ~ '^[0-9]{4}-[0-9]{2}$'),
  framework_id  text NOT NULL,
  title         text NOT NULL,
  content       jsonb NOT NULL,
  checksum      text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
  source        text NOT NULL,
  loaded_at     timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz,
  locked_at     timestamptz,
  PRIMARY KEY (policy_id, version),
  CHECK (content ->> 'id' = policy_id AND content ->> 'version' = version)
);

-- A locked version cannot change or disappear, whoever connects.
CREATE FUNCTION assurance_version_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.locked_at IS NOT NULL THEN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION '% % is used by an assurance cycle and cannot be deleted', TG_TABLE_NAME, OLD.version
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.content IS DISTINCT FROM OLD.content OR NEW.checksum IS DISTINCT FROM OLD.checksum
       OR NEW.locked_at IS DISTINCT FROM OLD.locked_at THEN
      RAISE EXCEPTION '% % is used by an assurance cycle and cannot change; add a new version', TG_TABLE_NAME, OLD.version
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER assurance_frameworks_frozen BEFORE UPDATE OR DELETE ON assurance_frameworks
  FOR EACH ROW EXECUTE FUNCTION assurance_version_is_frozen();
CREATE TRIGGER assurance_policies_frozen BEFORE UPDATE OR DELETE ON assurance_policies
  FOR EACH ROW EXECUTE FUNCTION assurance_version_is_frozen();
