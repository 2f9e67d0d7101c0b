import { describe, expect, it } from 'vitest';
import { localSpan, visitorWindow } from './times';

const HOUR = 3_600_000;
const windowOf = (from: string, to: string, zone: string) => {
  const w = visitorWindow(from, to, zone);
  if ('errors' in w) throw new Error(JSON.stringify(w.errors));
  return w;
};

describe("the visitor's days as a window of instants", () => {
  it('spans 23 hours on the day clocks spring forward and 25 on the day they fall back (New York, 2027)', () => {
    const spring = windowOf('2027-03-14', '2027-03-14', 'America/New_York');
    expect(new Date(spring.from).toISOString()).toBe('2027-03-14T05:00:00.000Z');
    expect(spring.to - spring.from).toBe(23 * HOUR);
    const fall = windowOf('2027-11-07', '2027-11-07', 'America/New_York');
    expect(fall.to - fall.from).toBe(25 * HOUR);
  });

  it('starts each day at local midnight in zones with odd offsets and none (Kolkata, São Paulo)', () => {
    expect(new Date(windowOf('2027-03-28', '2027-03-29', 'Asia/Kolkata').from).toISOString()).toBe('2027-03-27T18:30:00.000Z');
    const sp = windowOf('2027-11-01', '2027-11-07', 'America/Sao_Paulo');
    expect(new Date(sp.from).toISOString()).toBe('2027-11-01T03:00:00.000Z');
    expect(sp.to - sp.from).toBe(7 * 24 * HOUR);
  });

  it('names the field when the range is backwards or too long', () => {
    expect(visitorWindow('2027-03-10', '2027-03-09', 'UTC')).toEqual({ errors: [{ path: 'query.to', message: 'must not be before from' }] });
    expect(visitorWindow('2027-01-01', '2027-03-04', 'UTC')).toMatchObject({ errors: [{ path: 'query.to' }] });
    expect('from' in visitorWindow('2027-01-01', '2027-03-03', 'UTC')).toBe(true);
    expect(visitorWindow('2027-02-30', '2027-03-03', 'UTC')).toMatchObject({ errors: [{ path: 'query.from' }] });
  });
});

describe('an instant on two wall clocks', () => {
  it("shows a London appointment in New York's time across the weeks the two changes differ", () => {
    // 29 March 2027, 10:00 BST: London has changed (28 March), New York since 14 March: 5 hours apart.
    const start = Date.parse('2027-03-29T09:00:00Z');
    expect(localSpan(start, start + HOUR, 'Europe/London')).toEqual(
      { timeZone: 'Europe/London', date: '2027-03-29', time: '10:00', endDate: '2027-03-29', endTime: '11:00', utcOffset: '+01:00' });
    expect(localSpan(start, start + HOUR, 'America/New_York')).toMatchObject({ date: '2027-03-29', time: '05:00', utcOffset: '-04:00' });
    // 22 March 2027, 10:00 GMT: New York is already on EDT, London not yet: 4 hours apart.
    const before = Date.parse('2027-03-22T10:00:00Z');
    expect(localSpan(before, before + HOUR, 'America/New_York')).toMatchObject({ time: '06:00', utcOffset: '-04:00' });
  });

  it('gives the end its own date when the appointment crosses midnight for the viewer', () => {
    const start = Date.parse('2027-06-01T18:00:00Z');
    expect(localSpan(start, start + 2 * HOUR, 'Asia/Kolkata')).toMatchObject(
      { date: '2027-06-01', time: '23:30', endDate: '2027-06-02', endTime: '01:30', utcOffset: '+05:30' });
  });
});
