import { describe, expect, it } from 'vitest';
import { atRiskOf, median, type Visit, type VisitStatus } from './at-risk';

const LONDON = 'Europe/London';
const SP = 'America/Sao_Paulo';
const at = (iso: string) => Date.parse(iso);
const visit = (iso: string, status: VisitStatus = 'completed'): Visit => ({ start: at(iso), status });

describe('customers at risk', () => {
  it('the median of the gaps is the usual interval', () => {
    expect(median([7, 14, 7])).toBe(7);
    expect(median([10, 20])).toBe(15);
  });

  // A barbershop regular every three weeks in São Paulo (-03:00): 21-day gaps, overdue after 31.5 days.
  const regular = [visit('2026-01-10T13:00:00Z'), visit('2026-01-31T13:00:00Z'), visit('2026-02-21T13:00:00Z')];

  it('a regular is at risk once the days since the last visit exceed 1.5 × the usual interval, from that day on', () => {
    expect(atRiskOf(regular, at('2026-03-24T23:00:00Z'), SP)).toBeNull(); // 24 Mar 20:00 local: 31 days
    expect(atRiskOf(regular, at('2026-03-25T02:59:00Z'), SP)).toBeNull(); // still 24 Mar there
    expect(atRiskOf(regular, at('2026-03-25T03:00:00Z'), SP)).toEqual({
      reason: 'lapsed', since: '2026-03-25', lastVisit: '2026-02-21T13:00:00.000Z', visits: 3, usualIntervalDays: 21, daysSince: 32,
    });
  });

  it('is not at risk with fewer than three visits, with something booked ahead, or after a visit in time', () => {
    const later = at('2026-06-01T12:00:00Z');
    expect(atRiskOf(regular.slice(0, 2), later, SP)).toBeNull();
    expect(atRiskOf([...regular, visit('2026-06-10T13:00:00Z', 'confirmed')], later, SP)).toBeNull();
    expect(atRiskOf([...regular, visit('2026-05-25T13:00:00Z')], later, SP)).toBeNull();
    // Two visits on one day are one visit: still only two days.
    expect(atRiskOf([visit('2026-01-10T13:00:00Z'), visit('2026-01-10T15:00:00Z'), visit('2026-01-31T13:00:00Z')], later, SP)).toBeNull();
    // A booking ahead that was cancelled does not hold them.
    expect(atRiskOf([...regular, visit('2026-06-10T13:00:00Z', 'cancelled')], later, SP)).toMatchObject({ reason: 'lapsed' });
  });

  it('counts calendar days across a DST change (weekly in London over the clocks going forward on 29 March)', () => {
    // Saturdays at 10:00 local: 21 and 28 March are GMT, 4 April is BST (the last gap is 167 hours).
    const weekly = [visit('2026-03-21T10:00:00Z'), visit('2026-03-28T10:00:00Z'), visit('2026-04-04T09:00:00Z')];
    // 14 April 23:30 BST (22:30Z) is 10 local days after; 10.5 days have not passed as calendar days.
    expect(atRiskOf(weekly, at('2026-04-14T22:30:00Z'), LONDON)).toBeNull();
    // Just after local midnight on the 15th: day 11.
    expect(atRiskOf(weekly, at('2026-04-14T23:05:00Z'), LONDON)).toMatchObject({ reason: 'lapsed', since: '2026-04-15', usualIntervalDays: 7, daysSince: 11 });
  });

  it('two or more no-shows or cancellations in a row flag a customer, even one who booked again', () => {
    const now = at('2026-03-20T12:00:00Z');
    const history = [visit('2026-03-02T13:00:00Z'), visit('2026-03-09T13:00:00Z', 'no_show'), visit('2026-03-16T13:00:00Z', 'cancelled')];
    expect(atRiskOf(history, now, SP)).toEqual({ reason: 'missed', since: '2026-03-09', missedInARow: 2 });
    expect(atRiskOf([...history, visit('2026-03-23T13:00:00Z', 'confirmed')], now, SP)).toMatchObject({ reason: 'missed', missedInARow: 2 });
    // A visit after them ends the streak; a single miss is not a pattern.
    expect(atRiskOf([...history, visit('2026-03-19T13:00:00Z')], now, SP)).toBeNull();
    expect(atRiskOf(history.slice(0, 2), now, SP)).toBeNull();
    // A booking still ahead that was cancelled counts once its time has come, not before.
    expect(atRiskOf([...history.slice(0, 2), visit('2026-03-27T13:00:00Z', 'cancelled')], now, SP)).toBeNull();
  });

  it('a new customer with no bookings is not at risk', () => {
    expect(atRiskOf([], at('2026-03-20T12:00:00Z'), SP)).toBeNull();
  });
});
