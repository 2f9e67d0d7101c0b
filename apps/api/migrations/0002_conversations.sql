-- The assistant: conversations, their messages and persisted state, and each tenant's assistant profile.

CREATE TABLE assistant_profiles (
  tenant_id   uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
  profile     jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE conversations (
  tenant_id        uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  channel          text NOT NULL,
  token_hash       text,
  state            jsonb NOT NULL,
  handled_by       text NOT NULL DEFAULT 'assistant' CHECK (handled_by IN ('assistant', 'human')),
  human_until      timestamptz,
  version          int NOT NULL DEFAULT 0,
  last_message_at  timestamptz NOT NULL DEFAULT now(),
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX conversations_by_activity ON conversations (tenant_id, last_message_at DESC);

CREATE TABLE messages (
  tenant_id          uuid NOT NULL,
  id                 uuid NOT NULL DEFAULT gen_random_uuid(),
  conversation_id    uuid NOT NULL,
  seq                bigint GENERATED ALWAYS AS IDENTITY,
  direction          text NOT NULL CHECK (direction IN ('in', 'out')),
  author             text NOT NULL CHECK (author IN ('customer', 'assistant', 'staff')),
  text               text NOT NULL,
  options            jsonb,
  understanding      jsonb,        -- inbound: what the assistant understood
  tool_calls         jsonb,        -- inbound: the tool calls the turn made and what they returned
  sources            jsonb,        -- outbound: the tool results each reply rests on
  client_message_id  text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id) ON DELETE CASCADE,
  UNIQUE (tenant_id, conversation_id, client_message_id)
);
CREATE INDEX messages_by_conversation ON messages (tenant_id, conversation_id, seq);
