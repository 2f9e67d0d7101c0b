-- What happened to a contact over time: merges and splits by staff, phone number changes, and
-- the opt-out ledger (when, on which channel, why, with the customer's own words).

CREATE TABLE contact_events (
  tenant_id   uuid NOT NULL,
  id          bigint GENERATED ALWAYS AS IDENTITY,
  contact_id  uuid NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('merged', 'split', 'phone_changed', 'opted_out', 'opted_in')),
  channel_id  uuid,            -- opt-outs and opt-ins: the channel it came from (null for the web chat)
  detail      jsonb NOT NULL DEFAULT '{}',
  at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX contact_events_by_contact ON contact_events (tenant_id, contact_id, at, id);

-- The current consent, {at, source}, kept beside the ledger so every read of a contact has it.
ALTER TABLE contacts ADD COLUMN opted_out jsonb;
