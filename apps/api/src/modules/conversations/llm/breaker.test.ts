import { describe, expect, it } from 'vitest';
import { admit, closedBreaker, recordFailure, recordSuccess, type BreakerState } from './breaker';

const options = { failures: 3, cooldownMs: 60_000 };

function failTimes(n: number, at: number, from: BreakerState = closedBreaker): BreakerState {
  let state = from;
  for (let i = 0; i < n; i++) state = recordFailure(state, at, options);
  return state;
}

describe('circuit breaker', () => {
  it('stays closed below the failure threshold, and a success resets the count', () => {
    const twice = failTimes(2, 0);
    expect(admit(twice, 0, options).allowed).toBe(true);
    expect(failTimes(2, 0, recordSuccess())).toEqual({ kind: 'closed', failures: 2 });
  });

  it('opens after N consecutive failures and refuses calls for the cooldown', () => {
    const open = failTimes(3, 1_000);
    expect(open).toEqual({ kind: 'open', until: 61_000 });
    expect(admit(open, 60_999, options).allowed).toBe(false);
  });

  it('lets exactly one trial through after the cooldown', () => {
    const open = failTimes(3, 0);
    const trial = admit(open, 60_000, options);
    expect(trial.allowed).toBe(true);
    expect(admit(trial.state, 60_001, options).allowed).toBe(false);
  });

  it('closes when the trial succeeds and reopens when it fails', () => {
    const trial = admit(failTimes(3, 0), 60_000, options).state;
    expect(recordSuccess()).toEqual(closedBreaker);
    const reopened = recordFailure(trial, 60_500, options);
    expect(reopened).toEqual({ kind: 'open', until: 120_500 });
    expect(admit(reopened, 100_000, options).allowed).toBe(false);
  });

  it('allows another trial when the first never reported back', () => {
    const trial = admit(failTimes(3, 0), 60_000, options).state;
    expect(admit(trial, 120_000, options).allowed).toBe(true);
  });
});
