-- Channels: each tenant's accounts on WhatsApp, Instagram, Messenger, Telegram, SMS and email;
-- raw inbound events (stored before they are acknowledged, deduplicated by the provider's id),
-- refused webhooks, the people's handles on each channel, and the outbox of sends.

CREATE TABLE channels (
  tenant_id      uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  id             uuid NOT NULL DEFAULT gen_random_uuid(),
  type           text NOT NULL,
  name           text NOT NULL,
  status         text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  config         jsonb NOT NULL,      -- everything but the secrets
  secrets        text NOT NULL,       -- AES-256-GCM sealed JSON (platform/crypto/secrets.ts)
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (id)
);

-- Provider webhooks name the channel by id alone; the event is stored before it is acknowledged.
CREATE TABLE inbound_events (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id          uuid NOT NULL,
  channel_id         uuid NOT NULL,
  provider_event_id  text NOT NULL,
  payload            jsonb NOT NULL,
  received_at        timestamptz NOT NULL DEFAULT now(),
  processed_at       timestamptz,
  attempts           int NOT NULL DEFAULT 0,
  next_attempt_at    timestamptz NOT NULL DEFAULT now(),
  dead_at            timestamptz,   -- gave up after every retry; last_error says why
  last_error         text,
  FOREIGN KEY (tenant_id, channel_id) REFERENCES channels (tenant_id, id) ON DELETE CASCADE,
  UNIQUE (channel_id, provider_event_id)
);
-- The table is its own queue: workers take due events in order, woken by this notification.
CREATE INDEX inbound_events_due ON inbound_events (next_attempt_at, id) WHERE processed_at IS NULL AND dead_at IS NULL;
CREATE FUNCTION notify_inbound() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('frontdesk_inbound', '');
  RETURN NULL;
END $$;
CREATE TRIGGER inbound_events_notify AFTER INSERT ON inbound_events FOR EACH STATEMENT EXECUTE FUNCTION notify_inbound();

CREATE TABLE webhook_rejections (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  channel_id   uuid,
  reason       text NOT NULL,
  remote_addr  text,
  received_at  timestamptz NOT NULL DEFAULT now()
);

-- A person's handle on one channel (a WhatsApp number, a Telegram chat, a page-scoped id).
CREATE TABLE channel_identities (
  tenant_id        uuid NOT NULL,
  channel_id       uuid NOT NULL,
  handle           text NOT NULL,
  contact_id       uuid NOT NULL,
  conversation_id  uuid,
  last_inbound_at  timestamptz,       -- opens WhatsApp's 24-hour customer-service window
  status           text NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'undeliverable', 'blocked')),
  status_reason    text,
  PRIMARY KEY (tenant_id, channel_id, handle),
  FOREIGN KEY (tenant_id, channel_id) REFERENCES channels (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
);
CREATE INDEX channel_identities_by_contact ON channel_identities (tenant_id, contact_id);
CREATE INDEX channel_identities_by_conversation ON channel_identities (tenant_id, conversation_id);

ALTER TABLE conversations ADD COLUMN channel_id uuid;
ALTER TABLE messages ADD COLUMN provider_message_id text;
ALTER TABLE messages ADD COLUMN option_id text;           -- inbound: the button or list row the customer tapped
ALTER TABLE messages ADD COLUMN sent_at timestamptz;      -- inbound: when the customer sent it (the provider's clock)
ALTER TABLE messages ADD COLUMN delivery jsonb;   -- outbound: {status, at, error?} as the provider reported it

-- Every send, written in the same transaction as the decision to send.
CREATE TABLE outbox (
  tenant_id            uuid NOT NULL,
  id                   uuid NOT NULL DEFAULT gen_random_uuid(),
  seq                  bigint GENERATED ALWAYS AS IDENTITY,  -- sends to one handle go out in this order
  channel_id           uuid NOT NULL,
  handle               text NOT NULL,
  message_id           uuid,          -- the conversation message this sends, if any
  payload              jsonb NOT NULL,  -- {text, options?, template?}
  status               text NOT NULL DEFAULT 'queued'
                         CHECK (status IN ('queued', 'sent', 'delivered', 'read', 'failed', 'held')),
  attempts             int NOT NULL DEFAULT 0,
  provider_message_id  text,
  last_error           jsonb,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, channel_id) REFERENCES channels (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX outbox_by_provider_id ON outbox (channel_id, provider_message_id) WHERE provider_message_id IS NOT NULL;
CREATE INDEX outbox_queued ON outbox (tenant_id, channel_id, handle, seq) WHERE status = 'queued';

-- A value sealed with the secret key when secrets were first stored: a server started with
-- another key refuses to start instead of failing on every webhook.
CREATE TABLE secret_key_check (
  id      int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  sealed  text NOT NULL
);
