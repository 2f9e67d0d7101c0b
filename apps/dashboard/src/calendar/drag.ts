import type { Column } from './timeline';
import { MINUTE } from './timeline';

/**
 * Dragging on the calendar: a block follows the pointer in 15-minute steps (keeping the point
 * where it was grabbed), its bottom edge sets its length, and a drop becomes the body of
 * POST /v1/bookings/{id}/reschedule. The server decides whether the new time is free.
 */
export const STEP = 15;

export const snap = (minutes: number, step = STEP) => Math.round(minutes / step) * step;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The new top of a moved block: the pointer less where it was grabbed, snapped, kept inside the column. */
export function movedTop(pointerY: number, grabOffset: number, length: number, column: Column): number {
  return clamp(snap(pointerY - grabOffset), 0, Math.max(0, column.height - length));
}

/** The new bottom of a resized block: snapped, at least one step below its top, inside the column. */
export function resizedBottom(pointerY: number, top: number, column: Column): number {
  return clamp(snap(pointerY), top + STEP, column.height);
}

export interface Drop { fromResourceId: string; toResourceId: string; start: number; end: number }
export interface RescheduleBody { start: string; resourceIds: string[]; durationMinutes?: number }

/**
 * The request for a drop: the booking's resources with the one dragged from replaced by the one
 * dropped on (pinned, so the server does not pick "anyone"), and its length when it is not the
 * service's.
 */
export function rescheduleBody(booking: { resourceIds: string[] }, drop: Drop, serviceMinutes: number): RescheduleBody {
  const resourceIds = booking.resourceIds.includes(drop.toResourceId)
    ? booking.resourceIds
    : booking.resourceIds.map((id) => (id === drop.fromResourceId ? drop.toResourceId : id));
  const minutes = Math.round((drop.end - drop.start) / MINUTE);
  return { start: new Date(drop.start).toISOString(), resourceIds, ...(minutes !== serviceMinutes ? { durationMinutes: minutes } : {}) };
}

/** Whether a drop changes anything at all (a click on a booking is not a move). */
export function changes(booking: { start: string; end: string; resourceIds: string[] }, drop: Drop): boolean {
  return drop.start !== Date.parse(booking.start) || drop.end !== Date.parse(booking.end) || drop.toResourceId !== drop.fromResourceId;
}
