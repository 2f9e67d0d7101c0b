-- Data protection (GDPR/LGPD): erasure requests with their receipt, and the personal values of audit entries.

-- A request to erase one contact: staff ask, a manager or owner approves (the anonymisation runs in the
-- approval's transaction) or rejects. The receipt keeps counts per data class, never the erased values.
CREATE TABLE erasure_requests (
  tenant_id     uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  contact_id    uuid NOT NULL,
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'rejected', 'completed')),
  reason        text,
  source        text NOT NULL CHECK (source IN ('staff', 'customer')),
  requested_by  jsonb NOT NULL,             -- the principal (actor) who asked, or {"kind":"customer"}
  requested_at  timestamptz NOT NULL,
  decided_by    jsonb,
  decided_at    timestamptz,
  decision_note text,
  pseudonym     text,                       -- what the person is called everywhere after the erasure
  receipt       jsonb,                      -- {"counts": {data class: rows changed}}
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX erasure_requests_one_pending ON erasure_requests (tenant_id, contact_id) WHERE status = 'pending';
CREATE INDEX erasure_requests_recent ON erasure_requests (tenant_id, requested_at DESC, id DESC);

-- The audit chain is append-only and hash-linked, so personal values never go into it: every string of
-- an audited request body is stored here and the chained entry holds only its reference ("$ref").
-- An erasure rewrites the values here (to the pseudonym); the chain, and `audit verify`, stay intact.
CREATE TABLE audit_values (
  tenant_id  uuid,                          -- null for platform-level actions
  ref        text NOT NULL PRIMARY KEY,     -- random: it reveals nothing about the value once that is gone
  value      text NOT NULL
);
CREATE INDEX audit_values_by_tenant ON audit_values (tenant_id);

ALTER TABLE contacts ADD COLUMN erased_at timestamptz;

-- Row-level security (0019) covers these tables when it runs after this file; on a database that already
-- has 0019 they are isolated here.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'isolate_tenant_table') THEN
    PERFORM isolate_tenant_table('erasure_requests');
    PERFORM isolate_tenant_table('audit_values');
  END IF;
END $$;
