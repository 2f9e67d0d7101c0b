-- Core: tenants, API keys, locations, resources, services, holidays, bookings, holds.
-- Every tenant-owned table leads its primary key and constraints with tenant_id (ready for Citus).
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE tenants (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug        text NOT NULL UNIQUE,
  name        text NOT NULL,
  time_zone   text NOT NULL,
  locale      text NOT NULL,
  currency    char(3) NOT NULL,
  blueprint   text,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
  tenant_id    uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  name         text NOT NULL,
  prefix       text NOT NULL,
  key_hash     text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, key_hash)
);

CREATE TABLE locations (
  tenant_id   uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  name        text NOT NULL,
  address     text,
  time_zone   text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE resources (
  tenant_id    uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  location_id  uuid,
  name         text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('staff','room','chair','vehicle','equipment','other')),
  time_zone    text NOT NULL,
  schedule     jsonb NOT NULL DEFAULT '{"weekly":{},"overrides":[]}',
  active       boolean NOT NULL DEFAULT true,
  ical_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, ical_token),
  FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id)
);
-- Calendar apps fetch a resource's feed by its secret token alone, without a tenant.
CREATE INDEX resources_by_ical_token ON resources (ical_token);

CREATE TABLE holidays (
  tenant_id  uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  date       date NOT NULL,
  name       text NOT NULL,
  PRIMARY KEY (tenant_id, date)
);

CREATE TABLE services (
  tenant_id                    uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  id                           uuid NOT NULL DEFAULT gen_random_uuid(),
  location_id                  uuid,
  name                         text NOT NULL,
  description                  text,
  duration_minutes             int NOT NULL CHECK (duration_minutes > 0),
  buffer_before_minutes        int NOT NULL DEFAULT 0 CHECK (buffer_before_minutes >= 0),
  buffer_after_minutes         int NOT NULL DEFAULT 0 CHECK (buffer_after_minutes >= 0),
  slot_interval_minutes        int NOT NULL CHECK (slot_interval_minutes > 0),
  price_amount                 bigint NOT NULL CHECK (price_amount >= 0),
  price_currency               char(3) NOT NULL,
  deposit_amount               bigint CHECK (deposit_amount >= 0),
  capacity                     int NOT NULL DEFAULT 1 CHECK (capacity >= 1),
  min_notice_minutes           int NOT NULL DEFAULT 0 CHECK (min_notice_minutes >= 0),
  not_same_day                 boolean NOT NULL DEFAULT false,
  horizon_days                 int NOT NULL DEFAULT 90 CHECK (horizon_days > 0),
  cancellation_window_minutes  int NOT NULL DEFAULT 0 CHECK (cancellation_window_minutes >= 0),
  requirements                 jsonb NOT NULL,
  active                       boolean NOT NULL DEFAULT true,
  created_at                   timestamptz NOT NULL DEFAULT now(),
  updated_at                   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id)
);

-- A group session of a service with seats (capacity > 1); seats_taken can never pass capacity.
CREATE TABLE seat_sessions (
  tenant_id     uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  service_id    uuid NOT NULL,
  start_at      timestamptz NOT NULL,
  end_at        timestamptz NOT NULL,
  resource_ids  uuid[] NOT NULL,
  capacity      int NOT NULL,
  seats_taken   int NOT NULL CHECK (seats_taken >= 0),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, service_id, start_at),
  CONSTRAINT seat_sessions_capacity CHECK (seats_taken <= capacity),
  FOREIGN KEY (tenant_id, service_id) REFERENCES services (tenant_id, id)
);

CREATE TABLE bookings (
  tenant_id            uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  id                   uuid NOT NULL DEFAULT gen_random_uuid(),
  service_id           uuid NOT NULL,
  status               text NOT NULL CHECK (status IN ('pending','confirmed','cancelled','completed','no_show')),
  start_at             timestamptz NOT NULL,
  end_at               timestamptz NOT NULL,
  resource_ids         uuid[] NOT NULL,
  seats                int NOT NULL DEFAULT 1 CHECK (seats >= 1),
  session_id           uuid,
  customer_name        text NOT NULL,
  customer_phone       text,
  customer_email       text,
  price_amount         bigint NOT NULL,
  price_currency       char(3) NOT NULL,
  deposit_amount       bigint,
  source_channel       text NOT NULL,
  notes                text,
  recurrence_id        uuid,
  cancelled_at         timestamptz,
  cancellation_reason  text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CHECK (end_at > start_at),
  FOREIGN KEY (tenant_id, service_id) REFERENCES services (tenant_id, id),
  FOREIGN KEY (tenant_id, session_id) REFERENCES seat_sessions (tenant_id, id)
);
CREATE INDEX bookings_by_start ON bookings (tenant_id, start_at, id);
CREATE INDEX bookings_by_recurrence ON bookings (tenant_id, recurrence_id) WHERE recurrence_id IS NOT NULL;

CREATE TABLE holds (
  tenant_id    uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  service_id   uuid NOT NULL,
  start_at     timestamptz NOT NULL,
  end_at       timestamptz NOT NULL,
  resource_ids uuid[] NOT NULL,
  seats        int NOT NULL DEFAULT 1,
  session_id   uuid,
  expires_at   timestamptz NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, service_id) REFERENCES services (tenant_id, id),
  FOREIGN KEY (tenant_id, session_id) REFERENCES seat_sessions (tenant_id, id)
);
CREATE INDEX holds_by_expiry ON holds (tenant_id, expires_at);

-- What each booking, hold or seat session occupies on each resource, buffers included.
-- The exclusion constraint is the guarantee: two active claims never overlap on one resource.
CREATE TABLE allocations (
  tenant_id    uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  resource_id  uuid NOT NULL,
  booking_id   uuid,
  hold_id      uuid,
  session_id   uuid,
  core         tstzrange NOT NULL,
  during       tstzrange NOT NULL,
  PRIMARY KEY (tenant_id, id),
  CHECK (num_nonnulls(booking_id, hold_id, session_id) = 1),
  CHECK (during @> core),
  FOREIGN KEY (tenant_id, resource_id) REFERENCES resources (tenant_id, id),
  FOREIGN KEY (tenant_id, booking_id) REFERENCES bookings (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, hold_id) REFERENCES holds (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, session_id) REFERENCES seat_sessions (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT allocations_no_overlap EXCLUDE USING gist (tenant_id WITH =, resource_id WITH =, during WITH &&)
);
CREATE INDEX allocations_by_booking ON allocations (tenant_id, booking_id) WHERE booking_id IS NOT NULL;
CREATE INDEX allocations_by_hold ON allocations (tenant_id, hold_id) WHERE hold_id IS NOT NULL;

CREATE TABLE idempotency_keys (
  tenant_id        uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  key              text NOT NULL,
  request_hash     text NOT NULL,
  response_status  int,
  response_body    jsonb,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, key)
);
