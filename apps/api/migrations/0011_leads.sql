-- Leads (issue 5): one per contact, moved along its stages by what happens in its conversations
-- and bookings, scored, routed, and timed against the tenant's response SLAs.

CREATE TABLE lead_settings (
  tenant_id      uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  settings       jsonb NOT NULL,
  last_agent_id  uuid,                    -- the round-robin cursor: who got the last HOT lead
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id)
);

-- contact_id has no foreign key: a contact merged away leaves its lead for us to move to the
-- surviving contact when its conversation next speaks.
CREATE TABLE leads (
  tenant_id     uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  contact_id    uuid NOT NULL,
  stage         text NOT NULL DEFAULT 'new' CHECK (stage IN ('new', 'engaged', 'qualified', 'booked', 'attended', 'won', 'lost')),
  lost_reason   text,
  source        jsonb NOT NULL DEFAULT '{}',   -- {channel, campaign, referral}
  owner_id      uuid,                          -- a staff resource until staff users exist
  tags          text[] NOT NULL DEFAULT '{}',
  fields        jsonb NOT NULL DEFAULT '{}',   -- qualification answers
  staff_fields  text[] NOT NULL DEFAULT '{}',  -- answers a person set: the assistant no longer overwrites them
  intents       text[] NOT NULL DEFAULT '{}',  -- every intent understood from the customer
  score         jsonb,                         -- {value, temperature, factors}
  temperature   text CHECK (temperature IN ('hot', 'warm', 'cold')),
  routing       text CHECK (routing IN ('human', 'assistant', 'nurture')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, contact_id)
);
CREATE INDEX leads_by_created ON leads (tenant_id, created_at DESC, id DESC);
CREATE INDEX leads_by_owner ON leads (tenant_id, owner_id) WHERE owner_id IS NOT NULL;

-- What belongs to a lead, remembered as its events go by (the timeline reads events through these).
CREATE TABLE lead_conversations (
  tenant_id        uuid NOT NULL,
  conversation_id  uuid NOT NULL,
  lead_id          uuid NOT NULL,
  last_turn_event  bigint NOT NULL DEFAULT 0,  -- turns are applied once and in order
  PRIMARY KEY (tenant_id, conversation_id),
  FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX lead_conversations_by_lead ON lead_conversations (tenant_id, lead_id);

CREATE TABLE lead_bookings (
  tenant_id   uuid NOT NULL,
  booking_id  uuid NOT NULL,
  lead_id     uuid NOT NULL,
  PRIMARY KEY (tenant_id, booking_id),
  FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX lead_bookings_by_lead ON lead_bookings (tenant_id, lead_id);

CREATE TABLE lead_notes (
  tenant_id   uuid NOT NULL,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  lead_id     uuid NOT NULL,
  text        text NOT NULL,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX lead_notes_by_lead ON lead_notes (tenant_id, lead_id, created_at);

-- Response timers, one row per conversation: the SLA timer runs from the customer's first
-- unanswered message until a reply that counts (a person's, for HOT or assigned leads), and the
-- silence (leakage) clock until anyone answers.
CREATE TABLE lead_timers (
  tenant_id        uuid NOT NULL,
  conversation_id  uuid NOT NULL,
  lead_id          uuid NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('first_response', 'next_response')),
  started_at       timestamptz NOT NULL,
  due_at           timestamptz NOT NULL,
  staff_only       boolean NOT NULL,
  stopped_at       timestamptz,
  breached_at      timestamptz,
  waiting_since    timestamptz,               -- the customer's first message nobody has answered yet
  leakage_at       timestamptz,               -- the silence alert, raised once per silence
  last_event       bigint NOT NULL DEFAULT 0, -- the newest message event applied: an older one arriving late changes nothing
  PRIMARY KEY (tenant_id, conversation_id),
  FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX lead_timers_running ON lead_timers (tenant_id, due_at) WHERE stopped_at IS NULL AND breached_at IS NULL;
CREATE INDEX lead_timers_waiting ON lead_timers (tenant_id, waiting_since) WHERE waiting_since IS NOT NULL AND leakage_at IS NULL;

CREATE TABLE sla_breaches (
  tenant_id      uuid NOT NULL,
  id             uuid NOT NULL DEFAULT gen_random_uuid(),
  lead_id        uuid NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('first_response', 'next_response', 'leakage')),
  started_at     timestamptz NOT NULL,
  breached_at    timestamptz NOT NULL,
  escalated_to   uuid,
  conversation_id uuid,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX sla_breaches_by_lead ON sla_breaches (tenant_id, lead_id, breached_at);
