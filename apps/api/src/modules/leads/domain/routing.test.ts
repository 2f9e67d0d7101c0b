import { describe, expect, it } from 'vitest';
import { isWorking, route, type Agent } from './routing';

const nineToSix = { mon: [['09:00', '18:00']], tue: [['09:00', '18:00']], wed: [['09:00', '18:00']], thu: [['09:00', '18:00']], fri: [['09:00', '18:00']] } as const;
const agent = (id: string, over: Partial<Agent> = {}): Agent =>
  ({ id, active: true, timeZone: 'Asia/Kolkata', weekly: nineToSix, overrides: [], openLeads: 0, ...over });
// Wednesday 2026-11-25 11:30 in Kolkata (06:00 UTC).
const WED_MORNING_IST = Date.parse('2026-11-25T06:00:00Z');
const agents = (...list: Agent[]) => new Map(list.map((a) => [a.id, a]));
const hot = (over: Partial<Parameters<typeof route>[0]>) => route({
  temperature: 'hot', rotation: ['a', 'b', 'c'], lastAssigned: null, agents: agents(agent('a'), agent('b'), agent('c')), capacity: 5, now: WED_MORNING_IST, ...over,
});

describe('routing a lead', () => {
  it.each([
    ['nobody yet → the first', null, 'a'],
    ['after a → b', 'a', 'b'],
    ['after b → c', 'b', 'c'],
    ['after c → back to a', 'c', 'a'],
    ['after someone no longer in the rotation → the first', 'z', 'a'],
  ])('round-robin: %s', (_name, lastAssigned, expected) => {
    expect(hot({ lastAssigned })).toEqual({ route: 'human', agentId: expected });
  });

  it('skips whoever is at capacity, off duty or inactive, and says why', () => {
    const decision = hot({
      lastAssigned: 'c',
      agents: agents(agent('a', { openLeads: 5 }), agent('b', { weekly: { sat: [['09:00', '18:00']] } }), agent('c', { active: false })),
    });
    expect(decision).toEqual({ route: 'human', agentId: null, unavailable: [
      { agentId: 'a', why: 'at_capacity' }, { agentId: 'b', why: 'off_duty' }, { agentId: 'c', why: 'inactive' }] });
    expect(hot({ lastAssigned: 'c', agents: agents(agent('a', { openLeads: 5 }), agent('b'), agent('c')) })).toEqual({ route: 'human', agentId: 'b' });
  });

  it('has nobody when the rotation is empty or names unknown resources', () => {
    expect(hot({ rotation: [] })).toEqual({ route: 'human', agentId: null, unavailable: [] });
    expect(hot({ rotation: ['x'] })).toEqual({ route: 'human', agentId: null, unavailable: [{ agentId: 'x', why: 'unknown' }] });
  });

  it('leaves WARM with the assistant and sends COLD to nurture', () => {
    expect(hot({ temperature: 'warm' })).toEqual({ route: 'assistant' });
    expect(hot({ temperature: 'cold' })).toEqual({ route: 'nurture' });
  });
});

describe('working hours in the agent\'s own zone', () => {
  it.each([
    // Kolkata is UTC+5:30: 03:29 UTC is 08:59 there, 03:30 is 09:00, 12:29 is 17:59, 12:30 is 18:00.
    ['Kolkata 08:59', 'Asia/Kolkata', '2026-11-25T03:29:00Z', false],
    ['Kolkata 09:00', 'Asia/Kolkata', '2026-11-25T03:30:00Z', true],
    ['Kolkata 17:59', 'Asia/Kolkata', '2026-11-25T12:29:00Z', true],
    ['Kolkata 18:00', 'Asia/Kolkata', '2026-11-25T12:30:00Z', false],
    // Auckland is UTC+13 in November: Tuesday 22:00 UTC is already Wednesday 11:00 there.
    ['Auckland, Wednesday morning while UTC is still Tuesday', 'Pacific/Auckland', '2026-11-24T22:00:00Z', true],
    ['Auckland, Saturday while UTC is Friday', 'Pacific/Auckland', '2026-11-27T22:00:00Z', false],
    ['Honolulu, Friday 17:00 while UTC is Saturday', 'Pacific/Honolulu', '2026-11-28T03:00:00Z', true],
  ])('%s', (_name, timeZone, at, working) => {
    expect(isWorking(agent('a', { timeZone }), Date.parse(at))).toBe(working);
  });

  it('follows a dated override (a day off, or extra hours on a weekend)', () => {
    const dayOff = agent('a', { overrides: [{ date: '2026-11-25', intervals: [] }] });
    expect(isWorking(dayOff, WED_MORNING_IST)).toBe(false);
    const saturday = agent('a', { overrides: [{ date: '2026-11-28', intervals: [['10:00', '14:00']] }] });
    expect(isWorking(saturday, Date.parse('2026-11-28T06:00:00Z'))).toBe(true);
  });
});
