import { AppError, notFound, validationError } from '../../../shared/errors';
import type { Database, Queryable } from '../../../platform/db/database';
import {
  explainStart, findSlots, renderSlots,
  type AvailabilityQuery, type BusyInterval, type Slot,
} from '../domain/availability';
import { loadAvailabilityContext } from '../repository/availability-context';
import type { ServiceRecord } from '../repository/catalogue';
import type { Clock } from '../ports';

const MINUTE = 60_000;
const MAX_WINDOW_MS = 366 * 24 * 60 * MINUTE;

export interface SlotOptions {
  resourceIds?: string[]; resourceId?: string; seats?: number; excludeBookingId?: string;
  /** Another length than the service's (a booking resized in the calendar). */
  durationMinutes?: number;
}
export type Reason = { code: string; message: string; resourceId?: string; refId?: string };
export type Check = { service: ServiceRecord } & ({ bookable: true; slot: Slot; reasons: [] } | { bookable: false; reasons: Reason[] });

export function availabilityService(db: Database, clock: Clock) {
  /**
   * Gathers everything the pure engine needs in one query: the service's rules, schedules,
   * holidays, busy intervals and seat sessions. `resourceIds` narrows the choice to those resources.
   */
  async function buildQuery(tenantId: string, serviceId: string, from: number, to: number, opts: SlotOptions, q: Queryable = db)
    : Promise<{ service: ServiceRecord; query: AvailabilityQuery }> {
    const now = clock.now();
    const context = await loadAvailabilityContext(q,
      { tenantId, serviceId, from, to, now, excludeBookingId: opts.excludeBookingId, onlyResourceIds: opts.resourceIds });
    if (!context) throw notFound('Service');
    const { service, resources, holidays, sessions, busy: busyRows } = context;
    const requested = opts.resourceIds && new Set(opts.resourceIds);
    const requirements = service.requirements.map((g) => ({
      count: g.count,
      resourceIds: requested ? g.resourceIds.filter((id) => requested.has(id)) : g.resourceIds,
    }));
    const busyBy = new Map<string, BusyInterval[]>();
    for (const r of busyRows) {
      const list = busyBy.get(r.resource_id) ?? [];
      list.push({
        start: r.cs, end: r.ce, blockStart: r.ds, blockEnd: r.de,
        kind: r.booking_id ? 'booking' : r.hold_id ? 'hold' : 'session',
        refId: r.booking_id ?? r.hold_id ?? r.session_id ?? undefined,
        ...(r.session_service_id ? { serviceId: r.session_service_id } : {}),
      });
      busyBy.set(r.resource_id, list);
    }
    const query: AvailabilityQuery = {
      now, from, to,
      businessTimeZone: context.timeZone,
      service: {
        id: service.id, durationMinutes: opts.durationMinutes ?? service.durationMinutes,
        bufferBeforeMinutes: service.bufferBeforeMinutes, bufferAfterMinutes: service.bufferAfterMinutes,
        slotIntervalMinutes: service.slotIntervalMinutes, minNoticeMinutes: service.minNoticeMinutes,
        notSameDay: service.notSameDay, horizonDays: service.horizonDays, capacity: service.capacity, requirements,
      },
      resources: resources.filter((r) => r.active && (!requested || requested.has(r.id))).map((r) => ({
        id: r.id, schedule: { timeZone: r.time_zone, weekly: r.schedule.weekly ?? {}, overrides: r.schedule.overrides ?? [] },
        busy: busyBy.get(r.id) ?? [],
      })),
      holidays,
      sessions: sessions.map((s) => ({ refId: s.id, start: s.start, end: s.end, resourceIds: s.resource_ids, seatsTaken: s.seats_taken })),
      ...(opts.resourceId ? { resourceId: opts.resourceId } : {}),
      seats: opts.seats ?? 1,
    };
    return { service, query };
  }

  function requestedMissing(service: ServiceRecord, opts: SlotOptions): Reason[] {
    const known = new Set(service.requirements.flatMap((g) => g.resourceIds));
    const asked = [...(opts.resourceIds ?? []), ...(opts.resourceId ? [opts.resourceId] : [])];
    return asked.filter((id) => !known.has(id)).map((id) => ({
      code: 'resource_missing', resourceId: id, message: `Resource ${id} does not perform this service`,
    }));
  }

  return {
    buildQuery,
    async slots(tenantId: string, input: { serviceId: string; from: string; to: string; timeZone?: string; resourceId?: string; seats: number; excludeBookingId?: string }) {
      const from = Date.parse(input.from);
      const to = Date.parse(input.to);
      if (!(to > from)) throw validationError([{ path: 'query.to', message: 'must be after from' }], 'SCHED_WINDOW_INVALID');
      if (to - from > MAX_WINDOW_MS) throw validationError([{ path: 'query.to', message: 'the window may span at most 366 days' }], 'SCHED_WINDOW_INVALID');
      const { service, query } = await buildQuery(tenantId, input.serviceId, from, to, input);
      const timeZone = input.timeZone ?? query.businessTimeZone;
      if (!service.active || requestedMissing(service, input).length) return { timeZone, slots: [] };
      return { timeZone, slots: renderSlots(findSlots(query), timeZone) };
    },
    async explain(tenantId: string, input: { serviceId: string; start: string; resourceId?: string; seats: number }) {
      return this.check(tenantId, input.serviceId, Date.parse(input.start), input);
    },
    /** The slot at exactly `start` with the service as it is now, or why there is none. */
    async check(tenantId: string, serviceId: string, start: number, opts: SlotOptions, q: Queryable = db): Promise<Check> {
      // A longer booking than the service's must see what blocks its resources up to its own end.
      const { service, query } = await buildQuery(tenantId, serviceId, start, start + 1 + (opts.durationMinutes ?? 0) * MINUTE, opts, q);
      if (!service.active) return { service, bookable: false, reasons: [{ code: 'service_inactive', message: 'The service is not offered now' }] };
      const missing = requestedMissing(service, opts);
      if (missing.length) return { service, bookable: false, reasons: missing };
      const slot = findSlots(query).find((s) => s.start === start);
      if (slot) return { service, bookable: true, slot, reasons: [] };
      const { reasons } = explainStart({ ...query, start });
      return { service, bookable: false, reasons: reasons.length ? reasons : [{ code: 'unavailable', message: 'Not bookable' }] };
    },
  };
}
export type AvailabilityService = ReturnType<typeof availabilityService>;

export function slotUnavailable(reasons: Reason[]): AppError {
  return new AppError('SCHED_SLOT_UNAVAILABLE', reasons.map((r) => r.message).join('; '), { reasons });
}
