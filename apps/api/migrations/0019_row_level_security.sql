-- Row-level security as defence in depth: repositories always filter by tenant_id, and while the
-- app handles a tenant's request it also runs as frontdesk_tenant with frontdesk.tenant_id set
-- (platform/db/tenant-scope.ts), so a query that forgets its filter still sees only that tenant.
-- The owner role (migrations, workers, sweeps, the event relay, the platform admin) bypasses RLS.

-- Roles are cluster-wide: several databases of one server (tests clone one per file) run this.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'frontdesk_tenant') THEN
    CREATE ROLE frontdesk_tenant NOLOGIN NOSUPERUSER NOINHERIT NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database's migration created it at the same moment
END $$;

-- The app's login role must be able to SET ROLE to it (a superuser always can).
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'frontdesk_tenant', 'MEMBER') THEN
    EXECUTE format('GRANT frontdesk_tenant TO %I', current_user);
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO frontdesk_tenant;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO frontdesk_tenant;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO frontdesk_tenant;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO frontdesk_tenant;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO frontdesk_tenant;
-- Jobs are enqueued inside the write's transaction (jobs.send(..., tx)); pg-boss adds a partition per queue later.
GRANT USAGE ON SCHEMA pgboss TO frontdesk_tenant;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO frontdesk_tenant;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO frontdesk_tenant;
ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO frontdesk_tenant;
ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT USAGE, SELECT ON SEQUENCES TO frontdesk_tenant;

-- One policy per tenant-owned table. A later migration adding a table with tenant_id calls
-- SELECT isolate_tenant_table('its_name'); (test/security/rls.test.ts fails until it does).
-- Unset or reset, frontdesk.tenant_id is null or '': the role then sees no row at all.
CREATE FUNCTION isolate_tenant_table(t regclass, tenant_column name DEFAULT 'tenant_id') RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', t);
  EXECUTE format($p$CREATE POLICY tenant_isolation ON %s
    USING (%2$I = NULLIF(current_setting('frontdesk.tenant_id', true), '')::uuid)
    WITH CHECK (%2$I = NULLIF(current_setting('frontdesk.tenant_id', true), '')::uuid)$p$, t, tenant_column);
END $$;
REVOKE EXECUTE ON FUNCTION isolate_tenant_table(regclass, name) FROM PUBLIC;

-- Every table with a tenant_id column today (0001–0018), and the tenant's own row.
DO $$
DECLARE
  t regclass;
BEGIN
  FOR t IN
    SELECT format('%I.%I', c.table_schema, c.table_name)::regclass
      FROM information_schema.columns c
      JOIN information_schema.tables tb USING (table_schema, table_name)
     WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND tb.table_type = 'BASE TABLE'
     ORDER BY c.table_name
  LOOP
    PERFORM isolate_tenant_table(t);
  END LOOP;
END $$;
SELECT isolate_tenant_table('tenants', 'id');

-- Under RLS a condition whose function is not LEAKPROOF may not drive an index scan (it could
-- leak rows of other tenants through errors). `during && range` is the time test of every
-- availability and conflict query: without this, each of them reads all the tenant's allocations.
-- range_overlaps only compares bounds (its one error is about mismatched types, never values).
-- Only a superuser may say so; other servers keep correct but slower scans (docs/architecture.md).
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION range_overlaps(anyrange, anyrange) LEAKPROOF;
  ELSE
    RAISE NOTICE 'not a superuser: range_overlaps stays non-leakproof, time-range queries scan more under RLS';
  END IF;
END $$;
