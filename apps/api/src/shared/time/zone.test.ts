import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addDays, dateToDayNumber, dayNumberToDate, formatOffset, formatUtc, instantToLocal, isValidTimeZone, localDate,
  localMsToInstant, parseWallTime, startOfNextLocalDay, wallClockToInstant, weekdayOf, zoneOffsetMs,
} from './zone';
import type { WallSide } from './zone';

const iso = (t: number): string => new Date(t).toISOString().replace('.000Z', 'Z');
const Z = (s: string): number => Date.parse(s);

const ZONES = [
  'Europe/London', 'America/New_York', 'America/Sao_Paulo', 'America/Argentina/Buenos_Aires', 'Asia/Kolkata',
  'UTC', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/Santiago', 'Africa/Casablanca',
  'Europe/Dublin', 'Asia/Tehran', 'America/St_Johns', 'Pacific/Apia', 'Australia/Adelaide',
];

/** Independent oracle straight from Temporal: the documented DST rule. */
function oracle(date: string, time: string, tz: string, side: WallSide): number {
  const [d, t] = time === '24:00' ? [Temporal.PlainDate.from(date).add({ days: 1 }).toString(), '00:00'] : [date, time];
  const pdt = Temporal.PlainDateTime.from(`${d}T${t}`);
  const earlier = pdt.toZonedDateTime(tz, { disambiguation: 'earlier' });
  if (!earlier.toPlainDateTime().equals(pdt)) return earlier.getTimeZoneTransition('next')!.epochMilliseconds; // gap
  if (side === 'start') return earlier.epochMilliseconds;
  const later = pdt.toZonedDateTime(tz, { disambiguation: 'later' });
  // An end at exactly the first repeated wall time: nothing of the repeated hour is before it.
  const atTransition = later.subtract({ nanoseconds: 1 }).offsetNanoseconds !== later.offsetNanoseconds;
  return (atTransition ? earlier : later).epochMilliseconds;
}

