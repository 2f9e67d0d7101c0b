import { createHash, randomUUID } from 'node:crypto';
import type { Database } from '../../platform/db/database';
import { withoutTenant } from '../../platform/db/tenant-scope';
import { attachValues, chainText, detachValues, firstBreak, GENESIS, refsOf, type AuditEntry } from './domain/entry';
import { auditRepository } from './repository';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const PAGE = 1000;
const BATCH = 200;

export interface VerifyResult { ok: boolean; checked: number; broken?: { id: number; reason: 'modified' | 'missing_before' } }

/** The append-only, hash-chained record of every change made through the API. */
export function auditService(db: Database) {
  const pending: AuditEntry[] = [];
  let flushing: Promise<void> | undefined;
  async function flush(): Promise<void> {
    while (pending.length) {
      const batch = pending.splice(0, BATCH);
      await db.transaction(async (tx) => {
        const repo = auditRepository(tx);
        let prev = await repo.lockTail();
        for (const given of batch) {
          // Personal values stay outside the hashed entry, so an erasure can rewrite them (audit_values).
          const { body, values } = detachValues(given.request, randomUUID);
          const entry: AuditEntry = { ...given, request: body };
          if (given.before !== undefined) entry.before = detachValues(given.before, randomUUID, values).body;
          if (given.after !== undefined) entry.after = detachValues(given.after, randomUUID, values).body;
          const hash = sha256(chainText(prev, entry));
          await repo.append(entry, prev, hash);
          await repo.appendValues(entry.tenantId, values);
          prev = hash;
        }
      });
    }
  }
  return {
    /**
     * Adds an entry at the end of the chain (its hash covers the previous entry's). Entries arriving
     * together are appended in one transaction, so the chain's lock is taken once per batch rather
     * than once per change (under a burst of bookings it would otherwise serialise them all).
     */
    record(entry: AuditEntry): Promise<void> {
      pending.push(entry);
      // The chain spans every tenant: written as the owner even when a tenant's request adds to it.
      flushing ??= withoutTenant(flush).finally(() => { flushing = undefined; });
      return flushing;
    },
    /** Resolves once every entry recorded so far is written (before the pool closes). */
    async flushed(): Promise<void> {
      while (flushing) await flushing.catch(() => undefined);
    },
    /** Walks the whole chain: a modified entry breaks its own hash, a deleted one the link of the next. */
    async verify(): Promise<VerifyResult> {
      let checked = 0;
      let prev = GENESIS;
      let afterId = 0;
      for (;;) {
        const rows = await auditRepository(db).page(afterId, PAGE);
        const broken = firstBreak(rows, prev, sha256);
        if (broken) return { ok: false, checked: checked + rows.findIndex((r) => r.id === broken.id), broken };
        checked += rows.length;
        if (rows.length < PAGE) return { ok: true, checked };
        prev = rows.at(-1)!.hash;
        afterId = rows.at(-1)!.id;
      }
    },
    async list(tenantId: string, limit: number, beforeId?: number) {
      const repo = auditRepository(db);
      const rows = await repo.ofTenant(tenantId, limit, beforeId);
      const values = await repo.values(rows.flatMap((r) => [r.entry.request, r.entry.before, r.entry.after].flatMap((body) => refsOf(body))));
      return rows.map((r) => ({
        id: r.id, ...r.entry, request: attachValues(r.entry.request, values),
        ...(r.entry.before !== undefined ? { before: attachValues(r.entry.before, values) } : {}),
        ...(r.entry.after !== undefined ? { after: attachValues(r.entry.after, values) } : {}),
        hash: r.hash,
      }));
    },
  };
}
export type AuditService = ReturnType<typeof auditService>;
