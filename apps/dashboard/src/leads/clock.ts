/**
 * A lead's response clock as staff read it: time left, "at risk" when less than a quarter of
 * the window is left, overdue once it is past due (or the sweep recorded the breach).
 */
export interface Clock { startedAt: string; dueAt: string; breached: boolean }
export type ClockState = 'none' | 'on_time' | 'at_risk' | 'overdue';

export const AT_RISK_SHARE = 0.25;

export function clockState(clock: Clock | null, now: number): ClockState {
  if (!clock) return 'none';
  const due = Date.parse(clock.dueAt);
  if (clock.breached || now >= due) return 'overdue';
  const window = due - Date.parse(clock.startedAt);
  return due - now <= window * AT_RISK_SHARE ? 'at_risk' : 'on_time';
}

/** Milliseconds left (positive) or overdue (negative). */
export const clockRemaining = (clock: Clock, now: number): number => Date.parse(clock.dueAt) - now;

/** A duration as a ticking clock: "4:05" (minutes), "2:04:05" (hours), and whole days apart. */
export function durationParts(ms: number): { days: number; clock: string } {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return { days, clock: hours > 0 || days > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}` };
}
