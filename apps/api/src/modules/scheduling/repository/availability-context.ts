import type { Queryable } from '../../../platform/db/database';
import type { BusyRow, SessionRow } from './claims';

export interface ContextResource { id: string; time_zone: string; schedule: { weekly: Record<string, [string, string][]>; overrides: { date: string; intervals: [string, string][] }[] }; active: boolean }
export interface AvailabilityContext {
  timeZone: string;
  resources: ContextResource[];
  holidays: string[];
  busy: BusyRow[];
  sessions: SessionRow[];
}

const ms = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;
const iso = (epochMs: number) => new Date(epochMs).toISOString();

/**
 * Everything the availability engine needs for one service and window, in one round trip:
 * the tenant's zone, the resources' schedules, holidays, what blocks them, and seat sessions.
 */
export async function loadAvailabilityContext(db: Queryable, p: {
  tenantId: string; serviceId: string; resourceIds: string[]; from: number; to: number; busyFrom: number; busyTo: number;
  now: number; excludeBookingId?: string; withSessions: boolean;
}): Promise<AvailabilityContext> {
  const [row] = await db.query<{ context: AvailabilityContext }>(
    `SELECT json_build_object(
       'timeZone', (SELECT time_zone FROM tenants WHERE id = $1),
       'resources', (SELECT coalesce(json_agg(json_build_object('id', r.id, 'time_zone', r.time_zone, 'schedule', r.schedule, 'active', r.active)), '[]')
                       FROM resources r WHERE r.tenant_id = $1 AND r.id = ANY($3::uuid[])),
       'holidays', (SELECT coalesce(json_agg(to_char(h.date, 'YYYY-MM-DD')), '[]') FROM holidays h
                     WHERE h.tenant_id = $1 AND h.date BETWEEN ($4::timestamptz - interval '2 days')::date AND ($5::timestamptz + interval '2 days')::date),
       'busy', (SELECT coalesce(json_agg(json_build_object(
                  'resource_id', a.resource_id, 'booking_id', a.booking_id, 'hold_id', a.hold_id, 'session_id', a.session_id,
                  'session_service_id', s.service_id, 'cs', ${ms('lower(a.core)')}, 'ce', ${ms('upper(a.core)')},
                  'ds', ${ms('lower(a.during)')}, 'de', ${ms('upper(a.during)')})), '[]')
                  FROM allocations a
                  LEFT JOIN holds h ON h.tenant_id = a.tenant_id AND h.id = a.hold_id
                  LEFT JOIN seat_sessions s ON s.tenant_id = a.tenant_id AND s.id = a.session_id
                 WHERE a.tenant_id = $1 AND a.resource_id = ANY($3::uuid[]) AND a.during && tstzrange($6, $7)
                   AND (a.hold_id IS NULL OR h.expires_at > $8)
                   AND ($9::uuid IS NULL OR a.booking_id IS DISTINCT FROM $9::uuid)),
       'sessions', (SELECT coalesce(json_agg(json_build_object('id', x.id, 'start', ${ms('x.start_at')}, 'end', ${ms('x.end_at')},
                      'resource_ids', x.resource_ids, 'seats_taken', x.seats_taken)), '[]')
                      FROM seat_sessions x WHERE $10 AND x.tenant_id = $1 AND x.service_id = $2
                       AND x.start_at >= $4 AND x.start_at < $5 AND x.seats_taken > 0)
     ) AS context`,
    [p.tenantId, p.serviceId, p.resourceIds, iso(p.from), iso(p.to), iso(p.busyFrom), iso(p.busyTo), iso(p.now),
      p.excludeBookingId ?? null, p.withSessions],
    'availability-context',
  );
  return row!.context;
}
