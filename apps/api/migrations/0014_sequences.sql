-- Follow-up sequences: steps of message → wait → condition per tenant, contacts enrolled by an
-- event or by staff, each step advanced once by a sweep on the app clock.

CREATE TABLE sequence_settings (
  tenant_id   uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
  settings    jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sequences (
  tenant_id   uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  name        text NOT NULL,
  trigger     jsonb NOT NULL,
  steps       jsonb NOT NULL,
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
-- Which sequences an event enrols into.
CREATE INDEX sequences_by_trigger ON sequences (tenant_id, (trigger->>'event')) WHERE active;

CREATE TABLE sequence_enrolments (
  tenant_id        uuid NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  sequence_id      uuid NOT NULL,
  contact_id       uuid NOT NULL,
  status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'stopped', 'completed')),
  stop_reason      text,
  source           text NOT NULL,                -- 'manual' or the event type
  source_event_id  bigint,                       -- the bus event that enrolled: a redelivery enrols nobody twice
  enrolled_at      timestamptz NOT NULL,
  next_step        int,                          -- index of the step to send next
  next_step_at     timestamptz,
  last_step_at     timestamptz,
  stopped_at       timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, sequence_id) REFERENCES sequences (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX sequence_enrolments_one_active ON sequence_enrolments (tenant_id, sequence_id, contact_id) WHERE status = 'active';
CREATE UNIQUE INDEX sequence_enrolments_once ON sequence_enrolments (tenant_id, sequence_id, source_event_id) WHERE source_event_id IS NOT NULL;
CREATE INDEX sequence_enrolments_due ON sequence_enrolments (tenant_id, next_step_at) WHERE status = 'active';
CREATE INDEX sequence_enrolments_by_contact ON sequence_enrolments (tenant_id, contact_id, enrolled_at DESC);
CREATE INDEX sequence_enrolments_by_sequence ON sequence_enrolments (tenant_id, sequence_id, enrolled_at DESC);

-- Each step once: the primary key is the guarantee a step is never sent twice.
CREATE TABLE sequence_steps (
  tenant_id      uuid NOT NULL,
  enrolment_id   uuid NOT NULL,
  step           int NOT NULL,
  due_at         timestamptz NOT NULL,
  processed_at   timestamptz NOT NULL,
  outcome        text NOT NULL CHECK (outcome IN ('queued', 'skipped')),
  reason         text,
  notice_key     text NOT NULL,
  PRIMARY KEY (tenant_id, enrolment_id, step),
  FOREIGN KEY (tenant_id, enrolment_id) REFERENCES sequence_enrolments (tenant_id, id) ON DELETE CASCADE
);

-- What the sequences know of each contact, from the bus (in any order): their last message and booking.
CREATE TABLE sequence_contacts (
  tenant_id         uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  contact_id        uuid NOT NULL,
  last_customer_at  timestamptz,
  last_booked_at    timestamptz,
  PRIMARY KEY (tenant_id, contact_id)
);
