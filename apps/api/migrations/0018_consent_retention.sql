-- Consent asked on first contact (LGPD, GDPR) and how long each kind of data is kept.

-- The consent ledger: what a contact agreed to or refused, when, where and with which words shown.
-- Append-only: rows are inserted, and only follow their contact when two records of one person merge.
CREATE TABLE contact_consents (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id        uuid NOT NULL,
  contact_id       uuid NOT NULL,
  purposes         text[] NOT NULL,
  answer           text NOT NULL CHECK (answer IN ('granted', 'refused', 'withdrawn')),
  channel          text NOT NULL,
  channel_id       uuid,
  conversation_id  uuid,
  text_shown       text NOT NULL,
  lang             text,
  words            text,
  recorded_by      text NOT NULL CHECK (recorded_by IN ('assistant', 'staff')),
  at               timestamptz NOT NULL,
  FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX contact_consents_by_contact ON contact_consents (tenant_id, contact_id, at, id);

CREATE FUNCTION contact_consents_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (to_jsonb(NEW) - 'contact_id') IS DISTINCT FROM (to_jsonb(OLD) - 'contact_id') THEN
    RAISE EXCEPTION 'contact_consents is append-only' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER contact_consents_append_only BEFORE UPDATE ON contact_consents FOR EACH ROW EXECUTE FUNCTION contact_consents_append_only();

CREATE TABLE consent_settings (
  tenant_id   uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  settings    jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE retention_settings (
  tenant_id   uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  settings    jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- One run per tenant and local day: the unique key is what keeps two processes from both running it.
CREATE TABLE retention_runs (
  tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  local_date  date NOT NULL,
  started_at  timestamptz NOT NULL,
  results     jsonb NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, local_date)
);

-- The retention queries look rows up by age within a tenant.
CREATE INDEX messages_by_age ON messages (tenant_id, created_at);
CREATE INDEX inbound_events_by_age ON inbound_events (tenant_id, received_at);
