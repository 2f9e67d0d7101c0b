-- Support tickets: a customer's problem opened from a conversation (by staff, or by the assistant
-- on a complaint), followed to its resolution, with its history and the customer's rating.

CREATE TABLE ticket_settings (
  tenant_id   uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
  settings    jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tickets (
  tenant_id          uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  id                 uuid NOT NULL DEFAULT gen_random_uuid(),
  conversation_id    uuid NOT NULL,
  contact_id         uuid,
  subject            text NOT NULL,
  status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'resolved', 'closed')),
  priority           text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  assignee_id        uuid,              -- a scheduling resource of kind staff (until staff users exist)
  source             text NOT NULL CHECK (source IN ('staff', 'assistant')),
  resolution         text,
  opened_at          timestamptz NOT NULL,
  first_response_at  timestamptz,
  first_response_ms  bigint,            -- time to first response, stored when it happens
  resolved_at        timestamptz,
  resolve_ms         bigint,            -- time from opening to the latest resolution
  closed_at          timestamptz,
  resolutions        int NOT NULL DEFAULT 0,     -- each resolution may be rated once
  created_at         timestamptz NOT NULL DEFAULT now(),  -- the database's time, to compare with message events
  updated_at         timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id) ON DELETE CASCADE
);
-- At most one ticket in progress per conversation: a second complaint adds to it.
CREATE UNIQUE INDEX tickets_one_open ON tickets (tenant_id, conversation_id) WHERE status IN ('open', 'pending');
CREATE INDEX tickets_by_conversation ON tickets (tenant_id, conversation_id, opened_at DESC);
CREATE INDEX tickets_by_status ON tickets (tenant_id, status, opened_at DESC);
CREATE INDEX tickets_by_assignee ON tickets (tenant_id, assignee_id, opened_at DESC) WHERE assignee_id IS NOT NULL;
CREATE INDEX tickets_recent ON tickets (tenant_id, opened_at DESC, id DESC);

CREATE TABLE ticket_events (
  tenant_id        uuid NOT NULL,
  id               bigint GENERATED ALWAYS AS IDENTITY,
  ticket_id        uuid NOT NULL,
  kind             text NOT NULL,
  actor            text NOT NULL CHECK (actor IN ('staff', 'assistant', 'customer', 'system')),
  detail           jsonb NOT NULL DEFAULT '{}',
  source_event_id  bigint,            -- the bus event that caused it: a redelivered event records nothing twice
  at               timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ticket_events_by_ticket ON ticket_events (tenant_id, ticket_id, id);
CREATE UNIQUE INDEX ticket_events_once ON ticket_events (tenant_id, source_event_id, kind) WHERE source_event_id IS NOT NULL;

CREATE TABLE ticket_ratings (
  tenant_id        uuid NOT NULL,
  ticket_id        uuid NOT NULL,
  resolution       int NOT NULL,
  rating           smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment          text,
  conversation_id  uuid,
  rated_at         timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, ticket_id, resolution),
  FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id) ON DELETE CASCADE
);
