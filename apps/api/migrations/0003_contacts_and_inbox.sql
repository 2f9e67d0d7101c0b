-- Contacts as records, inbound messages waiting to be read together (bursts), and a
-- notification on every new message so open streams (web chat, staff) update at once.

CREATE TABLE contacts (
  tenant_id   uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  name        text,
  phone       text,          -- E.164
  email       text,
  lang        text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX contacts_by_phone ON contacts (tenant_id, phone) WHERE phone IS NOT NULL;
CREATE UNIQUE INDEX contacts_by_email ON contacts (tenant_id, lower(email)) WHERE email IS NOT NULL;

ALTER TABLE conversations ADD COLUMN contact_id uuid;
ALTER TABLE conversations ADD CONSTRAINT conversations_contact
  FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id);
CREATE INDEX conversations_by_contact ON conversations (tenant_id, contact_id) WHERE contact_id IS NOT NULL;

-- An inbound message is pending until a turn has read it (alone or with the rest of its burst).
ALTER TABLE messages ADD COLUMN pending boolean NOT NULL DEFAULT false;
CREATE INDEX messages_pending ON messages (tenant_id, conversation_id, seq) WHERE pending;

CREATE FUNCTION notify_message() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('frontdesk_messages', NEW.tenant_id || ' ' || NEW.conversation_id || ' ' || NEW.seq);
  RETURN NULL;
END $$;
CREATE TRIGGER messages_notify AFTER INSERT ON messages FOR EACH ROW EXECUTE FUNCTION notify_message();
