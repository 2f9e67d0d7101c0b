import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, targets, type TestApp } from '../harness/app';
import { sqlState } from '../../src/platform/db/database';
import { withoutTenant, withTenant } from '../../src/platform/db/tenant-scope';
import { twoPopulatedTenants, rowsByTenant, tenantTables, type SeededTenant } from './rls-fixtures';

const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (err: unknown) => sqlState(err));

describe.each(targets())('row-level security on $name', (target) => {
  let app: TestApp;
  let a: SeededTenant;
  let b: SeededTenant;
  beforeAll(async () => {
    app = await startTestApp({ target });
    [a, b] = await twoPopulatedTenants(app);
  });

  it('gives every table with a tenant_id column (and tenants itself) a policy on frontdesk.tenant_id', async () => {
    const tables = await tenantTables(app);
    expect(tables.length).toBeGreaterThan(40);
    const unprotected = await app.db.query<{ table: string }>(
      `SELECT k.relname AS table FROM pg_class k
        WHERE k.relnamespace = 'public'::regnamespace AND k.relname = ANY($1::text[] || ARRAY['tenants'])
          AND (NOT k.relrowsecurity OR NOT EXISTS (
            SELECT 1 FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = k.relname
               AND p.cmd = 'ALL' AND p.qual LIKE '%frontdesk.tenant_id%' AND p.with_check LIKE '%frontdesk.tenant_id%'))`, [tables]);
    expect(unprotected).toEqual([]);
    const [role] = await app.db.query(`SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = 'frontdesk_tenant'`);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: false });
  });

  it("shows a query without a tenant filter only the scope's rows, in every tenant-owned table", async () => {
    const bothTenants: string[] = [];
    for (const table of [...await tenantTables(app), 'tenants']) {
      const column = table === 'tenants' ? 'id' : 'tenant_id';
      const owner = table === 'tenants' ? { [a.id]: 1, [b.id]: 1 } : await rowsByTenant(app, table);
      if (owner[a.id] && owner[b.id]) bothTenants.push(table);
      for (const t of [a, b]) {
        const seen = await withTenant(t.id, () =>
          app.db.query<{ tenant: string; n: number }>(`SELECT ${column}::text AS tenant, count(*)::int AS n FROM "${table}" GROUP BY 1`));
        expect(seen, table).toEqual(owner[t.id] ? [{ tenant: t.id, n: owner[t.id] }] : []);
      }
    }
    // Not vacuous: most tables hold rows of both tenants here.
    expect(bothTenants.length).toBeGreaterThanOrEqual(18);
    expect(bothTenants).toEqual(expect.arrayContaining(['tenants', 'bookings', 'services', 'conversations', 'messages', 'contacts', 'events', 'audit_log', 'holds', 'idempotency_keys']));
  });

  it("refuses to write another tenant's rows, in autocommit statements and in transactions", async () => {
    const [bContact] = await app.db.query<{ id: string }>(`SELECT id FROM contacts WHERE tenant_id = $1 LIMIT 1`, [b.id]);
    const [aContact] = await app.db.query<{ id: string }>(`SELECT id FROM contacts WHERE tenant_id = $1 LIMIT 1`, [a.id]);
    await withTenant(a.id, async () => {
      expect(await app.db.query(`UPDATE contacts SET name = 'taken' WHERE id = $1 RETURNING id`, [bContact!.id])).toEqual([]);
      expect(await app.db.query(`DELETE FROM bookings WHERE tenant_id = $1 RETURNING id`, [b.id])).toEqual([]);
      expect(await codeOf(app.db.query(`INSERT INTO locations (tenant_id, name, time_zone) VALUES ($1, 'x', 'UTC')`, [b.id]))).toBe('42501');
      expect(await codeOf(app.db.query(`UPDATE contacts SET tenant_id = $1 WHERE id = $2`, [b.id, aContact!.id]))).toBe('42501');
      expect(await codeOf(app.db.transaction((tx) =>
        tx.query(`INSERT INTO contacts (tenant_id, name) VALUES ($1, 'intruder')`, [b.id])))).toBe('42501');
      expect(await app.db.transaction((tx) => tx.query(`UPDATE services SET name = name || '!' WHERE tenant_id = $1 RETURNING id`, [b.id]))).toEqual([]);
      // Its own rows it may write.
      expect(await app.db.transaction((tx) => tx.query(`UPDATE contacts SET name = name WHERE id = $1 RETURNING id`, [aContact!.id]))).toHaveLength(1);
    });
    expect(await app.db.query(`SELECT name FROM contacts WHERE id = $1`, [bContact!.id])).not.toEqual([{ name: 'taken' }]);
    expect(await app.db.query(`SELECT 1 FROM contacts WHERE name = 'intruder'`)).toEqual([]);
  });

  it('sees nothing as the tenant role with no tenant set, and everything as the owner', async () => {
    const bare = await app.db.transaction(async (tx) => {
      await tx.query(`SET LOCAL ROLE frontdesk_tenant`);
      return tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM bookings`);
    });
    expect(bare).toEqual([{ n: 0 }]);
    const owner = await withTenant(a.id, () => withoutTenant(() => app.db.query(`SELECT DISTINCT tenant_id::text AS t FROM bookings ORDER BY 1`)));
    expect(owner.map((r) => r.t)).toEqual([a.id, b.id].sort());
  });

  it("keeps a booking's time-range conflict check on its index under row-level security", async () => {
    const [r] = await app.db.query<{ resource_id: string }>(`SELECT resource_id FROM allocations WHERE tenant_id = $1 LIMIT 1`, [a.id]);
    const plan = await withTenant(a.id, () => app.db.transaction(async (tx) => {
      await tx.query(`SET LOCAL enable_seqscan = off`); // a table this small would be scanned anyway
      return tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT 1 FROM allocations
        WHERE tenant_id = $1 AND resource_id = ANY($2::uuid[]) AND during && tstzrange($3, $4)`, [a.id, [r!.resource_id], '2030-01-08T00:00:00Z', '2030-01-09T00:00:00Z']);
    }));
    expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toMatch(/Index Cond: .*during && /);
  });

  it("enqueues a job inside a tenant's transaction (pg-boss's tables and its later partitions are granted)", async () => {
    const id = await withTenant(a.id, () => app.db.transaction(async (tx) => {
      const [who] = await tx.query<{ role: string }>(`SELECT current_user AS role`);
      expect(who).toEqual({ role: 'frontdesk_tenant' });
      return app.jobs.send('webhooks.deliver', { tenantId: a.id, deliveryId: 'rls-probe' }, { startAfterSeconds: 3600 }, tx);
    }));
    expect(await app.db.query(`SELECT name FROM pgboss.job WHERE id = $1`, [id])).toEqual([{ name: 'webhooks.deliver' }]);
  });

  it('keeps each connection acting for the right party when scopes interleave, prepared statements included', async () => {
    const parties = [a.id, b.id, undefined];
    const runs = Array.from({ length: 60 }, async (_, i) => {
      const party = parties[i % 3];
      const query = () => (i % 2
        ? app.db.query<{ t: string }>(`SELECT DISTINCT tenant_id::text AS t FROM services ORDER BY 1`, [], 'rls_probe_services')
        : app.db.transaction((tx) => tx.query<{ t: string }>(`SELECT DISTINCT tenant_id::text AS t FROM services ORDER BY 1`)));
      const rows = party ? await withTenant(party, query) : await query();
      expect(rows.map((r) => r.t), `run ${i}`).toEqual(party ? [party] : [a.id, b.id].sort());
    });
    await Promise.all(runs);
  });
});
