-- Mini-competitions among the suppliers of one lot, from business case to award.

CREATE TABLE procurement_competitions (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference             text NOT NULL UNIQUE,                  -- e.g. FESC-5C2-001, also the OCDS process id
  pct_code              text NOT NULL REFERENCES organisations (code),
  framework_id          text NOT NULL,
  lot_code              text NOT NULL,
  title                 text NOT NULL,
  status                text NOT NULL DEFAULT 'draft' CHECK (status IN
                          ('draft', 'approved', 'tendering', 'bids_opened', 'moderated', 'standstill', 'awarded', 'cancelled')),
  -- business case
  need                  text NOT NULL,
  competencies          smallint[] NOT NULL DEFAULT '{}',
  budget_pounds         numeric(14, 2) NOT NULL CHECK (budget_pounds > 0),
  board_approved_on     date,
  board_minute          text,
  -- requirement
  requirement           text,
  quality_weight        smallint CHECK (quality_weight BETWEEN 0 AND 100),   -- price weight is 100 - quality
  criteria              jsonb,                                   -- [{ key, title, weight }], weights sum to quality
  contract_months       integer,
  bid_deadline          timestamptz,
  tender_published_at   timestamptz,
  bids_opened_at        timestamptz,
  preferred_supplier_id text REFERENCES procurement_suppliers (id),
  standstill_ends_at    timestamptz,
  awarded_at            timestamptz,
  created_by            uuid REFERENCES users (id),
  created_at            timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (framework_id, lot_code) REFERENCES procurement_lots (framework_id, lot_code),
  CHECK ((board_approved_on IS NULL) = (board_minute IS NULL))
);
CREATE INDEX procurement_competitions_pct ON procurement_competitions (pct_code);

CREATE TABLE procurement_invitations (
  competition_id  uuid NOT NULL REFERENCES procurement_competitions (id),
  supplier_id     text NOT NULL REFERENCES procurement_suppliers (id),
  invited_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (competition_id, supplier_id)
);

-- The asker is kept for the audit trail only; everyone invited sees question and answer without it.
CREATE TABLE procurement_clarifications (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  competition_id  uuid NOT NULL REFERENCES procurement_competitions (id),
  asked_by_supplier text NOT NULL REFERENCES procurement_suppliers (id),
  question        text NOT NULL,
  answer          text,
  asked_at        timestamptz NOT NULL DEFAULT now(),
  answered_at     timestamptz
);

-- Sealed bids. The content (response, price, documents) is AES-256-GCM ciphertext under a key per
-- competition; the key is handed out only by procurement_bid_key() after the deadline, and the only
-- view the application reads content through shows it only after the deadline.
CREATE TABLE procurement_bid_keys (
  competition_id  uuid PRIMARY KEY REFERENCES procurement_competitions (id),
  data_key        bytea NOT NULL CHECK (length(data_key) = 32)
);

CREATE TABLE procurement_bids (
  competition_id  uuid NOT NULL REFERENCES procurement_competitions (id),
  supplier_id     text NOT NULL REFERENCES procurement_suppliers (id),
  sealed_content  bytea NOT NULL,            -- iv (12) || tag (16) || ciphertext
  digest          text NOT NULL,             -- SHA-256 of the plaintext: the supplier's receipt
  submitted_by    uuid REFERENCES users (id),
  submitted_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (competition_id, supplier_id),
  FOREIGN KEY (competition_id, supplier_id) REFERENCES procurement_invitations (competition_id, supplier_id)
);

-- Bids may only be written while the competition is tendering and before its deadline.
CREATE FUNCTION procurement_bids_before_deadline() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d timestamptz; s text;
BEGIN
  SELECT bid_deadline, status INTO d, s FROM procurement_competitions WHERE id = NEW.competition_id;
  IF s <> 'tendering' OR d IS NULL OR clock_timestamp() >= d THEN
    RAISE EXCEPTION 'bids are closed for this competition' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER procurement_bids_deadline BEFORE INSERT OR UPDATE ON procurement_bids
  FOR EACH ROW EXECUTE FUNCTION procurement_bids_before_deadline();

CREATE FUNCTION procurement_bid_key(p_competition uuid) RETURNS bytea LANGUAGE plpgsql STABLE AS $$
DECLARE d timestamptz; k bytea;
BEGIN
  SELECT c.bid_deadline, b.data_key INTO d, k
    FROM procurement_competitions c JOIN procurement_bid_keys b ON b.competition_id = c.id
   WHERE c.id = p_competition;
  IF d IS NULL OR clock_timestamp() < d THEN
    RAISE EXCEPTION 'bids are sealed until the deadline' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN k;
END;
$$;

CREATE VIEW procurement_bids_opened AS
  SELECT b.competition_id, b.supplier_id, b.digest, b.submitted_at,
         CASE WHEN clock_timestamp() >= c.bid_deadline THEN b.sealed_content END AS sealed_content
    FROM procurement_bids b JOIN procurement_competitions c ON c.id = b.competition_id;

CREATE TABLE procurement_evaluators (
  competition_id  uuid NOT NULL REFERENCES procurement_competitions (id),
  user_id         uuid NOT NULL REFERENCES users (id),
  declared_at     timestamptz,
  conflicts       text[],                    -- supplier ids the evaluator declared a conflict with
  conflict_note   text,
  submitted_at    timestamptz,               -- scores submitted: from then on they see others' scores
  PRIMARY KEY (competition_id, user_id)
);

CREATE TABLE procurement_scores (
  competition_id  uuid NOT NULL,
  user_id         uuid NOT NULL,
  supplier_id     text NOT NULL,
  criterion       text NOT NULL,
  score           smallint NOT NULL CHECK (score BETWEEN 0 AND 5),
  comment         text NOT NULL DEFAULT '',
  PRIMARY KEY (competition_id, user_id, supplier_id, criterion),
  FOREIGN KEY (competition_id, user_id) REFERENCES procurement_evaluators (competition_id, user_id),
  FOREIGN KEY (competition_id, supplier_id) REFERENCES procurement_bids (competition_id, supplier_id)
);

CREATE TABLE procurement_moderated_scores (
  competition_id  uuid NOT NULL,
  supplier_id     text NOT NULL,
  criterion       text NOT NULL,
  score           smallint NOT NULL CHECK (score BETWEEN 0 AND 5),
  rationale       text NOT NULL CHECK (length(trim(rationale)) > 0),
  moderated_by    uuid REFERENCES users (id),
  moderated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (competition_id, supplier_id, criterion),
  FOREIGN KEY (competition_id, supplier_id) REFERENCES procurement_bids (competition_id, supplier_id)
);

-- Prices are sealed with the bid; they are copied here when the bids are opened, for the formula.
CREATE TABLE procurement_opened_prices (
  competition_id  uuid NOT NULL,
  supplier_id     text NOT NULL,
  price_pounds    numeric(14, 2) NOT NULL CHECK (price_pounds > 0),
  PRIMARY KEY (competition_id, supplier_id),
  FOREIGN KEY (competition_id, supplier_id) REFERENCES procurement_bids (competition_id, supplier_id)
);
