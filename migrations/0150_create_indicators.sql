-- The indicator catalogue as loaded from src/analytics/indicators/catalogue/*.yaml (the files are the
-- source of truth; this table lets SQL and the API join values to their definitions), and one row per
-- computed indicator × period recording which imports it was computed from, so `wcc indicators
-- compute` recomputes only what changed. Values themselves live in indicator_values (0100).

CREATE TABLE indicators (
  id              text PRIMARY KEY,
  title           text NOT NULL,
  domain          text NOT NULL,
  method          text NOT NULL,
  computed        boolean NOT NULL,                  -- false: values come from indicator-values imports
  polarity        text NOT NULL CHECK (polarity IN ('lower-is-better', 'higher-is-better', 'no-judgement')),
  unit            text NOT NULL,
  multiplier      double precision NOT NULL,
  period_type     text NOT NULL CHECK (period_type IN ('financial-year', 'calendar-year')),
  vital_signs     text,
  definition      jsonb NOT NULL,                    -- the whole catalogue entry
  definition_hash text NOT NULL,                     -- SHA-256 of the entry, part of each computation's inputs key
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE indicator_computations (
  indicator_id  text NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  period        text NOT NULL,
  inputs_key    text NOT NULL,                       -- SHA-256 of engine version, definition and import ids
  import_ids    text[] NOT NULL,                     -- data_imports.id of every file the values were computed from
  value_count   integer NOT NULL CHECK (value_count >= 0),
  duration_ms   integer NOT NULL CHECK (duration_ms >= 0),
  computed_by   text,
  computed_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator_id, period)
);
