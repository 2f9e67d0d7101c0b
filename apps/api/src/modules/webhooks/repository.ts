import { decryptField, encryptField } from '../../platform/crypto/fields';
import type { EncryptedTable } from '../../platform/crypto/field-rotation';
import type { Queryable } from '../../platform/db/database';

export interface EndpointRow {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  enabled: boolean;
  disabledReason: string | null;
  secret: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface DeliveryRow {
  id: string;
  endpointId: string;
  eventId: number;
  eventType: string;
  body: string;
  status: 'pending' | 'succeeded' | 'dead';
  attemptCount: number;
  cycleStart: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface AttemptRow {
  deliveryId: string;
  number: number;
  startedAt: Date;
  durationMs: number;
  responseStatus: number | null;
  responseBody: string | null;
  error: string | null;
}

const ENDPOINT = `id, url, events, description, enabled, disabled_reason AS "disabledReason", secret,
  created_at AS "createdAt", updated_at AS "updatedAt"`;
/** The bytes sent carry the customer's details: stored encrypted, opened when read. */
export const encryptedDeliveries: EncryptedTable = { table: 'webhook_deliveries', columns: ['body'] };
const readable = <T extends { body: string }>(row: T): T => ({ ...row, body: decryptField(row.body) });
const DELIVERY = `id, endpoint_id AS "endpointId", event_id AS "eventId", event_type AS "eventType", body, status,
  attempt_count AS "attemptCount", cycle_start AS "cycleStart", next_attempt_at AS "nextAttemptAt",
  last_error AS "lastError", created_at AS "createdAt", updated_at AS "updatedAt"`;

type EndpointChange = Partial<{ url: string; events: string[]; description: string | null; enabled: boolean; secret: string }>;

/** All SQL of outgoing webhooks; the tenant id comes first and filters every statement. */
export const webhooksRepository = {
  async insertEndpoint(db: Queryable, tenantId: string, e: { url: string; events: string[]; description: string | null; enabled: boolean; secret: string }) {
    const [row] = await db.query<EndpointRow & Record<string, unknown>>(
      `INSERT INTO webhook_endpoints (tenant_id, url, events, description, enabled, secret) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${ENDPOINT}`,
      [tenantId, e.url, e.events, e.description, e.enabled, e.secret]);
    return row!;
  },
  async endpoints(db: Queryable, tenantId: string, onlyEnabled = false): Promise<EndpointRow[]> {
    return db.query<EndpointRow & Record<string, unknown>>(
      `SELECT ${ENDPOINT} FROM webhook_endpoints WHERE tenant_id = $1 AND ($2::boolean IS FALSE OR enabled) ORDER BY created_at, id`,
      [tenantId, onlyEnabled]);
  },
  async endpoint(db: Queryable, tenantId: string, id: string): Promise<EndpointRow | undefined> {
    const [row] = await db.query<EndpointRow & Record<string, unknown>>(
      `SELECT ${ENDPOINT} FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return row;
  },
  /** Changes the given fields; enabling clears why Frontdesk disabled it. */
  async updateEndpoint(db: Queryable, tenantId: string, id: string, c: EndpointChange): Promise<EndpointRow | undefined> {
    const [row] = await db.query<EndpointRow & Record<string, unknown>>(
      `UPDATE webhook_endpoints SET
         url = coalesce($3, url), events = coalesce($4, events),
         description = CASE WHEN $5::boolean THEN $6 ELSE description END,
         enabled = coalesce($7, enabled), disabled_reason = CASE WHEN $7 THEN NULL ELSE disabled_reason END,
         secret = coalesce($8, secret), updated_at = now()
       WHERE tenant_id = $1 AND id = $2 RETURNING ${ENDPOINT}`,
      [tenantId, id, c.url ?? null, c.events ?? null, c.description !== undefined, c.description ?? null, c.enabled ?? null, c.secret ?? null]);
    return row;
  },
  async disableEndpoint(db: Queryable, tenantId: string, id: string, reason: string): Promise<void> {
    await db.query(`UPDATE webhook_endpoints SET enabled = false, disabled_reason = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, reason]);
  },
  async deleteEndpoint(db: Queryable, tenantId: string, id: string): Promise<boolean> {
    return (await db.query(`DELETE FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2 RETURNING id`, [tenantId, id])).length > 0;
  },

  /** One delivery per (endpoint, event): returns the ids of those that did not exist yet. */
  async insertDeliveries(db: Queryable, tenantId: string, d: { endpointIds: string[]; eventId: number; eventType: string; body: string; at: Date }) {
    const rows = await db.query<{ id: string }>(
      `INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_id, event_type, body, next_attempt_at)
       SELECT $1, e, $3, $4, $5, $6 FROM unnest($2::uuid[]) AS e
       ON CONFLICT (tenant_id, endpoint_id, event_id) DO NOTHING RETURNING id`,
      [tenantId, d.endpointIds, d.eventId, d.eventType, encryptField(d.body), d.at]);
    return rows.map((r) => r.id);
  },
  /** The delivery with its endpoint, locked for one attempt; undefined if missing or another attempt holds it. */
  async lockDelivery(db: Queryable, tenantId: string, id: string) {
    const [row] = await db.query<DeliveryRow & { url: string; secret: string; enabled: boolean } & Record<string, unknown>>(
      `SELECT d.id, d.endpoint_id AS "endpointId", d.event_id AS "eventId", d.event_type AS "eventType", d.body, d.status,
              d.attempt_count AS "attemptCount", d.cycle_start AS "cycleStart", e.url, e.secret, e.enabled
         FROM webhook_deliveries d JOIN webhook_endpoints e ON e.tenant_id = d.tenant_id AND e.id = d.endpoint_id
        WHERE d.tenant_id = $1 AND d.id = $2 FOR UPDATE OF d SKIP LOCKED`, [tenantId, id]);
    return row && readable(row);
  },
  async recordAttempt(db: Queryable, tenantId: string, a: AttemptRow): Promise<void> {
    await db.query(
      `INSERT INTO webhook_attempts (tenant_id, delivery_id, number, started_at, duration_ms, response_status, response_body, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [tenantId, a.deliveryId, a.number, a.startedAt, a.durationMs, a.responseStatus, a.responseBody, a.error]);
  },
  async settleDelivery(db: Queryable, tenantId: string, id: string, s: { status: DeliveryRow['status']; attemptCount: number; nextAttemptAt: Date | null; lastError: string | null }) {
    await db.query(
      `UPDATE webhook_deliveries SET status = $3, attempt_count = $4, next_attempt_at = $5, last_error = $6, updated_at = now()
        WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, s.status, s.attemptCount, s.nextAttemptAt, s.lastError]);
  },
  /** A manual retry: pending again, with a fresh cycle of attempts starting now. */
  async restartDelivery(db: Queryable, tenantId: string, id: string, at: Date): Promise<DeliveryRow | undefined> {
    const [row] = await db.query<DeliveryRow & Record<string, unknown>>(
      `UPDATE webhook_deliveries SET status = 'pending', cycle_start = attempt_count, next_attempt_at = $3, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 RETURNING ${DELIVERY}`, [tenantId, id, at]);
    return row && readable(row);
  },
  async delivery(db: Queryable, tenantId: string, id: string): Promise<DeliveryRow | undefined> {
    const [row] = await db.query<DeliveryRow & Record<string, unknown>>(
      `SELECT ${DELIVERY} FROM webhook_deliveries WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return row && readable(row);
  },
  async deliveries(db: Queryable, tenantId: string, endpointId: string, q: { status?: string; limit: number }): Promise<DeliveryRow[]> {
    return (await db.query<DeliveryRow & Record<string, unknown>>(
      `SELECT ${DELIVERY} FROM webhook_deliveries WHERE tenant_id = $1 AND endpoint_id = $2 AND ($3::text IS NULL OR status = $3)
        ORDER BY created_at DESC, event_id DESC LIMIT $4`, [tenantId, endpointId, q.status ?? null, q.limit])).map(readable);
  },
  async attempts(db: Queryable, tenantId: string, deliveryIds: string[]): Promise<AttemptRow[]> {
    return db.query<AttemptRow & Record<string, unknown>>(
      `SELECT delivery_id AS "deliveryId", number, started_at AS "startedAt", duration_ms AS "durationMs",
              response_status AS "responseStatus", response_body AS "responseBody", error
         FROM webhook_attempts WHERE tenant_id = $1 AND delivery_id = ANY($2::uuid[]) ORDER BY delivery_id, number`,
      [tenantId, deliveryIds]);
  },
};
