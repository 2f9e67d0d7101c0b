/**
 * Property tests over random tenants, schedules, bookings and rules, with fixed clocks around
 * real DST changes. The reference oracle (testing-oracle.ts) is naive and Temporal-based.
 */
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { explainStart } from './explain';
import { renderSlots } from './render';
import { findSlots } from './slots';
import { DAY, MIN, utc } from './testing';
import { oracleIntervals, referenceSlots } from './testing-oracle';
import type { AvailabilityQuery, BusyInterval, ReasonCode, RequirementGroup, Schedule, SeatSession, WallInterval, Weekday } from './types';

const ZONES = ['Europe/London', 'America/New_York', 'America/Sao_Paulo', 'America/Argentina/Buenos_Aires', 'Asia/Kolkata'];
// Real DST weeks (London, New York; São Paulo's old midnight changes in 2018), plus ordinary weeks.
const BASES = ['2026-03-26', '2026-10-23', '2026-03-06', '2026-10-30', '2018-11-02', '2018-02-15', '2026-11-30', '2026-06-10'].map((d) => utc(`${d}T00:00`));
const POOL = ['r0', 'r1', 'r2', 'r3'];
const DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const CODES: ReasonCode[] = ['outside_hours', 'closed_override', 'holiday', 'booked', 'hold', 'buffer', 'external_busy', 'notice', 'horizon', 'same_day', 'not_in_window', 'resource_missing', 'not_aligned', 'capacity_full'];

const hhmm = (q: number): string => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
/** 0–3 non-overlapping intervals of one day on a 15-minute grid (touching allowed). */
const arbDay = fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 0, maxLength: 6 }).map((pts) => {
  const s = [...pts].sort((a, b) => a - b);
  const out: WallInterval[] = [];
  for (let i = 0; i + 1 < s.length; i += 2) out.push([hhmm(s[i]!), hhmm(s[i + 1]!)]);
  return out;
});
const arbSchedule = (tz: string, base: number): fc.Arbitrary<Schedule> =>
  fc.record({
    weekly: fc.array(fc.oneof(arbDay, fc.constant<WallInterval[]>([['08:00', '12:00'], ['13:00', '18:00']])), { minLength: 7, maxLength: 7 })
      .map((days) => Object.fromEntries(DAYS.map((d, i) => [d, days[i]!]))),
    overrides: fc.array(fc.record({ day: fc.integer({ min: -1, max: 7 }), intervals: arbDay }), { maxLength: 2 }),
  }).map(({ weekly, overrides }) => ({
    timeZone: tz,
    weekly,
    overrides: overrides.map((o) => ({ date: new Date(base + o.day * DAY).toISOString().slice(0, 10), intervals: o.intervals })),
  }));
const arbBusy = (base: number): fc.Arbitrary<BusyInterval> =>
  fc.record({
    at: fc.integer({ min: -1440 / 15, max: (7 * 1440) / 15 }), len: fc.integer({ min: 1, max: 16 }),
    before: fc.constantFrom(0, 0, 10, 30), after: fc.constantFrom(0, 0, 15, 45), kind: fc.constantFrom<BusyInterval['kind']>('booking', 'hold', 'external', 'session'),
    ref: fc.integer({ min: 0, max: 1e6 }),
  }).map(({ at, len, before, after, kind, ref }) => {
    const start = base + at * 15 * MIN;
    return { start, end: start + len * 15 * MIN, blockStart: start - before * MIN, blockEnd: start + (len * 15 + after) * MIN, kind, refId: `b${ref}`, serviceId: 'other' };
  });

