import { describe, expect, it } from 'vitest';
import { columns, filterLeads, neighbourStage, noFilter, type BoardLead } from './board';

const now = Date.parse('2026-11-25T13:00:00Z');
const min = 60_000;
const clock = (startedMinAgo: number, dueInMin: number, breached = false) =>
  ({ startedAt: new Date(now - startedMinAgo * min).toISOString(), dueAt: new Date(now + dueInMin * min).toISOString(), breached });
const lead = (id: string, over: Partial<BoardLead> = {}): BoardLead =>
  ({ id, stage: 'new', temperature: 'warm', scoreValue: 50, ownerId: null, clock: null, createdAt: '2026-11-20T10:00:00Z', ...over });

const leads = [
  lead('quiet'),
  lead('late', { clock: clock(70, -10), temperature: 'hot', ownerId: 'r1' }),
  lead('soon', { clock: clock(50, 5), ownerId: 'r2' }), // 5 of 55 minutes left: at risk
  lead('fine', { clock: clock(5, 50), stage: 'engaged', temperature: 'cold' }),
  lead('recorded', { clock: clock(10, 10, true), stage: 'booked', scoreValue: 90 }),
];
const ids = (list: BoardLead[]) => list.map((l) => l.id);

describe('the lead board', () => {
  it('filters by stage, temperature, owner and SLA', () => {
    expect(ids(filterLeads(leads, noFilter, now))).toEqual(['quiet', 'late', 'soon', 'fine', 'recorded']);
    expect(ids(filterLeads(leads, { ...noFilter, stage: 'engaged' }, now))).toEqual(['fine']);
    expect(ids(filterLeads(leads, { ...noFilter, temperature: 'hot' }, now))).toEqual(['late']);
    expect(ids(filterLeads(leads, { ...noFilter, owner: 'r2' }, now))).toEqual(['soon']);
    expect(ids(filterLeads(leads, { ...noFilter, owner: 'none' }, now))).toEqual(['quiet', 'fine', 'recorded']);
    expect(ids(filterLeads(leads, { ...noFilter, sla: 'breached' }, now))).toEqual(['late', 'recorded']);
    expect(ids(filterLeads(leads, { ...noFilter, sla: 'at_risk' }, now))).toEqual(['soon']);
    expect(ids(filterLeads(leads, { ...noFilter, sla: 'at_risk', owner: 'r1' }, now))).toEqual([]);
  });

  it('puts every lead in its stage’s column, most urgent first', () => {
    const board = columns(leads, now);
    expect(ids(board.new)).toEqual(['late', 'soon', 'quiet']);
    expect(ids(board.engaged)).toEqual(['fine']);
    expect(ids(board.booked)).toEqual(['recorded']);
    expect(board.won).toEqual([]);
    expect(Object.keys(board)).toEqual(['new', 'engaged', 'qualified', 'booked', 'attended', 'won', 'lost']);
  });

  it('steps to the neighbouring stage, and not past either end', () => {
    expect(neighbourStage('new', 1)).toBe('engaged');
    expect(neighbourStage('booked', -1)).toBe('qualified');
    expect(neighbourStage('new', -1)).toBeUndefined();
    expect(neighbourStage('lost', 1)).toBeUndefined();
  });
});
