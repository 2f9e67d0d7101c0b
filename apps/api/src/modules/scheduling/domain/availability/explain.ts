/**
 * explainStart: why a start is (not) bookable. It decides with the same context and checks as
 * findSlots (a start is bookable here iff findSlots over a window containing it returns it) and
 * then lists every reason it is not, in a stable order: query-level reasons first, then per
 * required resource in requirement order.
 */
import { formatUtc, localDate, localDayNumber } from '../../../../shared/time/zone';
import { freeAt, inHoursOfAny, onGrid } from './check';
import { prepare } from './context';
import type { Context, ResourceState } from './context';
import { containingInterval } from './intervals';
import { evaluateStart } from './slots';
import type { AvailabilityQuery, BusyInterval, Explanation, Reason, ReasonCode } from './types';
import { dayKind } from './working-hours';

const BUSY_CODE: Record<BusyInterval['kind'], ReasonCode> = {
  booking: 'booked',
  session: 'booked',
  hold: 'hold',
  external: 'external_busy',
};

export function explainStart(q: AvailabilityQuery & { start: number }): Explanation {
  const s = q.start;
  const ctx = prepare(q, s, s + 1, false);
  const inBounds = s >= ctx.lo && s < ctx.hi;
  const aligned = onGrid(ctx, s);
  const slot = !ctx.impossible && inBounds && (aligned || ctx.joinable.has(s)) ? evaluateStart(ctx, s, aligned) : null;
  if (slot !== null) return { bookable: true, reasons: [], slot };

  const reasons: Reason[] = [];
  boundReasons(ctx, s, reasons);
  requirementReasons(ctx, s, reasons);
  if (!aligned && !ctx.joinable.has(s) && inHoursOfAny(ctx, s)) {
    reasons.push({ code: 'not_aligned', message: `${formatUtc(s)} is within working hours but not on the ${ctx.step / 60_000}-minute slot grid` });
  }
  for (const r of ctx.resources) {
    if (r.input !== undefined && relevant(ctx, r) && !freeAt(ctx, r, s)) resourceReasons(ctx, r, s, reasons);
  }
  if (reasons.length === 0) {
    reasons.push({ code: 'resource_missing', message: 'no combination of distinct free resources satisfies the requirements' });
  }
  return { bookable: false, reasons };
}

/** With a requested resource, the other members of its one-resource groups do not matter. */
function relevant(ctx: Context, r: ResourceState): boolean {
  if (ctx.requested === null || r === ctx.requested) return true;
  return ctx.groups.some((g) => g.members.includes(r) && !(g.count === 1 && g.requestedIdx >= 0));
}

function boundReasons(ctx: Context, s: number, out: Reason[]): void {
  const { q } = ctx;
  const at = formatUtc(s);
  if (s < q.from || s >= q.to) out.push({ code: 'not_in_window', message: `${at} is outside the requested window` });
  if (s < ctx.noticeAt) out.push({ code: 'notice', message: `${at} is earlier than the minimum notice (${q.service.minNoticeMinutes} min from now)` });
  if (s < ctx.sameDayEnd) out.push({ code: 'same_day', message: `same-day bookings are not allowed (today is ${localDate(q.now, q.businessTimeZone)})` });
  if (s >= ctx.horizonAt) out.push({ code: 'horizon', message: `${at} is beyond the booking horizon of ${q.service.horizonDays} days` });
}

function requirementReasons(ctx: Context, s: number, out: Reason[]): void {
  const { q } = ctx;
  if (ctx.seats > ctx.capacity || !(ctx.seats >= 1)) {
    out.push({ code: 'capacity_full', message: `${ctx.seats} seats requested but the service has ${ctx.capacity}` });
  }
  for (const r of ctx.resources) {
    if (r.input === undefined) out.push({ code: 'resource_missing', resourceId: r.id, message: `resource ${r.id} is required but unknown` });
  }
  if (q.resourceId !== undefined && ctx.requested === null) {
    out.push({ code: 'resource_missing', resourceId: q.resourceId, message: `resource ${q.resourceId} does not provide this service` });
  }
  ctx.groups.forEach((g, i) => {
    if (g.count > g.members.length) {
      out.push({ code: 'resource_missing', message: `requirement ${i} needs ${g.count} resources but lists ${g.members.length}` });
    }
  });
  for (const x of q.sessions ?? []) {
    if (x.start === s && ctx.capacity > 1 && x.seatsTaken + ctx.seats > ctx.capacity) {
      out.push({ code: 'capacity_full', message: `the session at ${formatUtc(x.start)} has ${ctx.capacity - x.seatsTaken} of ${ctx.capacity} seats left` });
    }
  }
}

function resourceReasons(ctx: Context, r: ResourceState, s: number, out: Reason[]): void {
  const e = s + ctx.dur;
  if (containingInterval(r.work, s, e) < 0) {
    const tz = r.schedule!.timeZone;
    const day = localDayNumber(s, tz);
    const kind = dayKind(r.schedule!, ctx.holidays, day);
    const date = localDate(s, tz);
    if (kind === 'holiday') out.push({ code: 'holiday', resourceId: r.id, message: `${date} is a holiday` });
    else if (kind === 'override') out.push({ code: 'closed_override', resourceId: r.id, message: `${r.id} has special hours on ${date} that do not cover this time` });
    else out.push({ code: 'outside_hours', resourceId: r.id, message: `${formatUtc(s)}–${formatUtc(e)} is outside ${r.id}'s working hours` });
  }
  const a = s - ctx.before;
  const b = e + ctx.after;
  for (const bz of r.input!.busy) {
    if (!(bz.blockEnd > bz.blockStart && bz.blockStart < b && bz.blockEnd > a)) continue;
    const core = bz.start < e && bz.end > s;
    const reason: Reason = {
      code: core ? BUSY_CODE[bz.kind] : 'buffer',
      resourceId: r.id,
      message: `${r.id} is ${core ? bz.kind === 'hold' ? 'held' : 'busy' : 'too close (buffer) to another appointment'} ${formatUtc(bz.start)}–${formatUtc(bz.end)}`,
    };
    if (bz.refId !== undefined) reason.refId = bz.refId;
    out.push(reason);
  }
  for (const x of r.external) {
    if (!(x.end > x.start && x.start < b && x.end > a)) continue;
    const core = x.start < e && x.end > s;
    out.push({
      code: core ? 'external_busy' : 'buffer',
      resourceId: r.id,
      message: `${r.id} has an external calendar event ${formatUtc(x.start)}–${formatUtc(x.end)}`,
    });
  }
}
