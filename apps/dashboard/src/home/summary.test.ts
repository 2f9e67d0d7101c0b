import { describe, expect, it } from 'vitest';
import { startingWithin, summarizeWeek, type BookingLike } from './summary';

const b = (start: string, status: BookingLike['status'], amount = 1000, currency = 'GBP'): BookingLike => ({ start, status, price: { amount, currency } });
const week = { from: Date.parse('2026-11-30T00:00:00Z'), to: Date.parse('2026-12-07T00:00:00Z') };

describe('the week on the home page', () => {
  it('counts what stands, what was cancelled and who did not come, and what it is worth', () => {
    const summary = summarizeWeek([
      b('2026-11-29T23:30:00Z', 'confirmed'), // the Sunday before
      b('2026-11-30T09:00:00Z', 'confirmed'),
      b('2026-12-01T09:00:00Z', 'pending', 2500),
      b('2026-12-02T09:00:00Z', 'cancelled', 9999),
      b('2026-12-03T09:00:00Z', 'no_show'),
      b('2026-12-04T09:00:00Z', 'completed'),
      b('2026-12-05T09:00:00Z', 'confirmed', 700, 'EUR'), // another currency: counted, not added up
      b('2026-12-07T00:00:00Z', 'confirmed'), // the next Monday
    ], week, 'GBP');
    expect(summary).toEqual({ booked: 5, confirmed: 3, cancelled: 1, noShow: 1, value: { amount: 5500, currency: 'GBP' } });
  });

  it('lists a day’s bookings by their start, earliest first', () => {
    const day = { from: Date.parse('2026-12-01T00:00:00Z'), to: Date.parse('2026-12-02T00:00:00Z') };
    const list = startingWithin([b('2026-12-01T15:00:00Z', 'confirmed'), b('2026-11-30T23:00:00Z', 'confirmed'), b('2026-12-01T08:00:00Z', 'pending')], day);
    expect(list.map((x) => x.start)).toEqual(['2026-12-01T08:00:00Z', '2026-12-01T15:00:00Z']);
  });
});