export const arbQuery: fc.Arbitrary<AvailabilityQuery> = fc
  .record({ tz: fc.constantFrom(...ZONES), base: fc.constantFrom(...BASES), mixedZones: fc.boolean() })
  .chain(({ tz, base, mixedZones }) =>
    fc.record({
      resources: fc.oneof(
        { arbitrary: fc.constant(POOL), weight: 4 },
        { arbitrary: fc.uniqueArray(fc.constantFrom(...POOL), { minLength: 3, maxLength: 4 }), weight: 1 },
      ).chain((ids) =>
        fc.tuple(...ids.map((id) => fc.record({
          id: fc.constant(id),
          schedule: (mixedZones ? fc.constantFrom(...ZONES) : fc.constant(tz)).chain((z) => arbSchedule(z, base)),
          busy: fc.array(arbBusy(base), { maxLength: 6 }),
        })))),
      groups: fc.oneof(
        { arbitrary: fc.constantFrom(1, 2, 3, 4).map((n) => [{ resourceIds: POOL.slice(0, n), count: 1 }]), weight: 3 },
        { arbitrary: fc.array(fc.uniqueArray(fc.constantFrom(...POOL), { minLength: 1, maxLength: 4 }).chain((ids) =>
          fc.record({ resourceIds: fc.constant(ids), count: fc.integer({ min: 1, max: Math.min(2, ids.length) }) })), { minLength: 1, maxLength: 2 }), weight: 2 },
        { arbitrary: fc.constant<RequirementGroup[]>([{ resourceIds: POOL.slice(), count: 4 }]), weight: 1 },
      ),
      service: fc.record({
        durationMinutes: fc.constantFrom(15, 30, 45, 60, 90, 120), bufferBeforeMinutes: fc.constantFrom(0, 0, 10, 30),
        bufferAfterMinutes: fc.constantFrom(0, 0, 15, 30), slot: fc.constantFrom(0, 15, 20, 30, 60), minNoticeMinutes: fc.constantFrom(0, 0, 60, 600),
        notSameDay: fc.boolean(), horizonDays: fc.integer({ min: 1, max: 14 }), capacity: fc.constantFrom(1, 2, 3),
      }),
      nowBack: fc.integer({ min: -6, max: 60 }).map((h) => h * 60 * MIN - 7 * MIN),
      from: fc.integer({ min: 0, max: 96 }).map((h) => base + h * 60 * MIN),
      span: fc.integer({ min: 1, max: 6 * 24 }).map((h) => h * 60 * MIN),
      holidays: fc.array(fc.integer({ min: -1, max: 7 }).map((d) => new Date(base + d * DAY).toISOString().slice(0, 10)), { maxLength: 1 }),
      external: fc.array(fc.record({ id: fc.constantFrom(...POOL), b: arbBusy(base) }), { maxLength: 3 }),
      sessions: fc.array(fc.record({ pick: fc.nat(), shift: fc.constantFrom(0, 0, 0, 5), taken: fc.integer({ min: 0, max: 3 }), own: fc.constantFrom(true, true, false), ref: fc.boolean() }), { maxLength: 3 }),
      resourceId: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.constantFrom(...POOL, 'ghost'), weight: 1 }),
      seats: fc.oneof({ arbitrary: fc.constant(1), weight: 8 }, { arbitrary: fc.constantFrom(2, 4), weight: 1 }),
      zone: fc.constant(tz),
    }))
  .map((g) => {
    const dur = g.service.durationMinutes;
    const { slot, ...rules } = g.service;
    const q: AvailabilityQuery = {
      now: g.from - g.nowBack, from: g.from, to: g.from + g.span, businessTimeZone: g.zone,
      service: { id: 'svc', ...rules, slotIntervalMinutes: slot === 0 ? dur : slot, requirements: g.groups },
      resources: g.resources.map((r) => ({ ...r, busy: [...r.busy] })), holidays: g.holidays,
      externalBusy: g.external.map((e) => ({ resourceId: e.id, start: e.b.start, end: e.b.end })),
      seats: g.seats,
    };
    if (g.resourceId !== null) q.resourceId = g.resourceId;
    // Existing group sessions sit where the engine would have put them (sometimes a bit off).
    const offered = g.sessions.length > 0 ? findSlots({ ...q, seats: 1, resourceId: undefined as unknown as string }) : [];
    q.sessions = [];
    g.sessions.forEach((x, i) => {
      const at = offered[x.pick % Math.max(1, offered.length)];
      const start = (at?.start ?? 0) + x.shift * MIN;
      if (at === undefined || q.sessions!.some((y) => y.start === start)) return;
      const session: SeatSession = { start, end: start + dur * MIN, resourceIds: at.resourceIds, seatsTaken: x.taken };
      if (x.ref) session.refId = `s${i}`;
      for (const r of q.resources) {
        if (x.own && at.resourceIds.includes(r.id)) {
          r.busy.push({ start, end: session.end, blockStart: start - rules.bufferBeforeMinutes * MIN, blockEnd: session.end + rules.bufferAfterMinutes * MIN, kind: 'session', serviceId: 'svc', refId: `s${i}` });
        }
      }
      q.sessions!.push(session);
    });
    return q;
  });

const RUNS = { numRuns: 300 };
const TIMEOUT = 60_000; // generous for slow CI; each takes ~1–3 s here

