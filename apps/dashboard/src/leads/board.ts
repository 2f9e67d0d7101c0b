import { clockRemaining, clockState, type Clock, type ClockState } from './clock';

/** The pipeline's stages in order (packages/contracts LeadStage); won and lost are set by staff only. */
export const STAGES = ['new', 'engaged', 'qualified', 'booked', 'attended', 'won', 'lost'] as const;
export type Stage = (typeof STAGES)[number];
export type Temperature = 'hot' | 'warm' | 'cold';

export interface BoardLead {
  id: string; stage: Stage; temperature: Temperature | null; scoreValue: number | null; ownerId: string | null;
  clock: Clock | null; createdAt: string;
}

export type SlaFilter = 'all' | 'breached' | 'at_risk';
export interface LeadFilter { stage: Stage | 'all'; temperature: Temperature | 'all'; owner: string; sla: SlaFilter }
/** `owner`: 'all', 'none' (nobody owns it) or a staff resource id. */
export const noFilter: LeadFilter = { stage: 'all', temperature: 'all', owner: 'all', sla: 'all' };

const slaMatches = (filter: SlaFilter, state: ClockState) =>
  filter === 'all' || (filter === 'breached' ? state === 'overdue' : state === 'at_risk');

export function filterLeads<T extends BoardLead>(leads: readonly T[], f: LeadFilter, now: number): T[] {
  return leads.filter((l) => (f.stage === 'all' || l.stage === f.stage)
    && (f.temperature === 'all' || l.temperature === f.temperature)
    && (f.owner === 'all' || (f.owner === 'none' ? l.ownerId === null : l.ownerId === f.owner))
    && slaMatches(f.sla, clockState(l.clock, now)));
}

/** Most urgent first: overdue, then least time left, then the highest score, then the newest. */
export function byUrgency(now: number) {
  const rank = (l: BoardLead) => ({ none: 3, on_time: 2, at_risk: 1, overdue: 0 })[clockState(l.clock, now)];
  return (a: BoardLead, b: BoardLead): number =>
    rank(a) - rank(b)
    || (a.clock && b.clock ? clockRemaining(a.clock, now) - clockRemaining(b.clock, now) : 0)
    || (b.scoreValue ?? -1) - (a.scoreValue ?? -1)
    || Date.parse(b.createdAt) - Date.parse(a.createdAt);
}

/** One column per stage, each most urgent first. */
export function columns<T extends BoardLead>(leads: readonly T[], now: number): Record<Stage, T[]> {
  const out = Object.fromEntries(STAGES.map((s) => [s, [] as T[]])) as Record<Stage, T[]>;
  for (const lead of leads) out[lead.stage].push(lead);
  for (const stage of STAGES) out[stage].sort(byUrgency(now));
  return out;
}

/** The stage a lead moves to with the keyboard (Alt+→ / Alt+←), or undefined at either end. */
export function neighbourStage(stage: Stage, step: 1 | -1): Stage | undefined {
  return STAGES[STAGES.indexOf(stage) + step];
}
