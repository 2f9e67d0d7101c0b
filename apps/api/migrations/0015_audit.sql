-- The audit trail: every change made through the API by staff keys or the platform admin, with
-- who, what, from where and when, chained by hashes (each entry's hash covers the previous one's)
-- so that a modified or deleted entry is detected by `frontdesk audit verify`. Append-only.

CREATE TABLE audit_log (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id  uuid,                      -- null for platform-level actions
  at         timestamptz NOT NULL,
  actor      jsonb NOT NULL,            -- {"kind":"admin"} | {"kind":"api_key","keyId":…}
  action     text NOT NULL,             -- "PATCH /v1/leads/:id"
  target     jsonb NOT NULL,            -- the route's parameters
  request    jsonb,                     -- the body, secrets redacted
  status     int NOT NULL,
  ip         text,
  prev_hash  text NOT NULL,
  hash       text NOT NULL UNIQUE
);
CREATE INDEX audit_log_by_tenant ON audit_log (tenant_id, id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
