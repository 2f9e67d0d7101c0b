import type { Queryable } from '../db/database';
import type { SecretBox } from './secrets';
import { currentFieldKeyId, decryptField, ENCRYPTED_VALUES, encryptField, encryptSame, fieldKeyIdOf, reencrypt } from './fields';

/** A table with encrypted columns, and the lookup columns computed from their clear values. */
export interface EncryptedTable {
  table: string;
  /** The primary key (tenant_id, id when unset). */
  key?: string[];
  columns: string[];
  /** Those of `columns` encrypted with `encryptSame` (matched by equality). */
  same?: string[];
  /** JSON columns holding encrypted values inside (moved to the current key; never encrypted here). */
  json?: string[];
  lookups?: (clear: Record<string, string | null>) => Record<string, string | string[] | null>;
}

const BATCH = 500;

/**
 * Brings every encrypted value of these tables to the current key: values stored in clear (written
 * before encryption) or under a previous key are re-encrypted, and their lookup hashes recomputed.
 * Batches walk the primary key; each row is updated only if it still holds what was read, so a
 * concurrent write is never overwritten. Returns the rows changed per table.
 */
export async function encryptToCurrentKey(db: Queryable, tables: EncryptedTable[], opts: { force?: boolean } = {}): Promise<Record<string, number>> {
  const keyId = currentFieldKeyId();
  const changed: Record<string, number> = {};
  for (const t of tables) {
    const [done] = await db.query<{ key_id: string }>(`SELECT key_id FROM field_encryption_runs WHERE table_name = $1`, [t.table]);
    if (done?.key_id === keyId && !opts.force) continue;
    changed[t.table] = await encryptTable(db, t, keyId);
    await db.query(`INSERT INTO field_encryption_runs (table_name, key_id) VALUES ($1, $2)
      ON CONFLICT (table_name) DO UPDATE SET key_id = $2, finished_at = now()`, [t.table, keyId]);
  }
  return changed;
}

async function encryptTable(db: Queryable, t: EncryptedTable, keyId: string): Promise<number> {
  const key = t.key ?? ['tenant_id', 'id'];
  const json = t.json ?? [];
  const stale = (v: string | null) => v !== null && (v.match(ENCRYPTED_VALUES) ?? []).some((token) => fieldKeyIdOf(token) !== keyId);
  let after: unknown[] | undefined;
  let count = 0;
  for (;;) {
    const from = after ? `WHERE (${key.join(', ')}) > (${key.map((_, i) => `$${i + 1}`).join(', ')})` : '';
    const rows = await db.query<Record<string, string | null>>(
      `SELECT ${[...key, ...t.columns, ...json.map((c) => `${c}::text AS ${c}`)].join(', ')} FROM ${t.table} ${from}
        ORDER BY ${key.join(', ')} LIMIT ${BATCH}`, after ?? []);
    if (!rows.length) return count;
    after = key.map((k) => rows.at(-1)![k]);
    for (const row of rows) {
      const due = t.columns.some((c) => row[c] !== null && fieldKeyIdOf(row[c]!) !== keyId) || json.some((c) => stale(row[c]!));
      if (due) count += await reencryptRow(db, t, key, row);
    }
  }
}

/** One row to the current key, if it still holds what was read (a concurrent write wins). */
async function reencryptRow(db: Queryable, t: EncryptedTable, key: string[], row: Record<string, string | null>): Promise<number> {
  const clear = Object.fromEntries(t.columns.map((c) => [c, decryptField(row[c])]));
  const encrypt = (c: string) => {
    const v = row[c];
    if (v === null || v === undefined) return null;
    if (fieldKeyIdOf(v)) return reencrypt(v);
    return t.same?.includes(c) ? encryptSame(v) : encryptField(v); // stored in clear before encryption
  };
  const json = t.json ?? [];
  const values: Record<string, unknown> = {
    ...Object.fromEntries(t.columns.map((c) => [c, encrypt(c)])),
    ...Object.fromEntries(json.map((c) => [c, row[c] === null ? null : row[c]!.replace(ENCRYPTED_VALUES, reencrypt)])),
    ...t.lookups?.(clear),
  };
  const params: unknown[] = [];
  const param = (v: unknown, cast = '') => `$${params.push(v)}${cast}`;
  const cast = (c: string) => (json.includes(c) ? '::jsonb' : '');
  const sets = Object.keys(values).map((n) => `${n} = ${param(values[n], cast(n))}`).join(', ');
  const where = [...key.map((k) => `${k} = ${param(row[k])}`), ...[...t.columns, ...json].map((c) => `${c} IS NOT DISTINCT FROM ${param(row[c], cast(c))}`)].join(' AND ');
  return (await db.query(`UPDATE ${t.table} SET ${sets} WHERE ${where} RETURNING 1`, params)).length;
}

/** A column of values sealed by the secret box (provider tokens, signing secrets, LLM keys, TOTP secrets). */
export interface SealedColumn { table: string; column: string }

/** Reseals every stored secret under the current key; each value is unique (a random IV), so it names its own row. */
export async function resealSecrets(db: Queryable, box: SecretBox, columns: SealedColumn[]): Promise<Record<string, number>> {
  const changed: Record<string, number> = {};
  for (const { table, column } of columns) {
    const stale = await db.query<{ v: string }>(
      `SELECT DISTINCT ${column} AS v FROM ${table} WHERE ${column} LIKE 'v1:%' AND ${column} NOT LIKE $1`, [`v1:${box.currentKeyId}:%`]);
    for (const { v } of stale) {
      const done = await db.query(`UPDATE ${table} SET ${column} = $2 WHERE ${column} = $1 RETURNING 1`, [v, box.reseal(v)]);
      changed[`${table}.${column}`] = (changed[`${table}.${column}`] ?? 0) + done.length;
    }
  }
  return changed;
}
