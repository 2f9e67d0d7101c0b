import { describe, expect, it } from 'vitest';
import { changePolicy, noticeMinutes } from './policy';

const START = Date.parse('2027-03-28T10:00:00Z');
const HOUR = 3_600_000;

describe('the change policy of the booking page', () => {
  it("takes the service's own window when it has one, else the business's notice", () => {
    expect(noticeMinutes(180, 1440)).toBe(180);
    expect(noticeMinutes(2880, 1440)).toBe(2880);
    expect(noticeMinutes(0, 1440)).toBe(1440);
    expect(noticeMinutes(0, 0)).toBe(0);
  });

  it('allows changes up to and including the deadline, not a millisecond after', () => {
    const deadline = START - 24 * HOUR;
    expect(changePolicy(START, 1440, deadline, true)).toEqual({ changeNoticeMinutes: 1440, changeDeadline: deadline, canChange: true });
    expect(changePolicy(START, 1440, deadline + 1, true).canChange).toBe(false);
    expect(changePolicy(START, 0, START, true).canChange).toBe(true);
    expect(changePolicy(START, 0, START + 1, true).canChange).toBe(false);
  });

  it('never allows changing a booking that is no longer open', () => {
    expect(changePolicy(START, 60, START - 10 * HOUR, false).canChange).toBe(false);
  });
});
