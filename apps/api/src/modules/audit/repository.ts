import { decryptField, encryptField } from '../../platform/crypto/fields';
import type { EncryptedTable } from '../../platform/crypto/field-rotation';
import type { Queryable } from '../../platform/db/database';
import { GENESIS, type AuditEntry, type DetachedValue } from './domain/entry';

/** The personal values detached from audit entries, encrypted. */
export const encryptedAuditValues: EncryptedTable = { table: 'audit_values', key: ['ref'], columns: ['value'] };

export interface AuditRow { id: number; prevHash: string; hash: string; entry: AuditEntry }

const AUDIT_CHAIN_LOCK = 7_240_015;

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are mapped field by field right here */
const toRow = (r: any): AuditRow => ({
  id: r.id, prevHash: r.prev_hash, hash: r.hash,
  entry: { tenantId: r.tenant_id, at: new Date(r.at).toISOString(), actor: r.actor, action: r.action, target: r.target,
    request: r.request, status: r.status, ip: r.ip,
    // Entries from before 0020 have neither: absent keys, so their hashes still verify.
    ...(r.before !== null && r.before !== undefined ? { before: r.before } : {}),
    ...(r.after !== null && r.after !== undefined ? { after: r.after } : {}) },
});

export function auditRepository(db: Queryable) {
  return {
    /** Takes the chain's lock for this transaction and returns the last hash (one writer at a time extends it). */
    async lockTail(): Promise<string> {
      await db.query(`SELECT pg_advisory_xact_lock($1)`, [AUDIT_CHAIN_LOCK]);
      const [row] = await db.query<{ hash: string }>(`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`);
      return row?.hash ?? GENESIS;
    },
    async append(entry: AuditEntry, prevHash: string, hash: string): Promise<void> {
      await db.query(
        `INSERT INTO audit_log (tenant_id, at, actor, action, target, request, status, ip, prev_hash, hash, before, after)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [entry.tenantId, entry.at, JSON.stringify(entry.actor), entry.action, JSON.stringify(entry.target),
          entry.request === undefined ? null : JSON.stringify(entry.request), entry.status, entry.ip, prevHash, hash,
          entry.before === undefined ? null : JSON.stringify(entry.before), entry.after === undefined ? null : JSON.stringify(entry.after)]);
    },
    /** The personal values of an entry's body, kept outside the chain (audit_values). */
    async appendValues(tenantId: string | null, values: DetachedValue[]): Promise<void> {
      if (!values.length) return;
      await db.query(`INSERT INTO audit_values (tenant_id, ref, value) SELECT $1, * FROM unnest($2::text[], $3::text[])`,
        [tenantId, values.map((v) => v.ref), values.map((v) => encryptField(v.value))]);
    },
    async values(refs: string[]): Promise<Map<string, string>> {
      if (!refs.length) return new Map();
      const rows = await db.query<{ ref: string; value: string }>(`SELECT ref, value FROM audit_values WHERE ref = ANY($1::text[])`, [refs]);
      return new Map(rows.map((r) => [r.ref, decryptField(r.value)]));
    },
    /** A page of the whole chain in order, after `afterId`. */
    async page(afterId: number, limit: number): Promise<AuditRow[]> {
      return (await db.query(`SELECT * FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2`, [afterId, limit])).map(toRow);
    },
    async ofTenant(tenantId: string, limit: number, beforeId?: number): Promise<AuditRow[]> {
      return (await db.query(`SELECT * FROM audit_log WHERE tenant_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3`,
        [tenantId, beforeId ?? Number.MAX_SAFE_INTEGER, limit])).map(toRow);
    },
  };
}
