import type { RetentionRun, RetentionSettings } from '@frontdesk/contracts';
import type { Database } from '../../platform/db/database';
import { cutoffs, dueDate } from './domain/schedule';
import { retentionRepository } from './repository';

/**
 * Retention policies: per tenant and kind of data, how many days it is kept. The daily run
 * (from 03:00 in the tenant's zone) applies them in one transaction and records what it did.
 */
export function retentionService(db: Database) {
  /** Applies the tenant's limits for its local day, once: the advisory lock and the run's unique day keep other processes out. */
  async function runFor(tenantId: string, localDate: string, now: number): Promise<RetentionRun['results'] | undefined> {
    return db.transaction(async (tx) => {
      const repo = retentionRepository(tx);
      if (!(await repo.lock(tenantId)) || (await repo.ran(tenantId, localDate))) return undefined;
      const results: RetentionRun['results'] = [];
      for (const { dataClass, days, before } of cutoffs(await repo.settings(tenantId), now)) {
        results.push({ dataClass, days, before: before.toISOString(), rows: await repo.purge(tenantId, dataClass, before) });
      }
      await repo.recordRun(tenantId, localDate, new Date(now), results);
      return results;
    });
  }

  return {
    settings: (tenantId: string) => retentionRepository(db).settings(tenantId),
    saveSettings: (tenantId: string, settings: RetentionSettings) => retentionRepository(db).saveSettings(tenantId, settings),
    runs: (tenantId: string, limit = 50) => retentionRepository(db).runs(tenantId, limit),
    /** Every tenant whose day is due (03:00 local passed, not yet run today) gets its run; returns how many ran. */
    async sweep(tenantIds: string[], now: number): Promise<number> {
      let ran = 0;
      for (const t of await retentionRepository(db).tenantsWithPolicies(tenantIds)) {
        const date = dueDate(now, t.time_zone, t.last_run ?? undefined);
        if (date && (await runFor(t.tenant_id, date, now))) ran++;
      }
      return ran;
    },
  };
}
export type RetentionService = ReturnType<typeof retentionService>;
