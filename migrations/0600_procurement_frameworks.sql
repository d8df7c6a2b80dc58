-- Buying support through a framework (FESC): frameworks, their lots (data), pre-qualified suppliers per lot
-- with their declarations and documents; mini-competitions with a business case, a weighted requirement,
-- invitations, anonymous clarifications, sealed bids, evaluators (conflicts declared, independent scores,
-- moderation), preferred bidder and standstill, award; call-off contracts with KPIs, variations and
-- termination; and the published OCDS releases.

CREATE TABLE procurement_frameworks (
  id                     text PRIMARY KEY CHECK (id ~ '^[A-Z0-9-]{2,30}$'),
  title                  text NOT NULL,
  description            text NOT NULL DEFAULT '',
  buyer_name             text NOT NULL,
  starts_on              date NOT NULL,
  ends_on                date NOT NULL,
  max_call_off_months    integer NOT NULL CHECK (max_call_off_months BETWEEN 1 AND 120),
  excludes_patient_care  boolean NOT NULL DEFAULT true,
  terms                  text NOT NULL DEFAULT '',
  created_at             timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on > starts_on)
);

CREATE TABLE procurement_lots (
  framework_id  text NOT NULL REFERENCES procurement_frameworks (id),
  lot_code      text NOT NULL CHECK (lot_code ~ '^[A-Za-z0-9-]{1,20}$'),
  title         text NOT NULL,
  description   text NOT NULL DEFAULT '',
  -- The WCC competencies (1-11) the lot helps with: the data behind matching support to need.
  competencies  smallint[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (framework_id, lot_code)
);

CREATE TABLE procurement_suppliers (
  id          text PRIMARY KEY CHECK (id ~ '^SUP-[A-Z0-9-]{2,30}$'),
  name        text NOT NULL,
  fictional   boolean NOT NULL DEFAULT false,   -- demo suppliers that never existed are marked as such
  address     text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE procurement_lot_suppliers (
  framework_id  text NOT NULL,
  lot_code      text NOT NULL,
  supplier_id   text NOT NULL REFERENCES procurement_suppliers (id),
  PRIMARY KEY (framework_id, lot_code, supplier_id),
  FOREIGN KEY (framework_id, lot_code) REFERENCES procurement_lots (framework_id, lot_code)
);

-- Declarations (no direct patient care, conflicts, insurance…) and documents a supplier files for a framework.
CREATE TABLE procurement_supplier_documents (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  framework_id  text NOT NULL REFERENCES procurement_frameworks (id),
  supplier_id   text NOT NULL REFERENCES procurement_suppliers (id),
  kind          text NOT NULL CHECK (kind IN ('declaration', 'document')),
  title         text NOT NULL,
  body          text NOT NULL,
  created_by    uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX procurement_supplier_documents_supplier ON procurement_supplier_documents (supplier_id);
