import type { Queryable } from '../../../platform/db/database';
import type { BusyRow, SessionRow } from './claims';
import { toService, type ServiceRecord } from './catalogue';

export interface ContextResource { id: string; time_zone: string; schedule: { weekly: Record<string, [string, string][]>; overrides: { date: string; intervals: [string, string][] }[] }; active: boolean }
export interface AvailabilityContext {
  service: ServiceRecord;
  timeZone: string;
  resources: ContextResource[];
  holidays: string[];
  busy: BusyRow[];
  sessions: SessionRow[];
}

const ms = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;
const iso = (epochMs: number) => new Date(epochMs).toISOString();

/**
 * Everything the availability engine needs for one service and window, in one round trip: the
 * service, the tenant's zone, the schedules of every resource the service can use, holidays,
 * what blocks those resources (widened by the service's length and buffers) and seat sessions.
 */
export async function loadAvailabilityContext(db: Queryable, p: {
  tenantId: string; serviceId: string; from: number; to: number; now: number; excludeBookingId?: string;
  /** Load only these of the service's resources (the caller asked for them). */
  onlyResourceIds?: string[];
}): Promise<AvailabilityContext | undefined> {
  const [row] = await db.query<{ context: (Omit<AvailabilityContext, 'service'> & { service: unknown }) | null }>(
    `WITH svc AS (SELECT * FROM services WHERE tenant_id = $1 AND id = $2),
          ids AS (SELECT DISTINCT id FROM (SELECT (jsonb_array_elements_text(g->'resourceIds'))::uuid AS id
                    FROM svc, jsonb_array_elements(svc.requirements) g) x WHERE $7::uuid[] IS NULL OR id = ANY($7::uuid[])),
          win AS (SELECT tstzrange($3::timestamptz - make_interval(mins => buffer_before_minutes),
                                   $4::timestamptz + make_interval(mins => duration_minutes + buffer_after_minutes)) AS r FROM svc)
     SELECT CASE WHEN EXISTS (SELECT 1 FROM svc) THEN json_build_object(
       'service', (SELECT row_to_json(svc) FROM svc),
       'timeZone', (SELECT time_zone FROM tenants WHERE id = $1),
       'resources', (SELECT coalesce(json_agg(json_build_object('id', r.id, 'time_zone', r.time_zone, 'schedule', r.schedule, 'active', r.active)), '[]')
                       FROM resources r WHERE r.tenant_id = $1 AND r.id = ANY((SELECT array_agg(id) FROM ids)::uuid[])),
       'holidays', (SELECT coalesce(json_agg(to_char(h.date, 'YYYY-MM-DD')), '[]') FROM holidays h
                     WHERE h.tenant_id = $1 AND h.date BETWEEN ($3::timestamptz - interval '2 days')::date AND ($4::timestamptz + interval '2 days')::date),
       'busy', (SELECT coalesce(json_agg(json_build_object(
                  'resource_id', a.resource_id, 'booking_id', a.booking_id, 'hold_id', a.hold_id, 'session_id', a.session_id,
                  'session_service_id', s.service_id, 'cs', ${ms('lower(a.core)')}, 'ce', ${ms('upper(a.core)')},
                  'ds', ${ms('lower(a.during)')}, 'de', ${ms('upper(a.during)')})), '[]')
                  FROM allocations a
                  LEFT JOIN holds h ON h.tenant_id = a.tenant_id AND h.id = a.hold_id
                  LEFT JOIN seat_sessions s ON s.tenant_id = a.tenant_id AND s.id = a.session_id
                 WHERE a.tenant_id = $1 AND a.resource_id = ANY((SELECT array_agg(id) FROM ids)::uuid[]) AND a.during && (SELECT r FROM win)
                   AND (a.hold_id IS NULL OR h.expires_at > $5)
                   AND ($6::uuid IS NULL OR a.booking_id IS DISTINCT FROM $6::uuid)),
       'sessions', (SELECT coalesce(json_agg(json_build_object('id', x.id, 'start', ${ms('x.start_at')}, 'end', ${ms('x.end_at')},
                      'resource_ids', x.resource_ids, 'seats_taken', x.seats_taken)), '[]')
                      FROM seat_sessions x, svc WHERE svc.capacity > 1 AND x.tenant_id = $1 AND x.service_id = $2
                       AND x.start_at >= $3 AND x.start_at < $4 AND x.seats_taken > 0)
     ) END AS context`,
    [p.tenantId, p.serviceId, iso(p.from), iso(p.to), iso(p.now), p.excludeBookingId ?? null, p.onlyResourceIds ?? null],
    'availability-context',
  );
  const context = row?.context;
  return context ? { ...context, service: toService(context.service) } : undefined;
}
