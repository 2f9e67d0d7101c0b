import { describe, expect, it } from 'vitest';
import { afterSending, decide, type EnrolmentFacts, type StepRule, type Timing } from './progress';
import { triggers } from './triggers';

const H = 3_600_000;
const T0 = Date.parse('2026-11-25T06:00:00Z'); // 11:30 in Kolkata
const KOLKATA: Timing = { quietHours: { start: '21:00', end: '09:00' }, timeZone: 'Asia/Kolkata' };
// Flexoraa's cold recovery: after 24 h of silence, then 24 h after the first attempt, at most two.
const COLD: StepRule[] = [
  { waitMinutes: 1440, afterSilence: true, unless: ['booked'] },
  { waitMinutes: 1440, afterSilence: false, unless: ['replied', 'booked'] },
];
const facts = (over: Partial<EnrolmentFacts> = {}): EnrolmentFacts => ({
  enrolledAt: T0, nextStep: 0, lastStepAt: null, lastCustomerAt: T0, lastBookedAt: null,
  optedOut: false, contactGone: false, sequenceActive: true, ...over,
});

describe('decide', () => {
  it.each<[string, Partial<EnrolmentFacts>, number, ReturnType<typeof decide>]>([
    ['waits 24 h of silence', {}, T0 + 23 * H, { action: 'wait', until: T0 + 24 * H }],
    ['sends once the 24 h are up', {}, T0 + 24 * H, { action: 'send', step: 0, dueAt: T0 + 24 * H }],
    ['a message restarts the silence of an afterSilence step', { lastCustomerAt: T0 + 5 * H }, T0 + 24 * H, { action: 'wait', until: T0 + 29 * H }],
    ['a reply before the first step does not stop it (it only waits for silence)', { lastCustomerAt: T0 + H }, T0 + 25 * H, { action: 'send', step: 0, dueAt: T0 + 25 * H }],
    ['the second attempt waits 24 h after the first', { nextStep: 1, lastStepAt: T0 + 24 * H }, T0 + 47 * H, { action: 'wait', until: T0 + 48 * H }],
    ['and goes then', { nextStep: 1, lastStepAt: T0 + 24 * H }, T0 + 48 * H, { action: 'send', step: 1, dueAt: T0 + 48 * H }],
    ['a reply after the first attempt stops it', { nextStep: 1, lastStepAt: T0 + 24 * H, lastCustomerAt: T0 + 30 * H }, T0 + 48 * H, { action: 'stop', reason: 'replied' }],
    ['a reply before the first attempt does not count for the second', { nextStep: 1, lastStepAt: T0 + 24 * H, lastCustomerAt: T0 + 20 * H }, T0 + 48 * H,
      { action: 'send', step: 1, dueAt: T0 + 48 * H }],
    ['a booking since the enrolment stops it', { lastBookedAt: T0 + 2 * H }, T0 + 24 * H, { action: 'stop', reason: 'booked' }],
    ['a booking before the enrolment does not', { lastBookedAt: T0 - 2 * H }, T0 + 24 * H, { action: 'send', step: 0, dueAt: T0 + 24 * H }],
    ['no attempt after the last one', { nextStep: 2, lastStepAt: T0 + 48 * H }, T0 + 96 * H, { action: 'stop', reason: 'completed' }],
    ['never to an opted-out contact', { optedOut: true }, T0 + 24 * H, { action: 'stop', reason: 'opted_out' }],
    ['a contact merged away', { contactGone: true }, T0 + 24 * H, { action: 'stop', reason: 'contact_gone' }],
    ['a paused sequence', { sequenceActive: false }, T0 + 24 * H, { action: 'stop', reason: 'sequence_inactive' }],
  ])('%s', (_, over, now, expected) => {
    expect(decide(COLD, facts(over), now, KOLKATA)).toEqual(expected);
  });

  it('never sends in the quiet hours: a step due at 21:30 IST goes at 09:00 IST the next morning', () => {
    const silentFrom = Date.parse('2026-11-25T16:00:00Z'); // 21:30 IST
    const f = facts({ enrolledAt: silentFrom, lastCustomerAt: silentFrom });
    const morning = Date.parse('2026-11-27T03:30:00Z'); // 09:00 IST
    expect(decide(COLD, f, silentFrom + 24 * H, KOLKATA)).toEqual({ action: 'wait', until: morning });
    expect(decide(COLD, f, morning - 1, KOLKATA)).toEqual({ action: 'wait', until: morning });
    expect(decide(COLD, f, morning, KOLKATA)).toEqual({ action: 'send', step: 0, dueAt: morning });
    // The next attempt is 24 h after that one went: 09:00 IST, not quiet.
    expect(decide(COLD, afterSending(f, morning), morning + 24 * H, KOLKATA)).toEqual({ action: 'send', step: 1, dueAt: morning + 24 * H });
  });

  it('a sweep that runs late, into the quiet hours, waits for their end', () => {
    const late = Date.parse('2026-11-26T17:00:00Z'); // 22:30 IST, the step was due at 11:30 IST
    expect(decide(COLD, facts(), late, KOLKATA)).toEqual({ action: 'wait', until: Date.parse('2026-11-27T03:30:00Z') });
  });

  it('with no quiet hours, sends at the due time whatever the hour', () => {
    const night = Date.parse('2026-11-25T16:00:00Z');
    const f = facts({ enrolledAt: night, lastCustomerAt: night });
    expect(decide(COLD, f, night + 24 * H, { quietHours: null, timeZone: 'Asia/Kolkata' })).toEqual({ action: 'send', step: 0, dueAt: night + 24 * H });
  });

  it('makes at most as many attempts as there are steps', () => {
    let f = facts();
    const sent: number[] = [];
    for (let now = T0; now < T0 + 10 * 24 * H; now += H) {
      const d = decide(COLD, f, now, KOLKATA);
      if (d.action === 'stop') break;
      if (d.action === 'send') {
        sent.push(d.step);
        f = afterSending(f, now);
      }
    }
    expect(sent).toEqual([0, 1]);
    expect(decide(COLD, f, T0 + 30 * 24 * H, KOLKATA)).toEqual({ action: 'stop', reason: 'completed' });
  });
});

describe('triggers', () => {
  it.each<[Parameters<typeof triggers>[0], string, Record<string, unknown>, boolean]>([
    [{ event: 'lead.temperature_changed', to: 'cold' }, 'lead.temperature_changed', { from: null, to: 'cold' }, true],
    [{ event: 'lead.temperature_changed', to: 'cold' }, 'lead.temperature_changed', { from: 'cold', to: 'warm' }, false],
    [{ event: 'lead.created' }, 'lead.created', { contactId: 'c' }, true],
    [{ event: 'booking.status_changed', to: 'no_show' }, 'booking.status_changed', { status: 'no_show', previousStatus: 'confirmed' }, true],
    [{ event: 'booking.status_changed', to: 'no_show' }, 'booking.status_changed', { status: 'completed' }, false],
    [{ event: 'manual' }, 'lead.created', {}, false],
  ])('%j on %s %j: %s', (trigger, type, data, expected) => {
    expect(triggers(trigger, { type, data })).toBe(expected);
  });
});
