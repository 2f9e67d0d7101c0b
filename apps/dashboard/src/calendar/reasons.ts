import type { CalendarWords } from '../i18n/pages/calendar-en';
import { ApiError } from '../api/client';

/**
 * Why a time cannot be booked, in the staff member's words: the scheduling API's reason codes
 * (from GET /v1/availability/explain, or a 409 SCHED_SLOT_UNAVAILABLE's `reasons`), naming the
 * resource and, for a clash, the booking in the way. The server's own `message` (English, UTC)
 * is never shown.
 */
export interface Reason { code: string; message?: string; resourceId?: string; refId?: string }

export interface Names {
  resource(id: string): string | undefined;
  /** "Bia, 10:00–11:00" for a booking id the calendar knows. */
  booking(id: string): string | undefined;
}

export function describeReasons(reasons: readonly Reason[], words: CalendarWords, names: Names): string[] {
  const lines = reasons.map((r) => {
    const who = (r.resourceId && names.resource(r.resourceId)) || (r.resourceId ? words.someone : '');
    const say = (words.reasons[r.code as keyof CalendarWords['reasons']] ?? words.reasons.unavailable) as (who: string, what: string) => string;
    if (r.code === 'booked') return words.reasons.booked(who || words.someone, (r.refId && names.booking(r.refId)) || '');
    return say(who || words.someone, '');
  });
  return [...new Set(lines)];
}

/** The reasons a refused booking change carries, if it was refused for the time itself. */
export function reasonsOf(err: unknown): Reason[] {
  if (!(err instanceof ApiError) || err.code !== 'SCHED_SLOT_UNAVAILABLE') return [];
  const reasons = err.problem.reasons;
  return Array.isArray(reasons) ? (reasons as Reason[]).filter((r) => typeof r?.code === 'string') : [];
}
