-- Sealed bids, second layer of keys: each competition's data key is stored wrapped (AES-256-GCM) under a
-- key-encryption key that lives outside PostgreSQL (WCC_BID_KEY, or <dataDir>/secrets/bid-kek.key), so
-- reading procurement_bid_keys directly no longer decrypts a bid. wrapped_by is the key-encryption
-- key's fingerprint; NULL marks a key stored before this migration (32 plain bytes), which the server
-- wraps the first time it uses it.
ALTER TABLE procurement_bid_keys DROP CONSTRAINT procurement_bid_keys_data_key_check;
ALTER TABLE procurement_bid_keys ADD COLUMN wrapped_by text CHECK (wrapped_by ~ '^[0-9a-f]{16}$');
ALTER TABLE procurement_bid_keys ADD CONSTRAINT procurement_bid_keys_shape
  CHECK ((wrapped_by IS NULL AND length(data_key) = 32) OR (wrapped_by IS NOT NULL AND length(data_key) = 60));

-- Framework documents a supplier uploads (insurance certificate, quality accreditation…): the file is
-- stored under <dataDir>/procurement/files by its SHA-256; seen by the supplier itself and NHS staff.
CREATE TABLE procurement_supplier_files (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  framework_id  text NOT NULL REFERENCES procurement_frameworks (id),
  supplier_id   text NOT NULL REFERENCES procurement_suppliers (id),
  title         text NOT NULL CHECK (length(trim(title)) > 0),
  file_name     text NOT NULL,
  media_type    text NOT NULL,
  size_bytes    integer NOT NULL CHECK (size_bytes > 0),
  sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key   text NOT NULL,
  uploaded_by   uuid REFERENCES users (id),
  uploaded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX procurement_supplier_files_supplier ON procurement_supplier_files (supplier_id);

-- Documents attached to a sealed bid. The file is AES-256-GCM ciphertext under the competition's data
-- key (stored under <dataDir>/procurement/sealed by the ciphertext's SHA-256); its name and media type
-- are sealed too (sealed_meta). The digest (SHA-256 of the plain file) is the supplier's receipt.
CREATE TABLE procurement_bid_attachments (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  competition_id  uuid NOT NULL,
  supplier_id     text NOT NULL,
  sealed_meta     bytea NOT NULL,
  size_bytes      integer NOT NULL CHECK (size_bytes > 0),
  digest          text NOT NULL CHECK (digest ~ '^[0-9a-f]{64}$'),
  storage_key     text NOT NULL,
  uploaded_by     uuid REFERENCES users (id),
  uploaded_at     timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (competition_id, supplier_id) REFERENCES procurement_invitations (competition_id, supplier_id)
);
CREATE INDEX procurement_bid_attachments_bid ON procurement_bid_attachments (competition_id, supplier_id);

-- Like bids: attachments only while tendering and before the deadline, enforced by the database too.
CREATE TRIGGER procurement_bid_attachments_deadline BEFORE INSERT OR UPDATE ON procurement_bid_attachments
  FOR EACH ROW EXECUTE FUNCTION procurement_bids_before_deadline();
