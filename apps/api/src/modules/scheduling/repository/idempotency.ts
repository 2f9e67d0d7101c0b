import { decryptField, encryptField } from '../../../platform/crypto/fields';
import type { EncryptedTable } from '../../../platform/crypto/field-rotation';
import type { Queryable } from '../../../platform/db/database';

/** Stored answers are one encrypted JSON string each. */
export const encryptedAnswers: EncryptedTable = { table: 'idempotency_keys', key: ['tenant_id', 'key'], columns: [], json: ['response_body'] };

export interface StoredResponse { requestHash: string; status: number | null; body: unknown }

export function idempotencyRepository(db: Queryable) {
  return {
    async find(tenantId: string, key: string): Promise<StoredResponse | undefined> {
      const [row] = await db.query<{ request_hash: string; response_status: number | null; response_body: unknown }>(
        `SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE tenant_id=$1 AND key=$2`,
        [tenantId, key],
      );
      // The answer (a booking with its customer's details) is stored as one encrypted JSON string.
      const body = typeof row?.response_body === 'string' ? JSON.parse(decryptField(row.response_body)) : row?.response_body;
      return row && { requestHash: row.request_hash, status: row.response_status, body };
    },
    /** Claims the key inside the caller's transaction; waits for a concurrent holder and returns false if it committed. */
    async claim(tenantId: string, key: string, requestHash: string): Promise<boolean> {
      const rows = await db.query(
        `INSERT INTO idempotency_keys (tenant_id, key, request_hash) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING RETURNING key`,
        [tenantId, key, requestHash],
      );
      return rows.length === 1;
    },
    async complete(tenantId: string, key: string, status: number, body: unknown): Promise<void> {
      await db.query(`UPDATE idempotency_keys SET response_status=$3, response_body=$4 WHERE tenant_id=$1 AND key=$2`,
        [tenantId, key, status, JSON.stringify(encryptField(JSON.stringify(body)))]);
    },
  };
}
