import { describe, expect, it } from 'vitest';
import { cutoffs, dueDate } from './schedule';

describe('the daily retention run', () => {
  it.each([
    ['before 03:00 in São Paulo nothing is due', '2026-06-10T05:59:00Z', 'America/Sao_Paulo', undefined, undefined],
    ['from 03:00 in São Paulo the day is due', '2026-06-10T06:00:00Z', 'America/Sao_Paulo', undefined, '2026-06-10'],
    ['a day that ran is not due again', '2026-06-10T20:00:00Z', 'America/Sao_Paulo', '2026-06-10', undefined],
    ['the next day is due after yesterday ran', '2026-06-11T06:30:00Z', 'America/Sao_Paulo', '2026-06-10', '2026-06-11'],
    ['03:00 in Kolkata is 21:30 UTC the day before', '2026-06-09T21:30:00Z', 'Asia/Kolkata', '2026-06-09', '2026-06-10'],
    ['London in summer time: 02:00 UTC is 03:00 BST', '2026-07-01T02:00:00Z', 'Europe/London', undefined, '2026-07-01'],
    ['London in winter: 02:00 UTC is still 02:00', '2026-01-15T02:00:00Z', 'Europe/London', undefined, undefined],
  ])('%s', (_name, now, zone, last, due) => {
    expect(dueDate(Date.parse(now), zone, last)).toBe(due);
  });

  it('gives each limited class its cutoff, and none for classes kept for ever', () => {
    const now = Date.parse('2026-06-10T06:00:00Z');
    expect(cutoffs({ days: { notices: 30, message_bodies: 365 } }, now)).toEqual([
      { dataClass: 'message_bodies', days: 365, before: new Date('2025-06-10T06:00:00Z') },
      { dataClass: 'notices', days: 30, before: new Date('2026-05-11T06:00:00Z') },
    ]);
    expect(cutoffs({ days: {} }, now)).toEqual([]);
  });
});
