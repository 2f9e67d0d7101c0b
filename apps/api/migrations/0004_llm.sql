-- The optional LLM: each tenant's OpenAI-compatible endpoint and daily budget, and what it spent.

CREATE TABLE llm_settings (
  tenant_id           uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
  base_url            text,
  model               text,
  api_key             text,          -- write-only through the API; never returned or logged
  timeout_ms          int CHECK (timeout_ms > 0),
  daily_cap_amount    numeric CHECK (daily_cap_amount >= 0),   -- minor units
  daily_cap_currency  text,
  pricing             jsonb,         -- {inputPerMillion, outputPerMillion} in minor units of the cap currency
  enabled             boolean NOT NULL DEFAULT false,
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK ((daily_cap_amount IS NULL) = (daily_cap_currency IS NULL)),
  CHECK (NOT enabled OR (base_url IS NOT NULL AND model IS NOT NULL))
);

-- Written outside the turn's transaction, so spend counts even when the turn rolls back.
CREATE TABLE llm_usage (
  tenant_id          uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  day                date NOT NULL,  -- in the tenant's time zone
  model              text NOT NULL,
  calls              int NOT NULL DEFAULT 0,
  prompt_tokens      bigint NOT NULL DEFAULT 0,
  completion_tokens  bigint NOT NULL DEFAULT 0,
  cost               numeric NOT NULL DEFAULT 0,   -- minor units of currency, fractional
  currency           text NOT NULL,
  PRIMARY KEY (tenant_id, day, model)
);