describe('findSlots properties', () => {
  it('equals the naive Temporal-based reference', () => {
    fc.assert(fc.property(arbQuery, (q) => { expect(findSlots(q)).toEqual(referenceSlots(q)); }), RUNS);
  }, TIMEOUT);

  it('slots are sorted, unique, inside the bounds, clear of busy ranges, inside hours, with valid resources', () => {
    fc.assert(fc.property(arbQuery, (q) => {
      const sv = q.service;
      const slots = findSlots(q);
      const sameDayEnd = sv.notSameDay ? Temporal.Instant.fromEpochMilliseconds(q.now).toZonedDateTimeISO(q.businessTimeZone).toPlainDate().add({ days: 1 }).toZonedDateTime(q.businessTimeZone).epochMilliseconds : -Infinity;
      slots.forEach((s, i) => {
        if (i > 0) expect(s.start).toBeGreaterThan(slots[i - 1]!.start);
        expect(s.end - s.start).toBe(sv.durationMinutes * MIN);
        expect(s.start >= q.from && s.start < q.to && s.start >= q.now + sv.minNoticeMinutes * MIN && s.start < q.now + sv.horizonDays * DAY && s.start >= sameDayEnd).toBe(true);
        expect(new Set(s.resourceIds).size).toBe(s.resourceIds.length); // distinct
        expect(s.resourceIds.length).toBe(sv.requirements.reduce((n, g) => n + g.count, 0));
        if (q.resourceId !== undefined) expect(s.resourceIds).toContain(q.resourceId);
        // A seat in an existing session: that session's own allocation does not count.
        const joined = (q.sessions ?? []).find((x) => x.start === s.start && x.seatsTaken + (q.seats ?? 1) <= sv.capacity &&
          x.resourceIds.length === s.resourceIds.length && x.resourceIds.every((id) => s.resourceIds.includes(id)));
        const a = s.start - sv.bufferBeforeMinutes * MIN;
        const b = s.end + sv.bufferAfterMinutes * MIN;
        for (const id of s.resourceIds) {
          const r = q.resources.find((x) => x.id === id)!;
          expect(r).toBeDefined();
          for (const x of r.busy) {
            if (joined && x.kind === 'session' && x.serviceId === sv.id && (joined.refId ?? x.refId) === x.refId && x.start === joined.start) continue;
            expect(x.blockEnd <= a || x.blockStart >= b, `${id} busy ${x.refId}`).toBe(true);
          }
          for (const e of q.externalBusy ?? []) if (e.resourceId === id) expect(e.end <= a || e.start >= b).toBe(true);
          // Inside one working interval, computed independently; never on a closed date.
          const tz = r.schedule.timeZone;
          const day = Temporal.Instant.fromEpochMilliseconds(s.start).toZonedDateTimeISO(tz).toPlainDate();
          const hours = oracleIntervals(r.schedule, q.holidays ?? [], day.subtract({ days: 1 }), day.add({ days: 1 }));
          expect(hours.some(([S, E]) => S <= s.start && s.end <= E)).toBe(true);
          for (let t = s.start; t < s.end; t += 15 * MIN) {
            const d = Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(tz).toPlainDate().toString();
            expect(q.holidays ?? []).not.toContain(d);
            const o = [...r.schedule.overrides].reverse().find((x) => x.date === d);
            if (o) expect(o.intervals.length).toBeGreaterThan(0);
          }
        }
      });
    }), { numRuns: 150 });
  }, TIMEOUT);

  it('does not depend on the window cut, nor on the order of busy intervals', () => {
    fc.assert(fc.property(arbQuery, fc.integer({ min: 1, max: 143 }), (q, cutH) => {
      const all = findSlots(q);
      const mid = q.from + cutH * 60 * MIN;
      const split = [...findSlots({ ...q, to: Math.min(mid, q.to) }), ...findSlots({ ...q, from: Math.min(mid, q.to) })];
      expect(split).toEqual(all);
      const shuffled = { ...q, resources: [...q.resources].reverse().map((r) => ({ ...r, busy: [...r.busy].reverse() })) };
      expect(findSlots(shuffled)).toEqual(all);
    }), RUNS);
  }, TIMEOUT);

  it('is the same whatever the viewer zone: rendering in two zones gives the same UTC starts', () => {
    fc.assert(fc.property(arbQuery, fc.constantFrom(...ZONES), fc.constantFrom(...ZONES), (q, v1, v2) => {
      const slots = findSlots(q);
      const a = renderSlots(slots, v1);
      const b = renderSlots(slots, v2);
      expect(a.map((s) => s.start)).toEqual(b.map((s) => s.start));
      a.forEach((r, i) => {
        expect(Date.parse(r.start)).toBe(slots[i]!.start);
        expect(Temporal.Instant.from(`${r.localStart}${r.utcOffset}`).epochMilliseconds).toBe(slots[i]!.start);
      });
    }), RUNS);
  }, TIMEOUT);

  it('explainStart agrees with findSlots, and gives reasons whenever a start is refused', () => {
    fc.assert(fc.property(arbQuery, fc.array(fc.integer({ min: -12, max: 7 * 24 * 4 }), { maxLength: 12 }), (q, probes) => {
      const slots = findSlots(q);
      const byStart = new Map(slots.map((s) => [s.start, s]));
      const starts = [...slots.map((s) => s.start), ...probes.map((p) => q.from + p * 15 * MIN)];
      for (const start of starts) {
        const e = explainStart({ ...q, start });
        expect(e.bookable, `start ${new Date(start).toISOString()}`).toBe(byStart.has(start));
        if (e.bookable) expect(e.slot).toEqual(byStart.get(start));
        else {
          expect(e.reasons.length).toBeGreaterThan(0);
          for (const r of e.reasons) expect(CODES).toContain(r.code);
        }
      }
    }), { numRuns: 150 });
  }, TIMEOUT);
});
