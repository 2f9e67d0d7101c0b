import type { Queryable } from '../../platform/db/database';

/**
 * Rows waiting in the inbound event queue and the send outbox, each counted only up to its cap
 * (the partial indexes `inbound_events_due` and `outbox_pending` serve both), for backpressure.
 */
export async function queueDepths(db: Queryable, cap: { inbound: number; outbox: number }): Promise<{ inbound: number; outbox: number }> {
  const [row] = await db.query<{ inbound: number; outbox: number }>(
    `SELECT (SELECT count(*) FROM (SELECT 1 FROM inbound_events WHERE processed_at IS NULL AND dead_at IS NULL LIMIT $1) i)::int AS inbound,
            (SELECT count(*) FROM (SELECT 1 FROM outbox WHERE status IN ('queued', 'sending') LIMIT $2) o)::int AS outbox`,
    [cap.inbound, cap.outbox]);
  return row!;
}
