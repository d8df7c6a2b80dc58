-- Call-off contracts: the register, deliverables and KPIs, KPI reports with a RAG by period,
-- variations and extensions (within the framework's maximum call-off length), early termination;
-- and the OCDS releases published at each step.

CREATE TABLE procurement_contracts (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  competition_id     uuid NOT NULL UNIQUE REFERENCES procurement_competitions (id),
  pct_code           text NOT NULL REFERENCES organisations (code),
  supplier_id        text NOT NULL REFERENCES procurement_suppliers (id),
  title              text NOT NULL,
  value_pounds       numeric(14, 2) NOT NULL CHECK (value_pounds > 0),
  starts_on          date NOT NULL,
  ends_on            date NOT NULL,
  deliverables       text[] NOT NULL DEFAULT '{}',
  status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'terminated', 'completed')),
  terminated_on      date,
  termination_reason text,
  signed_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on > starts_on),
  CHECK ((status = 'terminated') = (terminated_on IS NOT NULL AND termination_reason IS NOT NULL))
);
CREATE INDEX procurement_contracts_supplier ON procurement_contracts (supplier_id);
CREATE INDEX procurement_contracts_pct ON procurement_contracts (pct_code);

CREATE TABLE procurement_kpis (
  contract_id  uuid NOT NULL REFERENCES procurement_contracts (id),
  kpi_code     text NOT NULL CHECK (kpi_code ~ '^[A-Za-z0-9-]{1,20}$'),
  title        text NOT NULL,
  direction    text NOT NULL CHECK (direction IN ('higher', 'lower')),
  target       numeric NOT NULL,
  tolerance    numeric NOT NULL CHECK (tolerance >= 0),   -- within tolerance of the target = amber
  PRIMARY KEY (contract_id, kpi_code)
);

CREATE TABLE procurement_kpi_reports (
  contract_id  uuid NOT NULL,
  kpi_code     text NOT NULL,
  period       text NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}-Q[1-4]$'),   -- 2008-09-Q3
  value        numeric NOT NULL,
  rag          text NOT NULL CHECK (rag IN ('red', 'amber', 'green')),
  note         text NOT NULL DEFAULT '',
  reported_by  uuid REFERENCES users (id),
  reported_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (contract_id, kpi_code, period),
  FOREIGN KEY (contract_id, kpi_code) REFERENCES procurement_kpis (contract_id, kpi_code)
);

CREATE TABLE procurement_variations (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contract_id   uuid NOT NULL REFERENCES procurement_contracts (id),
  kind          text NOT NULL CHECK (kind IN ('variation', 'extension')),
  description   text NOT NULL,
  old_ends_on   date NOT NULL,
  new_ends_on   date NOT NULL,
  old_value     numeric(14, 2) NOT NULL,
  new_value     numeric(14, 2) NOT NULL,
  agreed_on     date NOT NULL,
  created_by    uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Each release is a snapshot of published, public information at one step; never rewritten.
CREATE TABLE ocds_releases (
  ocid         text NOT NULL,
  release_id   text NOT NULL,
  released_at  timestamptz NOT NULL,
  release      jsonb NOT NULL,
  seq          bigint GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (ocid, release_id)
);
CREATE INDEX ocds_releases_seq ON ocds_releases (seq);
