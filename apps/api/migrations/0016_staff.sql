-- Staff: people who sign in (one account, several tenants), their role in each tenant,
-- invitations, sessions, password resets; API keys get scopes.

CREATE TABLE users (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email                text NOT NULL UNIQUE CHECK (email = lower(email)),
  name                 text NOT NULL,
  password_hash        text,
  -- The TOTP secret, sealed with the platform secret key; enabled once a first code was confirmed.
  totp_secret          text,
  totp_enabled_at      timestamptz,
  -- The time step of the last code accepted: a code is good once (no replay within its window).
  totp_last_step       bigint,
  is_operator          boolean NOT NULL DEFAULT false,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
  tenant_id   uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role        text NOT NULL CHECK (role IN ('owner','manager','agent','viewer')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX memberships_by_user ON memberships (user_id);

CREATE TABLE invitations (
  tenant_id    uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  email        text NOT NULL CHECK (email = lower(email)),
  role         text NOT NULL CHECK (role IN ('owner','manager','agent','viewer')),
  token_hash   text NOT NULL UNIQUE,
  invited_by   jsonb NOT NULL,
  expires_at   timestamptz NOT NULL,
  accepted_at  timestamptz,
  accepted_by  uuid REFERENCES users(id) ON DELETE SET NULL,
  revoked_at   timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

-- A session belongs to a person, not a tenant: active_tenant_id is the tenant they are working in.
CREATE TABLE sessions (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash        text NOT NULL UNIQUE,
  user_id           uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  active_tenant_id  uuid REFERENCES tenants(id) ON DELETE SET NULL,
  csrf_token        text NOT NULL,
  ip                text,
  user_agent        text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  last_seen_at      timestamptz NOT NULL DEFAULT now(),
  expires_at        timestamptz NOT NULL,
  revoked_at        timestamptz
);
CREATE INDEX sessions_by_user ON sessions (user_id) WHERE revoked_at IS NULL;

CREATE TABLE password_resets (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash  text NOT NULL UNIQUE,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- '*' is everything a tenant may do; otherwise a list of permissions (see platform/auth/permissions.ts).
ALTER TABLE api_keys ADD COLUMN scopes text[] NOT NULL DEFAULT '{*}';
