import { describe, expect, it } from 'vitest';
import { findSlots } from './slots';
import { renderSlots } from './render';
import { DAY, MIN, query, resource, schedule, service, utc, weekly } from './testing';

// Flexoraa: 30-min discovery calls, Mon–Sat 10:00–19:00 Asia/Kolkata (+05:30).
const KOL = 'Asia/Kolkata';
const sdr = schedule(KOL, weekly(['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], [['10:00', '19:00']]));
const from = utc('2026-11-30T18:30'); // Tue 2026-12-01 00:00 IST
const slots = findSlots(query({
  service: service({ durationMinutes: 30, requirements: [{ resourceIds: ['sdr1'], count: 1 }] }),
  resources: [resource('sdr1', sdr)],
  from,
  to: from + DAY,
}));

describe('renderSlots', () => {
  it('Kolkata +05:30 in the business zone', () => {
    expect(slots).toHaveLength(18);
    expect(renderSlots(slots, KOL)[0]).toEqual({
      start: '2026-12-01T04:30:00Z', end: '2026-12-01T05:00:00Z',
      localStart: '2026-12-01T10:00', localEnd: '2026-12-01T10:30', utcOffset: '+05:30', resourceIds: ['sdr1'],
    });
    expect(renderSlots(slots, KOL).at(-1)!.localEnd).toBe('2026-12-01T19:00');
  });

  it('the same slots seen from São Paulo and from London', () => {
    const sp = renderSlots(slots, 'America/Sao_Paulo')[0]!;
    expect([sp.localStart, sp.utcOffset]).toEqual(['2026-12-01T01:30', '-03:00']);
    const lon = renderSlots(slots, 'Europe/London')[0]!;
    expect([lon.localStart, lon.utcOffset]).toEqual(['2026-12-01T04:30', '+00:00']);
    expect(renderSlots(slots, 'America/Sao_Paulo').map((s) => s.start)).toEqual(renderSlots(slots, KOL).map((s) => s.start));
  });

  it('keeps seatsLeft, omits milliseconds, shows the offset of the start across a DST change', () => {
    const s = { start: utc('2026-10-25T00:30:00.500'), end: utc('2026-10-25T01:30'), resourceIds: ['r'], seatsLeft: 2 };
    expect(renderSlots([s], 'Europe/London')).toEqual([{
      start: '2026-10-25T00:30:00Z', end: '2026-10-25T01:30:00Z', localStart: '2026-10-25T01:30', localEnd: '2026-10-25T01:30',
      utcOffset: '+01:00', resourceIds: ['r'], seatsLeft: 2,
    }]);
    expect(renderSlots([], KOL)).toEqual([]);
    expect(MIN).toBe(60_000);
  });

  it('rejects an unknown viewer zone', () => {
    expect(() => renderSlots(slots, 'Nowhere/Town')).toThrow(RangeError);
  });
});
