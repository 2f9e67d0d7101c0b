import { describe, expect, it } from 'vitest';
import { inQuietHours, outsideQuietHours } from './quiet-hours';

const NIGHT = { start: '21:00', end: '09:00' };
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('outsideQuietHours', () => {
  it.each([
    // zone, quiet, due, sent at
    ['Asia/Kolkata', NIGHT, '2026-11-26T12:00:00Z', '2026-11-26T12:00:00.000Z'], // 17:30 IST: not quiet
    ['Asia/Kolkata', NIGHT, '2026-11-26T15:29:59Z', '2026-11-26T15:29:59.000Z'], // 20:59:59 IST
    ['Asia/Kolkata', NIGHT, '2026-11-26T15:30:00Z', '2026-11-27T03:30:00.000Z'], // 21:00 IST → 09:00 IST next day
    ['Asia/Kolkata', NIGHT, '2026-11-26T16:00:00Z', '2026-11-27T03:30:00.000Z'], // 21:30 IST, before midnight
    ['Asia/Kolkata', NIGHT, '2026-11-26T20:00:00Z', '2026-11-27T03:30:00.000Z'], // 01:30 IST, after midnight → that morning
    ['Asia/Kolkata', NIGHT, '2026-11-27T03:30:00Z', '2026-11-27T03:30:00.000Z'], // 09:00 IST: the end is not quiet
    ['America/Sao_Paulo', NIGHT, '2026-11-27T01:00:00Z', '2026-11-27T12:00:00.000Z'], // 22:00 -03 → 09:00 -03
    // London, BST starts Sun 29 March 2026 at 01:00 GMT: a night over the change is an hour shorter.
    ['Europe/London', NIGHT, '2026-03-28T22:00:00Z', '2026-03-29T08:00:00.000Z'], // 22:00 GMT → 09:00 BST
    // London, BST ends Sun 25 October 2026 at 01:00 GMT: an hour longer.
    ['Europe/London', NIGHT, '2026-10-24T20:30:00Z', '2026-10-25T09:00:00.000Z'], // 21:30 BST → 09:00 GMT
    // An end inside the spring-forward gap: the first instant after it.
    ['Europe/London', { start: '23:00', end: '01:30' }, '2026-03-29T00:10:00Z', '2026-03-29T01:00:00.000Z'],
    // An end that happens twice (fall back): whichever comes next.
    ['Europe/London', { start: '00:00', end: '01:30' }, '2026-10-25T00:10:00Z', '2026-10-25T00:30:00.000Z'], // 01:10 BST → 01:30 BST
    ['Europe/London', { start: '00:00', end: '01:30' }, '2026-10-25T01:10:00Z', '2026-10-25T01:30:00.000Z'], // 01:10 GMT → 01:30 GMT
    // New York, DST starts Sun 8 March 2026 (02:00 → 03:00) and ends Sun 1 November 2026.
    ['America/New_York', NIGHT, '2026-03-08T03:00:00Z', '2026-03-08T13:00:00.000Z'], // 22:00 EST → 09:00 EDT
    ['America/New_York', NIGHT, '2026-11-01T02:00:00Z', '2026-11-01T14:00:00.000Z'], // 22:00 EDT → 09:00 EST
    // Quiet hours within one day (lunch).
    ['Asia/Kolkata', { start: '13:00', end: '14:00' }, '2026-11-26T07:45:00Z', '2026-11-26T08:30:00.000Z'],
    ['Asia/Kolkata', { start: '13:00', end: '14:00' }, '2026-11-26T08:30:00Z', '2026-11-26T08:30:00.000Z'],
  ])('%s %j: due %s is sent at %s', (zone, quiet, due, expected) => {
    expect(iso(outsideQuietHours(at(due), quiet, zone))).toBe(expected);
    expect(inQuietHours(outsideQuietHours(at(due), quiet, zone), quiet, zone)).toBe(false);
  });

  it('has no quiet hours when none are set', () => {
    expect(outsideQuietHours(at('2026-11-26T16:00:00Z'), null, 'Asia/Kolkata')).toBe(at('2026-11-26T16:00:00Z'));
  });
});
