import { AppError, validationError } from '../../../shared/errors';
import type { Database, Queryable } from '../../../platform/db/database';
import {
  explainStart, findSlots, renderSlots,
  type AvailabilityQuery, type BusyInterval, type Slot,
} from '../domain/availability';
import { loadAvailabilityContext } from '../repository/availability-context';
import type { ServiceRecord } from '../repository/catalogue';
import type { CatalogueService } from './catalogue';
import type { Clock, TenantDirectory } from '../ports';

const MINUTE = 60_000;
const MAX_WINDOW_MS = 366 * 24 * 60 * MINUTE;

export interface SlotOptions { resourceIds?: string[]; resourceId?: string; seats?: number; excludeBookingId?: string }
export type Reason = { code: string; message: string; resourceId?: string; refId?: string };

export function availabilityService(db: Database, catalogue: CatalogueService, tenants: TenantDirectory, clock: Clock) {
  /** Gathers everything the pure engine needs: rules, schedules, holidays, busy intervals, seat sessions. */
  async function buildQuery(tenantId: string, service: ServiceRecord, from: number, to: number, opts: SlotOptions, q: Queryable = db)
    : Promise<AvailabilityQuery> {
    const now = clock.now();
    const requested = opts.resourceIds && new Set(opts.resourceIds);
    const requirements = service.requirements.map((g) => ({
      count: g.count,
      resourceIds: requested ? g.resourceIds.filter((id) => requested.has(id)) : g.resourceIds,
    }));
    const ids = [...new Set(requirements.flatMap((g) => g.resourceIds))];
    const before = service.bufferBeforeMinutes * MINUTE;
    const after = (service.durationMinutes + service.bufferAfterMinutes) * MINUTE;
    const context = await loadAvailabilityContext(q, {
      tenantId, serviceId: service.id, resourceIds: ids, from, to, busyFrom: from - before, busyTo: to + after, now,
      excludeBookingId: opts.excludeBookingId, withSessions: service.capacity > 1,
    });
    const { resources, holidays, sessions, busy: busyRows } = context;
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
    return {
      now, from, to,
      businessTimeZone: context.timeZone,
      service: {
        id: service.id, durationMinutes: service.durationMinutes,
        bufferBeforeMinutes: service.bufferBeforeMinutes, bufferAfterMinutes: service.bufferAfterMinutes,
        slotIntervalMinutes: service.slotIntervalMinutes, minNoticeMinutes: service.minNoticeMinutes,
        notSameDay: service.notSameDay, horizonDays: service.horizonDays, capacity: service.capacity, requirements,
      },
      resources: resources.filter((r) => r.active).map((r) => ({
        id: r.id, schedule: { timeZone: r.time_zone, weekly: r.schedule.weekly ?? {}, overrides: r.schedule.overrides ?? [] },
        busy: busyBy.get(r.id) ?? [],
      })),
      holidays,
      sessions: sessions.map((s) => ({ refId: s.id, start: s.start, end: s.end, resourceIds: s.resource_ids, seatsTaken: s.seats_taken })),
      ...(opts.resourceId ? { resourceId: opts.resourceId } : {}),
      seats: opts.seats ?? 1,
    };
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
    async slots(tenantId: string, input: { serviceId: string; from: string; to: string; timeZone?: string; resourceId?: string; seats: number }) {
      const from = Date.parse(input.from);
      const to = Date.parse(input.to);
      if (!(to > from)) throw validationError([{ path: 'query.to', message: 'must be after from' }], 'SCHED_WINDOW_INVALID');
      if (to - from > MAX_WINDOW_MS) throw validationError([{ path: 'query.to', message: 'the window may span at most 366 days' }], 'SCHED_WINDOW_INVALID');
      const service = await catalogue.service(tenantId, input.serviceId);
      const timeZone = input.timeZone ?? (await tenants.tenant(tenantId)).timeZone;
      if (!service.active || requestedMissing(service, input).length) return { timeZone, slots: [] };
      const query = await buildQuery(tenantId, service, from, to, input);
      return { timeZone, slots: renderSlots(findSlots(query), timeZone) };
    },
    async explain(tenantId: string, input: { serviceId: string; start: string; resourceId?: string; seats: number }) {
      const service = await catalogue.service(tenantId, input.serviceId);
      return this.check(tenantId, service, Date.parse(input.start), input);
    },
    /** The slot at exactly `start`, or why there is none. */
    async check(tenantId: string, service: ServiceRecord, start: number, opts: SlotOptions, q: Queryable = db)
      : Promise<{ bookable: true; slot: Slot; reasons: [] } | { bookable: false; reasons: Reason[] }> {
      if (!service.active) return { bookable: false, reasons: [{ code: 'service_inactive', message: 'The service is not offered now' }] };
      const missing = requestedMissing(service, opts);
      if (missing.length) return { bookable: false, reasons: missing };
      const query = await buildQuery(tenantId, service, start, start + 1, opts, q);
      const slot = findSlots(query).find((s) => s.start === start);
      if (slot) return { bookable: true, slot, reasons: [] };
      const { reasons } = explainStart({ ...query, start });
      return { bookable: false, reasons: reasons.length ? reasons : [{ code: 'unavailable', message: 'Not bookable' }] };
    },
  };
}
export type AvailabilityService = ReturnType<typeof availabilityService>;

export function slotUnavailable(reasons: Reason[]): AppError {
  return new AppError('SCHED_SLOT_UNAVAILABLE', reasons.map((r) => r.message).join('; '), { reasons });
}
