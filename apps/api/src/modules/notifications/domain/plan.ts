import { addDays, instantToLocal, wallClockToInstant } from '../../../shared/time/zone';

export type NoticeKind =
  | 'booking_confirmation' | 'booking_reminder' | 'booking_rescheduled' | 'booking_cancelled'
  | 'booking_thank_you' | 'booking_no_show' | 'ticket_satisfaction' | 'follow_up';

export interface BookingFacts {
  id: string;
  status: 'pending' | 'confirmed' | 'cancelled' | 'completed' | 'no_show';
  start: string;
  end: string;
  serviceId: string;
}
export interface NoticeSettings {
  confirmation: boolean;
  reminders: { minutesBefore: number }[];
  /** Per service, replacing the tenant's reminders. */
  serviceReminders: Record<string, { minutesBefore: number }[]>;
  rescheduleNotice: boolean;
  cancellationNotice: boolean;
  /** A thank-you with a rating question this long after the visit ends; null for none. */
  thankYouAfterMinutes: number | null;
  noShowFollowUp: boolean;
}
export interface PlannedNotice { kind: NoticeKind; dueAt: number; key: string }

const DAY_MINUTES = 1440;
/**
 * A booking made, moved or cancelled by the assistant is confirmed in its conversation: the
 * notice waits this long so that the turn's event can call it off (staff changes wait as long).
 */
export const CONFIRMATION_GRACE_MS = 30_000;

/**
 * When a reminder "N minutes before" is due. Whole days are calendar days in the business's
 * zone — "24 h before" a 10:00 visit is 10:00 the day before, even across a DST change (which
 * makes that 23 or 25 hours); anything else is elapsed time.
 */
export function reminderDue(startMs: number, minutesBefore: number, timeZone: string): number {
  if (minutesBefore % DAY_MINUTES !== 0) return startMs - minutesBefore * 60_000;
  const local = instantToLocal(startMs, timeZone);
  return wallClockToInstant(addDays(local.date, -minutesBefore / DAY_MINUTES), local.time, timeZone, 'start');
}

export const bookingKey = (bookingId: string, kind: NoticeKind, dueAt: number | string) =>
  `booking:${bookingId}:${kind}:${typeof dueAt === 'number' ? new Date(dueAt).toISOString() : dueAt}`;

/**
 * The reminders and the thank-you a booking should have now: reminders still in the future,
 * none for a booking that is no longer on. Reconciling against this (rather than replaying
 * events) moves reminders with a reschedule and drops them with a cancellation, in any order.
 */
export function plannedForBooking(b: BookingFacts, settings: NoticeSettings, timeZone: string, now: number): PlannedNotice[] {
  if (b.status === 'cancelled' || b.status === 'no_show') return [];
  const start = Date.parse(b.start);
  const planned: PlannedNotice[] = [];
  if (b.status !== 'completed') {
    for (const { minutesBefore } of settings.serviceReminders[b.serviceId] ?? settings.reminders) {
      const dueAt = reminderDue(start, minutesBefore, timeZone);
      if (dueAt > now && dueAt < start) planned.push({ kind: 'booking_reminder', dueAt, key: bookingKey(b.id, 'booking_reminder', dueAt) });
    }
  }
  if (settings.thankYouAfterMinutes !== null) {
    const dueAt = Date.parse(b.end) + settings.thankYouAfterMinutes * 60_000;
    planned.push({ kind: 'booking_thank_you', dueAt, key: bookingKey(b.id, 'booking_thank_you', dueAt) });
  }
  return planned;
}

/** What a booking event sends at once (beside the reminders), with its business key. */
export function noticeForEvent(
  event: { id: number; type: string; data: Record<string, unknown> }, b: BookingFacts, settings: NoticeSettings, now: number,
): PlannedNotice | undefined {
  switch (event.type) {
    case 'booking.created':
      return settings.confirmation && b.status !== 'cancelled'
        ? { kind: 'booking_confirmation', dueAt: now + CONFIRMATION_GRACE_MS, key: bookingKey(b.id, 'booking_confirmation', 'once') }
        : undefined;
    case 'booking.rescheduled':
      return settings.rescheduleNotice ? { kind: 'booking_rescheduled', dueAt: now + CONFIRMATION_GRACE_MS, key: bookingKey(b.id, 'booking_rescheduled', `event-${event.id}`) } : undefined;
    case 'booking.cancelled':
      return settings.cancellationNotice ? { kind: 'booking_cancelled', dueAt: now + CONFIRMATION_GRACE_MS, key: bookingKey(b.id, 'booking_cancelled', 'once') } : undefined;
    case 'booking.status_changed':
      return event.data.status === 'no_show' && settings.noShowFollowUp
        ? { kind: 'booking_no_show', dueAt: now, key: bookingKey(b.id, 'booking_no_show', 'once') }
        : undefined;
    default:
      return undefined;
  }
}

/** Whether a notice about this booking still makes sense at the moment it is due. */
export function stillRelevant(kind: NoticeKind, b: BookingFacts, dueAt: number, settings: NoticeSettings, timeZone: string, now: number): boolean {
  switch (kind) {
    case 'booking_reminder':
      // A reminder for a time the booking no longer has (moved while this one was being sent) is stale.
      return (b.status === 'confirmed' || b.status === 'pending')
        && (settings.serviceReminders[b.serviceId] ?? settings.reminders).some((r) => reminderDue(Date.parse(b.start), r.minutesBefore, timeZone) === dueAt)
        && Date.parse(b.start) > now;
    case 'booking_confirmation':
    case 'booking_rescheduled':
      return (b.status === 'confirmed' || b.status === 'pending') && Date.parse(b.start) > now;
    case 'booking_cancelled':
      return b.status === 'cancelled';
    case 'booking_thank_you':
      return b.status === 'completed' || b.status === 'confirmed';
    case 'booking_no_show':
      return b.status === 'no_show';
    default:
      return true;
  }
}
