import { describe, expect, it } from 'vitest';
import { noticeForEvent, plannedForBooking, reminderDue, stillRelevant, type BookingFacts, type NoticeSettings } from './plan';

const settings: NoticeSettings = {
  confirmation: true, reminders: [{ minutesBefore: 1440 }, { minutesBefore: 120 }], serviceReminders: {},
  rescheduleNotice: true, cancellationNotice: true, thankYouAfterMinutes: 60, noShowFollowUp: true,
};
const iso = (ms: number) => new Date(ms).toISOString();

describe('when a reminder is due', () => {
  it.each([
    // zone, appointment (UTC), minutes before, due (UTC), why
    ['Europe/London', '2027-03-28T09:00:00Z', 1440, '2027-03-27T10:00:00.000Z', 'London spring forward: Sun 10:00 BST → Sat 10:00 GMT (23 h)'],
    ['Europe/London', '2027-10-31T10:00:00Z', 1440, '2027-10-30T09:00:00.000Z', 'London fall back: Sun 10:00 GMT → Sat 10:00 BST (25 h)'],
    ['America/New_York', '2027-03-14T13:00:00Z', 1440, '2027-03-13T14:00:00.000Z', 'New York spring forward: 09:00 EDT → 09:00 EST'],
    ['America/New_York', '2027-11-08T14:00:00Z', 2880, '2027-11-06T13:00:00.000Z', 'New York fall back, two days before'],
    ['America/Sao_Paulo', '2027-06-15T13:00:00Z', 1440, '2027-06-14T13:00:00.000Z', 'São Paulo (no DST)'],
    ['America/Argentina/Buenos_Aires', '2027-06-15T19:00:00Z', 120, '2027-06-15T17:00:00.000Z', 'two hours is elapsed time'],
    ['Asia/Kolkata', '2027-06-15T04:30:00Z', 1440, '2027-06-14T04:30:00.000Z', 'Kolkata half-hour offset'],
    ['Europe/London', '2027-03-28T09:00:00Z', 120, '2027-03-28T07:00:00.000Z', 'two hours before 10:00 BST on the change day is 08:00 BST'],
  ])('%s %s − %i min → %s (%s)', (zone, start, minutes, due) => {
    expect(iso(reminderDue(Date.parse(start), minutes, zone))).toBe(due);
  });

  it('keeps the wall clock when the day before falls in the spring-forward gap', () => {
    // 01:30 on 28 March 2027 does not exist in London: the reminder goes at the first instant after the gap.
    expect(iso(reminderDue(Date.parse('2027-03-29T00:30:00Z'), 1440, 'Europe/London'))).toBe('2027-03-28T01:00:00.000Z');
  });
});

describe('the notices a booking should have', () => {
  const booking: BookingFacts = { id: 'b1', status: 'confirmed', start: '2027-03-28T09:00:00Z', end: '2027-03-28T10:00:00Z', serviceId: 's1' };
  const now = Date.parse('2027-03-20T12:00:00Z');

  it('plans the 24 h and 2 h reminders and the thank-you, each with its business key', () => {
    const planned = plannedForBooking(booking, settings, 'Europe/London', now);
    expect(planned.map((p) => [p.kind, iso(p.dueAt)])).toEqual([
      ['booking_reminder', '2027-03-27T10:00:00.000Z'],
      ['booking_reminder', '2027-03-28T07:00:00.000Z'],
      ['booking_thank_you', '2027-03-28T11:00:00.000Z'],
    ]);
    expect(planned[0]!.key).toBe('booking:b1:booking_reminder:2027-03-27T10:00:00.000Z');
  });

  it('skips reminders already past when the booking is made late', () => {
    const late = Date.parse('2027-03-28T06:00:00Z');
    expect(plannedForBooking(booking, settings, 'Europe/London', late).map((p) => p.kind)).toEqual(['booking_reminder', 'booking_thank_you']);
  });

  it('plans nothing for a cancelled or no-show booking, and a service may have its own reminders', () => {
    expect(plannedForBooking({ ...booking, status: 'cancelled' }, settings, 'Europe/London', now)).toEqual([]);
    expect(plannedForBooking({ ...booking, status: 'no_show' }, settings, 'Europe/London', now)).toEqual([]);
    const own = { ...settings, serviceReminders: { s1: [{ minutesBefore: 30 }] }, thankYouAfterMinutes: null };
    expect(plannedForBooking(booking, own, 'Europe/London', now).map((p) => iso(p.dueAt))).toEqual(['2027-03-28T08:30:00.000Z']);
  });

  it('sends a confirmation once per booking, a notice per reschedule, one per cancellation and no-show', () => {
    const ev = (id: number, type: string, data: Record<string, unknown> = {}) => noticeForEvent({ id, type, data }, booking, settings, now);
    expect(ev(1, 'booking.created')).toMatchObject({ kind: 'booking_confirmation', key: 'booking:b1:booking_confirmation:once' });
    expect(ev(2, 'booking.rescheduled')?.key).not.toBe(ev(3, 'booking.rescheduled')?.key);
    expect(ev(4, 'booking.cancelled')?.kind).toBe('booking_cancelled');
    expect(ev(5, 'booking.status_changed', { status: 'no_show' })?.kind).toBe('booking_no_show');
    expect(ev(6, 'booking.status_changed', { status: 'completed' })).toBeUndefined();
    expect(noticeForEvent({ id: 7, type: 'booking.created', data: {} }, booking, { ...settings, confirmation: false }, now)).toBeUndefined();
  });

  it('drops a reminder for a time the booking no longer has', () => {
    const due = Date.parse('2027-03-27T10:00:00Z');
    expect(stillRelevant('booking_reminder', booking, due, settings, 'Europe/London', now)).toBe(true);
    const moved = { ...booking, start: '2027-03-29T09:00:00Z', end: '2027-03-29T10:00:00Z' };
    expect(stillRelevant('booking_reminder', moved, due, settings, 'Europe/London', now)).toBe(false);
    expect(stillRelevant('booking_reminder', { ...booking, status: 'cancelled' }, due, settings, 'Europe/London', now)).toBe(false);
    expect(stillRelevant('booking_cancelled', { ...booking, status: 'cancelled' }, due, settings, 'Europe/London', now)).toBe(true);
  });
});
