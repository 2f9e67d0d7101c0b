import { describe, expect, it } from 'vitest';
import { clockRemaining, clockState, durationParts } from './clock';

const at = (iso: string) => Date.parse(iso);
// A HOT lead's 5-minute first response, from 10:00:00.
const hot = { startedAt: '2026-03-29T10:00:00Z', dueAt: '2026-03-29T10:05:00Z', breached: false };

describe('the response clock', () => {
  it.each([
    ['10:00:00', 'on_time'], ['10:03:44', 'on_time'], ['10:03:45', 'at_risk'], ['10:04:59', 'at_risk'], ['10:05:00', 'overdue'], ['11:00:00', 'overdue'],
  ])('at %s it is %s', (time, state) => {
    expect(clockState(hot, at(`2026-03-29T${time}Z`))).toBe(state);
  });

  it('is overdue once the sweep recorded the breach, and absent when nobody waits', () => {
    expect(clockState({ ...hot, breached: true }, at('2026-03-29T10:01:00Z'))).toBe('overdue');
    expect(clockState(null, at('2026-03-29T10:01:00Z'))).toBe('none');
  });

  it('counts real time across a DST change (London springs forward at 01:00 UTC on 29 March 2026)', () => {
    // A 4-hour window opened at 00:30 local (GMT) is due at 05:30 local (BST): still 4 hours of real time.
    const clock = { startedAt: '2026-03-29T00:30:00Z', dueAt: '2026-03-29T04:30:00Z', breached: false };
    expect(clockRemaining(clock, at('2026-03-29T01:30:00Z'))).toBe(3 * 3600_000);
    expect(clockState(clock, at('2026-03-29T03:29:59Z'))).toBe('on_time');
    expect(clockState(clock, at('2026-03-29T03:30:00Z'))).toBe('at_risk');
  });

  it('reads as a ticking clock, with whole days apart', () => {
    expect(durationParts(4 * 60_000 + 5_000)).toEqual({ days: 0, clock: '4:05' });
    expect(durationParts(-(59_999))).toEqual({ days: 0, clock: '0:59' });
    expect(durationParts(2 * 3600_000 + 4 * 60_000 + 5_000)).toEqual({ days: 0, clock: '2:04:05' });
    expect(durationParts(26 * 3600_000)).toEqual({ days: 1, clock: '2:00:00' });
  });
});
