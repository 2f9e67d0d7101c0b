-- Messages the business sends on its own: booking confirmations, reminders, notices, thank-yous,
-- no-show follow-ups, rating questions. One row per message with its business key, so a message
-- is scheduled once and sent once, however often the event that caused it is handled.

CREATE TABLE notices (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  key              text NOT NULL,            -- the business key: booking:<id>:<kind>:<due ISO> or the caller's
  kind             text NOT NULL,
  booking_id       uuid,
  contact_id       uuid,
  ref              text,                     -- what else it is about (a ticket id)
  variables        jsonb NOT NULL DEFAULT '{}',
  due_at           timestamptz NOT NULL,
  status           text NOT NULL DEFAULT 'scheduled'
                     CHECK (status IN ('scheduled', 'sent', 'skipped', 'cancelled', 'failed')),
  reason           text,                     -- why skipped, cancelled or failed
  conversation_id  uuid,
  message_id       uuid,                     -- the conversation message it became (its delivery is on the outbox)
  channel_type     text,
  via_template     boolean NOT NULL DEFAULT false,
  attempts         int NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, key)
);
CREATE INDEX notices_due ON notices (due_at) WHERE status = 'scheduled';
CREATE INDEX notices_by_booking ON notices (tenant_id, booking_id, due_at) WHERE booking_id IS NOT NULL;

CREATE FUNCTION notify_notices() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('frontdesk_notices', '');
  RETURN NULL;
END $$;
CREATE TRIGGER notices_notify AFTER INSERT ON notices FOR EACH STATEMENT EXECUTE FUNCTION notify_notices();

-- Which conversation (and so which contact) a booking was made in, learnt from the assistant's turns.
CREATE TABLE booking_links (
  tenant_id        uuid NOT NULL,
  booking_id       uuid NOT NULL,
  conversation_id  uuid NOT NULL,
  contact_id       uuid,
  said_at          timestamptz,              -- when the assistant last made, moved or cancelled it there (and said so)
  PRIMARY KEY (tenant_id, booking_id)
);

CREATE TABLE notification_settings (
  tenant_id   uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  settings    jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- A template may be the text of one kind of notice in one language ({{1}}… or {{name}} variables).
ALTER TABLE message_templates ADD COLUMN kind text;
CREATE INDEX message_templates_by_kind ON message_templates (tenant_id, kind, language) WHERE kind IS NOT NULL;

-- Sends are claimed before they go out ('sending'), so a crash between the provider's answer and
-- our record can never send twice: an in-doubt send is settled by the provider's receipt, which
-- carries our outbox id (WhatsApp's biz_opaque_callback_data, Twilio's status callback URL), or
-- sent again once it has been in doubt long enough. Retries wait for next_attempt_at.
ALTER TABLE outbox DROP CONSTRAINT outbox_status_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_status_check
  CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'held'));
ALTER TABLE outbox ADD COLUMN sending_since timestamptz;
ALTER TABLE outbox ADD COLUMN next_attempt_at timestamptz;
CREATE INDEX outbox_in_doubt ON outbox (sending_since) WHERE status = 'sending';
DROP INDEX outbox_queued;
CREATE INDEX outbox_pending ON outbox (tenant_id, channel_id, handle, seq) WHERE status IN ('queued', 'sending');
