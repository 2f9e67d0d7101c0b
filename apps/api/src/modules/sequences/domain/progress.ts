import type { SequenceCondition, StopReason } from '@frontdesk/contracts';
import { outsideQuietHours, type QuietHours } from './quiet-hours';

const MINUTE_MS = 60_000;

/** What a step needs to be timed and checked (its words are the service's business). */
export interface StepRule { waitMinutes: number; afterSilence: boolean; unless: SequenceCondition[] }

/** An enrolment as the decision sees it: epoch ms throughout. */
export interface EnrolmentFacts {
  enrolledAt: number;
  /** Index of the step to send next. */
  nextStep: number;
  /** When the previous step went out (null before the first). */
  lastStepAt: number | null;
  /** The customer's latest message, and latest booking, that the sequences have seen. */
  lastCustomerAt: number | null;
  lastBookedAt: number | null;
  optedOut: boolean;
  contactGone: boolean;
  sequenceActive: boolean;
}

export interface Timing { quietHours: QuietHours | null; timeZone: string }

export type Decision =
  | { action: 'stop'; reason: StopReason }
  | { action: 'wait'; until: number }
  | { action: 'send'; step: number; dueAt: number };

/** The customer wrote after the enrolment, or after the last step. */
export const replied = (f: EnrolmentFacts): boolean => f.lastCustomerAt !== null && f.lastCustomerAt > (f.lastStepAt ?? f.enrolledAt);
/** The customer booked since the enrolment. */
export const booked = (f: EnrolmentFacts): boolean => f.lastBookedAt !== null && f.lastBookedAt >= f.enrolledAt;

/** When the next step is due by its wait alone (before quiet hours). */
export function dueByWait(step: StepRule, f: EnrolmentFacts): number {
  const since = f.lastStepAt ?? f.enrolledAt;
  const from = step.afterSilence && f.lastCustomerAt !== null ? Math.max(since, f.lastCustomerAt) : since;
  return from + step.waitMinutes * MINUTE_MS;
}

/** Why the sequence ends before this step, if it does. */
export function stopReason(steps: StepRule[], f: EnrolmentFacts): StopReason | undefined {
  if (f.contactGone) return 'contact_gone';
  if (f.optedOut) return 'opted_out';
  if (!f.sequenceActive) return 'sequence_inactive';
  const step = steps[f.nextStep];
  if (!step) return 'completed';
  if (step.unless.includes('booked') && booked(f)) return 'booked';
  if (step.unless.includes('replied') && replied(f)) return 'replied';
  return undefined;
}

/**
 * The next move of an enrolment at `now`: stop (and why), wait until the step is due — never in
 * the quiet hours, so a step due then, or a sweep that runs late into them, waits for their end —
 * or send the step now.
 */
export function decide(steps: StepRule[], f: EnrolmentFacts, now: number, timing: Timing): Decision {
  const reason = stopReason(steps, f);
  if (reason) return { action: 'stop', reason };
  const due = dueByWait(steps[f.nextStep]!, f);
  const sendAt = outsideQuietHours(Math.max(due, now), timing.quietHours, timing.timeZone);
  if (sendAt > now) return { action: 'wait', until: sendAt };
  return { action: 'send', step: f.nextStep, dueAt: outsideQuietHours(due, timing.quietHours, timing.timeZone) };
}

/** The facts after a step went out at `at`: the next step comes, or the sequence has run out of attempts. */
export const afterSending = (f: EnrolmentFacts, at: number): EnrolmentFacts => ({ ...f, nextStep: f.nextStep + 1, lastStepAt: at });
