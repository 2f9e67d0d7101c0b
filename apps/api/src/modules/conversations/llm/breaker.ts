/**
 * A circuit breaker over a provider, pure: the caller keeps the state and passes the time in.
 * After `failures` consecutive failures it opens for `cooldownMs`; then one trial call is let
 * through (half-open): success closes it, failure opens it again.
 */
export interface BreakerOptions { failures: number; cooldownMs: number }

export type BreakerState =
  | { kind: 'closed'; failures: number }
  | { kind: 'open'; until: number }
  /** One trial is out; if it never reports back, another is allowed after a cooldown. */
  | { kind: 'half_open'; until: number };

export const closedBreaker: BreakerState = { kind: 'closed', failures: 0 };

/** May a call go out now? Taking the half-open trial changes the state. */
export function admit(state: BreakerState, now: number, options: BreakerOptions): { allowed: boolean; state: BreakerState } {
  if (state.kind === 'closed') return { allowed: true, state };
  if (now < state.until) return { allowed: false, state };
  return { allowed: true, state: { kind: 'half_open', until: now + options.cooldownMs } };
}

export function recordSuccess(): BreakerState {
  return closedBreaker;
}

export function recordFailure(state: BreakerState, now: number, options: BreakerOptions): BreakerState {
  const failures = state.kind === 'closed' ? state.failures + 1 : options.failures;
  return failures >= options.failures ? { kind: 'open', until: now + options.cooldownMs } : { kind: 'closed', failures };
}
