import type { Booking } from '@frontdesk/contracts';

export interface StatusActions { complete: boolean; noShow: boolean; cancel: boolean; notStartedYet: boolean }

/**
 * What staff may do to a booking's status from the calendar. The API's transitions: pending or
 * confirmed → completed / no-show, completed ↔ no-show, and only a pending or confirmed booking
 * can be cancelled. The calendar adds one rule of its own: a booking is marked completed or a
 * no-show once its start has come (nobody can have missed a haircut that is still ahead).
 */
export function statusActions(booking: Pick<Booking, 'status' | 'start'>, now: number): StatusActions {
  const active = booking.status === 'pending' || booking.status === 'confirmed';
  const started = Date.parse(booking.start) <= now;
  const settled = active || booking.status === 'completed' || booking.status === 'no_show';
  return {
    complete: settled && started && booking.status !== 'completed',
    noShow: settled && started && booking.status !== 'no_show',
    cancel: active,
    notStartedYet: active && !started,
  };
}
