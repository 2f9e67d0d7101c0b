import type { Database, Queryable } from '../db/database';
import { drainLoop, type DrainLoop } from '../db/drain-loop';
import type { JobQueue } from '../jobs/queue';
import { openDetails, sealDetails } from '../crypto/sealed-details';

export interface DomainEvent {
  tenantId: string;
  id: number;
  type: string;
  subjectId: string | null;
  data: Record<string, unknown>;
  occurredAt: string;
}
export interface NewEvent {
  tenantId: string;
  type: string;
  subjectId?: string | null;
  data?: Record<string, unknown>;
  /** When it happened (the app's clock); the database's now() when unset. */
  at?: Date;
}
export type EventHandler = (event: DomainEvent) => Promise<void>;

const RELAY_BATCH = 200;
const POLL_MS = 1000;

/**
 * The internal event bus, a transactional outbox: `publish` writes the event with the change
 * that causes it; a relay hands each event to every module that subscribed to its type, as one
 * job each on that module's queue (`events.<consumer>`), so every consumer retries on its own,
 * with backoff and a dead letter. Handlers must be idempotent (a job may run twice).
 */
export function createEventBus(deps: { db: Database; jobs: JobQueue; databaseUrl: string; onError: (err: unknown) => void }) {
  const { db, jobs } = deps;
  const consumers = new Map<string, { types: Set<string> | '*'; handler: EventHandler }>();
  let loop: DrainLoop | undefined;

  async function relay(): Promise<number> {
    return db.transaction(async (tx) => {
      const rows = await tx.query<{ tenant_id: string; id: number; type: string; subject_id: string | null; data: Record<string, unknown>; occurred_at: Date }>(
        `SELECT tenant_id, id, type, subject_id, data, occurred_at FROM events
          WHERE relayed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`, [RELAY_BATCH]);
      for (const row of rows) {
        const event: DomainEvent = {
          tenantId: row.tenant_id, id: row.id, type: row.type, subjectId: row.subject_id, data: row.data,
          occurredAt: new Date(row.occurred_at).toISOString(),
        };
        for (const [name, consumer] of consumers) {
          if (consumer.types === '*' || consumer.types.has(event.type)) await jobs.send(queueOf(name), event, { id: jobIdOf(event.id) }, tx);
        }
      }
      if (rows.length) {
        await tx.query(`UPDATE events SET relayed_at = now() WHERE id = ANY($1::bigint[]) AND relayed_at IS NULL`, [rows.map((r) => r.id)]);
      }
      return rows.length;
    });
  }

  return {
    /** A module's interest in some event types (or every type); call before the workers start. */
    subscribe(consumer: string, types: string[] | '*', handler: EventHandler): void {
      consumers.set(consumer, { types: types === '*' ? '*' : new Set(types), handler });
      jobs.define(queueOf(consumer), { retryLimit: 8, retryDelaySeconds: 2 });
    },
    /** Writes an event in the caller's transaction: it exists if and only if the change does. */
    async publish(tx: Queryable, event: NewEvent): Promise<void> {
      await tx.query(
        `INSERT INTO events (tenant_id, type, subject_id, data, occurred_at) VALUES ($1, $2, $3, $4, coalesce($5, now()))`,
        [event.tenantId, event.type, event.subjectId ?? null, JSON.stringify(sealDetails(event.data ?? {})), event.at ?? null]);
    },
    /** The events about one subject (a booking, a lead), oldest first. */
    async about(tenantId: string, subjectId: string): Promise<DomainEvent[]> {
      const rows = await db.query<{ id: number; type: string; subject_id: string; data: Record<string, unknown>; occurred_at: Date }>(
        `SELECT id, type, subject_id, data, occurred_at FROM events WHERE tenant_id = $1 AND subject_id = $2 ORDER BY id`, [tenantId, subjectId]);
      return rows.map((r) => ({ tenantId, id: r.id, type: r.type, subjectId: r.subject_id, data: openDetails(r.data), occurredAt: new Date(r.occurred_at).toISOString() }));
    },
    async start(): Promise<void> {
      for (const [name, consumer] of consumers) {
        // Jobs carry the data as stored (sealed): the handler gets it whole.
        await jobs.work<DomainEvent>(queueOf(name), { batchSize: 8 }, (event) => consumer.handler({ ...event, data: openDetails(event.data) }));
      }
      loop = drainLoop({
        databaseUrl: deps.databaseUrl, channel: 'frontdesk_events', pollMs: POLL_MS, onError: deps.onError,
        applicationName: 'frontdesk-events',
        async drain() {
          while ((await relay()) === RELAY_BATCH) { /* more waiting */ }
        },
      });
      await loop.start();
    },
    async stop(): Promise<void> {
      await loop?.stop();
    },
  };
}
export type EventBus = ReturnType<typeof createEventBus>;

const queueOf = (consumer: string) => `events.${consumer}`;
/**
 * An event's job id, ordered as the events are: the relay writes a batch of jobs in one
 * transaction (one created_on), and workers take jobs of equal created_on in id order, so random
 * ids would hand a consumer a conversation's messages shuffled.
 */
export const jobIdOf = (eventId: number) => `00000000-0000-0000-0000-${eventId.toString(16).padStart(12, '0')}`;
