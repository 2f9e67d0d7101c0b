/** When a customer may still cancel or move a booking online. Pure. */

const MINUTE = 60_000;

export interface ChangePolicy {
  changeNoticeMinutes: number;
  /** Epoch ms: changes online are allowed until (and including) this instant. */
  changeDeadline: number;
  canChange: boolean;
}

/** A service's own cancellation window, when it has one (above 0), wins over the business's default notice. */
export function noticeMinutes(serviceWindowMinutes: number, businessNoticeMinutes: number): number {
  return serviceWindowMinutes > 0 ? serviceWindowMinutes : businessNoticeMinutes;
}

/** The deadline for a booking starting at `start`, and whether `now` is still before it (and the booking still open). */
export function changePolicy(start: number, notice: number, now: number, active: boolean): ChangePolicy {
  const changeDeadline = start - notice * MINUTE;
  return { changeNoticeMinutes: notice, changeDeadline, canChange: active && now <= changeDeadline };
}
