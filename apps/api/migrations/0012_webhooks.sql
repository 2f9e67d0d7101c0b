-- Outgoing webhooks: tenants' endpoints (signing secret sealed), one delivery per endpoint and
-- event, and every attempt with what the receiver answered.

CREATE TABLE webhook_endpoints (
  tenant_id        uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  url              text NOT NULL,
  events           text[] NOT NULL,       -- event types, families (booking.*) or *
  description      text,
  enabled          boolean NOT NULL DEFAULT true,
  disabled_reason  text,                  -- set when Frontdesk disabled it (410 Gone)
  secret           text NOT NULL,         -- AES-256-GCM sealed (platform/crypto/secrets.ts)
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE webhook_deliveries (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  endpoint_id      uuid NOT NULL,
  event_id         bigint NOT NULL,
  event_type       text NOT NULL,
  body             text NOT NULL,         -- the exact bytes sent on every attempt
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'dead')),
  attempt_count    int NOT NULL DEFAULT 0,
  cycle_start      int NOT NULL DEFAULT 0, -- attempts made before the last manual retry
  next_attempt_at  timestamptz,
  last_error       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  -- An event relayed twice still makes one delivery per endpoint.
  UNIQUE (tenant_id, endpoint_id, event_id),
  FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoints (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX webhook_deliveries_recent ON webhook_deliveries (tenant_id, endpoint_id, created_at DESC, id);

CREATE TABLE webhook_attempts (
  tenant_id        uuid NOT NULL,
  delivery_id      uuid NOT NULL,
  number           int NOT NULL,
  started_at       timestamptz NOT NULL,
  duration_ms      int NOT NULL,
  response_status  int,
  response_body    text,                  -- at most the first 2 KB
  error            text,
  PRIMARY KEY (tenant_id, delivery_id, number),
  FOREIGN KEY (tenant_id, delivery_id) REFERENCES webhook_deliveries (tenant_id, id) ON DELETE CASCADE
);
