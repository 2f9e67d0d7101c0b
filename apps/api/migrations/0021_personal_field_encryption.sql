-- Personal fields are encrypted by the application (platform/crypto/fields.ts): names, phones and
-- e-mails of contacts and bookings, and message bodies. Equality lookups use keyed hashes stored
-- beside them; a contact is found by the words of its name or four-digit runs of its phone through
-- hashed tokens (search_tokens). The server
-- encrypts rows written before this migration when it starts (and `frontdesk keys rotate` moves
-- every value to the current key), so these columns are filled there, not here.

ALTER TABLE contacts ADD COLUMN phone_hash text, ADD COLUMN email_hash text,
  ADD COLUMN search_tokens text[] NOT NULL DEFAULT '{}';
DROP INDEX contacts_by_phone;
DROP INDEX contacts_by_email;
-- Not unique: while a rotation runs, one phone may sit under an old and a new hash; the contacts
-- module serialises identification per handle (advisory lock) and looks up under every key.
CREATE INDEX contacts_by_phone_hash ON contacts (tenant_id, phone_hash) WHERE phone_hash IS NOT NULL;
CREATE INDEX contacts_by_email_hash ON contacts (tenant_id, email_hash) WHERE email_hash IS NOT NULL;
CREATE INDEX contacts_by_search_token ON contacts USING gin (search_tokens);

ALTER TABLE bookings ADD COLUMN customer_phone_hash text, ADD COLUMN customer_email_hash text;
CREATE INDEX bookings_by_customer_phone ON bookings (tenant_id, customer_phone_hash) WHERE customer_phone_hash IS NOT NULL;
CREATE INDEX bookings_by_customer_email ON bookings (tenant_id, customer_email_hash) WHERE customer_email_hash IS NOT NULL;

-- Which key each table's values were last brought to, so a start with the same key skips the scan.
CREATE TABLE field_encryption_runs (
  table_name  text PRIMARY KEY,
  key_id      text NOT NULL,
  finished_at timestamptz NOT NULL DEFAULT now()
);
