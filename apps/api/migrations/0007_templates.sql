-- Approved message templates per tenant and language: the only thing WhatsApp (and Meta's other
-- channels) deliver outside the 24-hour customer-service window.
CREATE TABLE message_templates (
  tenant_id   uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  name        text NOT NULL,
  language    text NOT NULL,
  body        text NOT NULL,              -- with {{1}}, {{2}}… as Meta numbers variables
  status      text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, name, language)
);
