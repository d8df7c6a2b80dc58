-- Provenance of every import, the reference lookups that place small areas and local authorities in
-- PCTs, IMD per small area, and the aggregate indicator values shared by the importers and the engine.

CREATE TABLE data_imports (
  id            text PRIMARY KEY,                      -- also the Parquet file name under warehouse/<dataset>/
  kind          text NOT NULL,                         -- hes-apc, hes-op, hes-ae, ons-deaths, ons-population,
                                                       -- deaths, births, imd, indicator-values
  dataset       text,                                  -- warehouse dataset (apc, op, …) or a PostgreSQL table
  file_name     text NOT NULL,                         -- base name of the file as uploaded or given
  sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  rows_read     bigint NOT NULL CHECK (rows_read >= 0),
  rows_written  bigint NOT NULL CHECK (rows_written >= 0),
  rows_rejected bigint NOT NULL DEFAULT 0 CHECK (rows_rejected >= 0),
  reject_file   text,                                  -- where --skip-invalid wrote the rejected rows
  options       jsonb NOT NULL DEFAULT '{}'::jsonb,    -- mapping, indicator id, imd year …
  created_by    text,                                  -- user id, or the OS user for the CLI
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (sha256, kind)                                -- the same file imported twice as the same kind is a no-op
);
CREATE INDEX data_imports_created_at ON data_imports (created_at DESC);

-- Local authority (old-style ONS code as used by HES RESLADST and IMD 2007) → PCT.
CREATE TABLE la_pct (
  la_code      text PRIMARY KEY,
  la_name      text NOT NULL,
  la_ons_code  text,                                   -- E06…/E07…/E08…/E09… where known
  pct_code     text NOT NULL,
  match        text NOT NULL CHECK (match IN ('name', 'county', 'explicit', 'split'))  -- split: LA spans PCTs; listed under one
);
CREATE INDEX la_pct_pct ON la_pct (pct_code);

-- Small area (LSOA 2001) → local authority → PCT.
CREATE TABLE lsoa01_areas (
  lsoa01     text PRIMARY KEY,
  la_code    text NOT NULL,
  la_name    text NOT NULL,
  pct_code   text,
  import_id  text NOT NULL REFERENCES data_imports (id)
);
CREATE INDEX lsoa01_areas_pct ON lsoa01_areas (pct_code);

-- Index of Multiple Deprivation per LSOA 2001 (decile/quintile 1 = most deprived nationally).
CREATE TABLE imd_lsoa01 (
  imd_year   integer NOT NULL CHECK (imd_year IN (2004, 2007, 2010)),
  lsoa01     text NOT NULL,
  score      double precision,                        -- NULL when the file gives ranks only
  rank       integer NOT NULL,
  decile     smallint NOT NULL CHECK (decile BETWEEN 1 AND 10),
  quintile   smallint NOT NULL CHECK (quintile BETWEEN 1 AND 5),
  import_id  text NOT NULL REFERENCES data_imports (id),
  PRIMARY KEY (imd_year, lsoa01)
);

-- Indicator values per area, period and breakdown: uploaded aggregates (source_import_id set) and the
-- engine's computed values (source_import_id NULL). A NULL value with a note is a suppressed value,
-- never a zero.
CREATE TABLE indicator_values (
  indicator_id        text NOT NULL,
  area_code           text NOT NULL,
  area_type           text NOT NULL,                   -- england, sha, pct, la, region, county, …
  period              text NOT NULL,                   -- '2008-09', '2014', '2006-2008' …
  breakdown           text NOT NULL DEFAULT 'persons', -- persons, male, female, imd_quintile_1 …
  numerator           double precision,
  denominator         double precision,
  value               double precision,
  lower95_0cl         double precision,
  upper95_0cl         double precision,
  lower99_8cl         double precision,
  upper99_8cl         double precision,
  compared_to_england text,
  compared_to_parent  text,
  note                text,
  source_import_id    text REFERENCES data_imports (id),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator_id, area_type, area_code, period, breakdown)
);
CREATE INDEX indicator_values_area ON indicator_values (area_code, period);
CREATE INDEX indicator_values_import ON indicator_values (source_import_id);
