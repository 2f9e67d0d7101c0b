import type { Queryable } from '../../../platform/db/database';
import { isoInstant } from '../../../shared/time/iso';
import type { HoldRecord } from './bookings';

type HoldRow = {
  id: string; service_id: string; start_at: Date; end_at: Date; resource_ids: string[]; seats: number;
  session_id: string | null; expires_at: Date;
};

/** Holds still standing at `now` that overlap [from, to) (on one resource when asked), earliest first. */
export async function listActiveHolds(db: Queryable, tenantId: string, q: { from: number; to: number; now: number; resourceId?: string })
  : Promise<HoldRecord[]> {
  const rows = await db.query<HoldRow>(
    `SELECT id, service_id, start_at, end_at, resource_ids, seats, session_id, expires_at FROM holds
      WHERE tenant_id = $1 AND expires_at > $4 AND start_at < $3 AND end_at > $2
        AND ($5::uuid IS NULL OR $5::uuid = ANY(resource_ids))
      ORDER BY start_at, id LIMIT 1000`,
    [tenantId, new Date(q.from), new Date(q.to), new Date(q.now), q.resourceId ?? null], 'holds-list');
  return rows.map((r) => ({
    id: r.id, serviceId: r.service_id, start: isoInstant(r.start_at), end: isoInstant(r.end_at), resourceIds: r.resource_ids,
    seats: r.seats, sessionId: r.session_id, expiresAt: isoInstant(r.expires_at),
  }));
}
