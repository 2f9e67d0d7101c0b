import { describe, expect, it } from 'vitest';
import { weeklyStarts } from './recurrence';

const iso = (ms: number[]) => ms.map((m) => new Date(m).toISOString().replace('.000Z', 'Z'));

describe('weekly series keep their local time', () => {
  it('across the London spring change (29 Mar 2026)', () => {
    expect(iso(weeklyStarts(Date.parse('2026-03-17T16:00:00Z'), 'Europe/London', 4, 1)))
      .toEqual(['2026-03-17T16:00:00Z', '2026-03-24T16:00:00Z', '2026-03-31T15:00:00Z', '2026-04-07T15:00:00Z']);
  });

  it('across the New York autumn change (1 Nov 2026), every two weeks', () => {
    // Wed 21 Oct 2026 09:30 EDT = 13:30Z; after the change 09:30 EST = 14:30Z.
    expect(iso(weeklyStarts(Date.parse('2026-10-21T13:30:00Z'), 'America/New_York', 3, 2)))
      .toEqual(['2026-10-21T13:30:00Z', '2026-11-04T14:30:00Z', '2026-11-18T14:30:00Z']);
  });

  it('in zones without DST the step is exactly a week', () => {
    const first = Date.parse('2026-12-01T11:00:00Z');
    for (const zone of ['America/Sao_Paulo', 'America/Argentina/Buenos_Aires', 'Asia/Kolkata']) {
      const starts = weeklyStarts(first, zone, 10, 1);
      expect(starts.slice(1).map((s, i) => s - starts[i]!)).toEqual(Array(9).fill(7 * 86400_000));
    }
  });

  it('moves a lesson that falls in the spring gap to the first instant after it', () => {
    // 01:30 on Sunday 29 Mar 2026 does not exist in London: it becomes 02:00 BST (01:00Z).
    const starts = iso(weeklyStarts(Date.parse('2026-03-22T01:30:00Z'), 'Europe/London', 3, 1));
    expect(starts).toEqual(['2026-03-22T01:30:00Z', '2026-03-29T01:00:00Z', '2026-04-05T00:30:00Z']);
  });
});