const two = (n: number): string => String(n).padStart(2, '0');
const arbZone = fc.constantFrom(...ZONES);
const arbDate = (minYear: number, maxYear: number) =>
  fc.date({ min: new Date(Date.UTC(minYear, 0, 1)), max: new Date(Date.UTC(maxYear, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
const arbTime = fc.integer({ min: 0, max: 24 * 4 }).map((q) => `${two(Math.floor(q / 4))}:${two((q % 4) * 15)}`);

describe('wallClockToInstant: DST is deliberate', () => {
  it.each([
    // [date, time, zone, side, expected UTC, why]
    ['2026-03-29', '01:30', 'Europe/London', 'start', '2026-03-29T01:00:00Z', 'gap → first instant after it (02:00 BST)'],
    ['2026-03-29', '01:30', 'Europe/London', 'end', '2026-03-29T01:00:00Z', 'gap → first instant after it'],
    ['2026-03-29', '01:00', 'Europe/London', 'start', '2026-03-29T01:00:00Z', 'gap starts at 01:00 GMT'],
    ['2026-03-29', '02:00', 'Europe/London', 'start', '2026-03-29T01:00:00Z', '02:00 BST exists'],
    ['2026-10-25', '01:30', 'Europe/London', 'start', '2026-10-25T00:30:00Z', 'overlap, start → earlier (BST)'],
    ['2026-10-25', '01:30', 'Europe/London', 'end', '2026-10-25T01:30:00Z', 'overlap, end → later (GMT)'],
    ['2026-10-25', '01:00', 'Europe/London', 'start', '2026-10-25T00:00:00Z', 'first repeated wall time, start → earlier'],
    ['2026-10-25', '01:00', 'Europe/London', 'end', '2026-10-25T00:00:00Z', 'end at the first repeated wall time → earlier'],
    ['2026-10-25', '02:00', 'Europe/London', 'end', '2026-10-25T02:00:00Z', '02:00 occurs once (GMT)'],
    ['2026-03-08', '02:30', 'America/New_York', 'start', '2026-03-08T07:00:00Z', 'gap → 03:00 EDT'],
    ['2026-03-08', '02:30', 'America/New_York', 'end', '2026-03-08T07:00:00Z', 'gap → 03:00 EDT'],
    ['2026-11-01', '01:30', 'America/New_York', 'start', '2026-11-01T05:30:00Z', 'overlap, start → EDT'],
    ['2026-11-01', '01:30', 'America/New_York', 'end', '2026-11-01T06:30:00Z', 'overlap, end → EST'],
    ['2026-12-01', '08:00', 'America/Sao_Paulo', 'start', '2026-12-01T11:00:00Z', 'no DST since 2019: always -03'],
    ['2026-01-15', '08:00', 'America/Sao_Paulo', 'start', '2026-01-15T11:00:00Z', 'summer, still -03'],
    ['2018-11-04', '00:00', 'America/Sao_Paulo', 'start', '2018-11-04T03:00:00Z', 'old DST began at midnight: 00:00 did not exist'],
    ['2026-12-01', '10:00', 'America/Argentina/Buenos_Aires', 'start', '2026-12-01T13:00:00Z', '-03'],
    ['2026-12-01', '16:30', 'Asia/Kolkata', 'start', '2026-12-01T11:00:00Z', '+05:30'],
    ['2026-12-01', '24:00', 'Asia/Kolkata', 'end', '2026-12-01T18:30:00Z', '24:00 = next midnight'],
  ] as const)('%s %s %s (%s) → %s: %s', (date, time, tz, side, expected, _why) => {
    expect(iso(wallClockToInstant(date, time, tz, side))).toBe(expected);
    expect(wallClockToInstant(date, time, tz, side)).toBe(oracle(date, time, tz, side));
  });

  it('09:00 local stays 09:00 local around each transition', () => {
    for (const [tz, days] of [
      ['Europe/London', ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25', '2026-10-26']],
      ['America/New_York', ['2026-03-07', '2026-03-08', '2026-03-09', '2026-10-31', '2026-11-01', '2026-11-02']],
    ] as const) {
      for (const d of days) {
        const t = wallClockToInstant(d, '09:00', tz, 'start');
        expect(instantToLocal(t, tz).iso).toBe(`${d}T09:00`);
      }
    }
  });

  it('rejects malformed input', () => {
    expect(() => wallClockToInstant('2026-02-30', '09:00', 'UTC', 'start')).toThrow(RangeError);
    expect(() => wallClockToInstant('2026-02-01', '25:00', 'UTC', 'start')).toThrow(RangeError);
    expect(() => wallClockToInstant('2026-02-01', '09:00', 'Mars/Olympus', 'start')).toThrow(RangeError);
  });

  it('matches the Temporal oracle for random dates, times and zones', () => {
    fc.assert(
      fc.property(arbDate(1995, 2045), arbTime, arbZone, fc.constantFrom<WallSide>('start', 'end'), (date, time, tz, side) => {
        expect(wallClockToInstant(date, time, tz, side)).toBe(oracle(date, time, tz, side));
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('matches the oracle on every transition day of the test zones', () => {
    for (const tz of ZONES) {
      let z: Temporal.ZonedDateTime | null = Temporal.ZonedDateTime.from({ timeZone: tz, year: 2008, month: 1, day: 1 });
      for (let n = 0; n < 60 && z !== null; n++) {
        z = z.getTimeZoneTransition('next');
        if (z === null || z.year > 2030) break;
        const date = z.toPlainDate().toString();
        for (let q = 0; q <= 96; q++) {
          const time = `${two(Math.floor(q / 4))}:${two((q % 4) * 15)}`;
          for (const side of ['start', 'end'] as const) {
            expect(wallClockToInstant(date, time, tz, side), `${tz} ${date} ${time} ${side}`).toBe(oracle(date, time, tz, side));
          }
        }
      }
    }
  }, 60_000);

  it('a working interval is the smallest span holding every instant whose wall time is in it', () => {
    const dstDays: [string, string][] = [
      ['Europe/London', '2026-03-29'], ['Europe/London', '2026-10-25'], ['America/New_York', '2026-03-08'],
      ['America/New_York', '2026-11-01'], ['America/Sao_Paulo', '2018-11-04'], ['America/Sao_Paulo', '2018-02-17'],
      ['Australia/Lord_Howe', '2026-04-05'], ['Australia/Lord_Howe', '2026-10-04'], ['America/Santiago', '2026-04-05'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...dstDays), arbTime, arbTime, ([tz, date], a, b) => {
        const [start, end] = a < b ? [a, b] : [b, a];
        if (start === end || start === '24:00') return;
        const S = wallClockToInstant(date, start, tz, 'start');
        const E = wallClockToInstant(date, end, tz, 'end');
        const lo = parseWallTime(start)!;
        const hi = parseWallTime(end)!;
        const inWall = (t: number): boolean => {
          const z = Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(tz);
          const m = z.hour * 60 + z.minute;
          const d = z.toPlainDate().toString();
          return d === date && m >= lo && m < hi;
        };
        for (let t = Z(`${date}T00:00:00Z`) - 18 * 3600_000; t < Z(`${date}T00:00:00Z`) + 42 * 3600_000; t += 15 * 60_000) {
          if (inWall(t)) expect(t >= S && t < E, `${iso(t)} in [${iso(S)}, ${iso(E)})`).toBe(true);
        }
        if (E > S) {
          expect(inWall(S)).toBe(true); // tight at both ends
          expect(inWall(E - 60_000)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('instantToLocal', () => {
  it.each([
    ['2026-12-01T11:00:00Z', 'America/Sao_Paulo', '2026-12-01T08:00', -180, 'tue'],
    ['2026-12-01T11:00:00Z', 'Asia/Kolkata', '2026-12-01T16:30', 330, 'tue'],
    ['2026-12-01T02:00:00Z', 'America/Argentina/Buenos_Aires', '2026-11-30T23:00', -180, 'mon'],
    ['2026-03-29T01:00:00Z', 'Europe/London', '2026-03-29T02:00', 60, 'sun'],
    ['2026-03-29T00:59:00Z', 'Europe/London', '2026-03-29T00:59', 0, 'sun'],
    ['2026-11-01T05:30:00Z', 'America/New_York', '2026-11-01T01:30', -240, 'sun'],
    ['2026-11-01T06:30:00Z', 'America/New_York', '2026-11-01T01:30', -300, 'sun'],
  ] as const)('%s in %s → %s', (instant, tz, local, offset, weekday) => {
    const l = instantToLocal(Z(instant), tz);
    expect(l.iso).toBe(local);
    expect(l.date).toBe(local.slice(0, 10));
    expect(l.time).toBe(local.slice(11));
    expect(l.offsetMinutes).toBe(offset);
    expect(l.weekday).toBe(weekday);
    expect(localDate(Z(instant), tz)).toBe(local.slice(0, 10));
    expect(zoneOffsetMs(Z(instant), tz)).toBe(offset * 60_000);
  });

  it('matches Temporal on random instants in every test zone', () => {
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    fc.assert(
      fc.property(fc.integer({ min: Z('1990-01-01T00:00:00Z'), max: Z('2060-01-01T00:00:00Z') }), arbZone, (t, tz) => {
        const z = Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(tz);
        const l = instantToLocal(t, tz);
        expect(l.date).toBe(z.toPlainDate().toString());
        expect(l.time).toBe(`${two(z.hour)}:${two(z.minute)}`);
        expect(l.offsetMinutes * 60e9).toBe(z.offsetNanoseconds);
        expect(l.weekday).toBe(days[z.dayOfWeek - 1]);
      }),
      { numRuns: 5000 },
    );
  }, 60_000);

  it('matches Temporal a minute either side of every transition 2008–2030', () => {
    for (const tz of ZONES) {
      let z: Temporal.ZonedDateTime | null = Temporal.ZonedDateTime.from({ timeZone: tz, year: 2008, month: 1, day: 1 });
      while ((z = z.getTimeZoneTransition('next')) !== null && z.year <= 2030) {
        for (const dt of [-60_001, -1, 0, 1, 60_000]) {
          const t = z.epochMilliseconds + dt;
          const ref = Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(tz);
          expect(instantToLocal(t, tz).iso, `${tz} ${iso(t)}`).toBe(ref.toPlainDateTime().toString().slice(0, 16));
        }
      }
    }
  }, 60_000);
});

describe('calendar helpers', () => {
  it('addDays crosses months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-01', 0)).toBe('2026-12-01');
  });

  it('weekdayOf', () => {
    expect(weekdayOf('2026-12-01')).toBe('tue');
    expect(weekdayOf('2026-03-29')).toBe('sun');
    expect(weekdayOf('1970-01-01')).toBe('thu');
    expect(weekdayOf('1969-12-29')).toBe('mon');
    expect(() => weekdayOf('2026-13-01')).toThrow(RangeError);
  });

  it('day numbers round-trip and agree with Temporal', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const d = dayNumberToDate(n);
        expect(dateToDayNumber(d)).toBe(n);
        expect(d).toBe(Temporal.PlainDate.from('1970-01-01').add({ days: n }).toString());
        expect(addDays(d, 7)).toBe(dayNumberToDate(n + 7));
      }),
    );
    expect(dateToDayNumber('2026-02-29')).toBeNull();
    expect(dateToDayNumber('2026-2-1')).toBeNull();
  });

  it('parseWallTime', () => {
    expect(parseWallTime('00:00')).toBe(0);
    expect(parseWallTime('23:59')).toBe(1439);
    expect(parseWallTime('24:00')).toBe(1440);
    expect(parseWallTime('24:00', false)).toBeNull();
    expect(parseWallTime('25:00')).toBeNull();
    expect(parseWallTime('12:60')).toBeNull();
    expect(parseWallTime('9:00')).toBeNull();
  });

  it('startOfNextLocalDay is local midnight, DST included', () => {
    expect(iso(startOfNextLocalDay(Z('2026-12-01T15:00:00Z'), 'America/Sao_Paulo'))).toBe('2026-12-02T03:00:00Z');
    expect(iso(startOfNextLocalDay(Z('2026-03-28T12:00:00Z'), 'Europe/London'))).toBe('2026-03-29T00:00:00Z');
    expect(iso(startOfNextLocalDay(Z('2026-03-29T12:00:00Z'), 'Europe/London'))).toBe('2026-03-29T23:00:00Z');
    expect(iso(startOfNextLocalDay(Z('2018-11-03T12:00:00Z'), 'America/Sao_Paulo'))).toBe('2018-11-04T03:00:00Z');
  });

  it('formatUtc and formatOffset', () => {
    expect(formatUtc(Z('2026-12-01T11:00:00.000Z'))).toBe('2026-12-01T11:00:00Z');
    expect(formatUtc(Z('1969-12-31T23:59:59.900Z'))).toBe('1969-12-31T23:59:59Z');
    expect(formatOffset(330)).toBe('+05:30');
    expect(formatOffset(-180)).toBe('-03:00');
    expect(formatOffset(0)).toBe('+00:00');
    expect(formatOffset(-570)).toBe('-09:30');
  });

  it('isValidTimeZone accepts IANA names only', () => {
    for (const tz of ZONES) expect(isValidTimeZone(tz)).toBe(true);
    expect(isValidTimeZone('asia/kolkata')).toBe(true);
    for (const bad of ['', 'Mars/Olympus', '+05:30', '-03:00', 'GMT+3x', 42, null, undefined]) expect(isValidTimeZone(bad)).toBe(false);
  });

  it('localMsToInstant with UTC is the identity', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4e12 }), (t) => { expect(localMsToInstant(t, "UTC", "start")).toBe(t); }));
  });
});
