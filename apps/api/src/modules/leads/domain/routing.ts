import type { Temperature } from '@frontdesk/contracts';
import { instantToLocal, type Weekday } from '../../../shared/time/zone';

type Interval = readonly [string, string];
/** A staff member who may take leads, as the routing decision needs them. */
export interface Agent {
  id: string;
  active: boolean;
  timeZone: string;
  weekly: Partial<Record<Weekday, readonly Interval[]>>;
  overrides: readonly { date: string; intervals: readonly Interval[] }[];
  openLeads: number;
}
export type Unavailable = { agentId: string; why: 'unknown' | 'inactive' | 'off_duty' | 'at_capacity' };
export type Decision =
  | { route: 'human'; agentId: string }
  | { route: 'human'; agentId: null; unavailable: Unavailable[] }
  | { route: 'assistant' | 'nurture' };

/** On duty at `now` by the agent's weekly hours in their own zone (a dated override replaces that day). */
export function isWorking(agent: Agent, now: number): boolean {
  const local = instantToLocal(now, agent.timeZone);
  const override = agent.overrides.find((o) => o.date === local.date);
  const intervals = override ? override.intervals : agent.weekly[local.weekday] ?? [];
  return intervals.some(([from, to]) => local.time >= from && local.time < to);
}

/**
 * Who takes a lead: HOT goes to a person at once, round-robin from the one after the last agent
 * given a lead, skipping whoever is off duty or at capacity; WARM stays with the assistant
 * (it books a call); COLD goes to nurture.
 */
export function route(input: {
  temperature: Temperature; rotation: readonly string[]; lastAssigned: string | null;
  agents: ReadonlyMap<string, Agent>; capacity: number; now: number;
}): Decision {
  if (input.temperature === 'warm') return { route: 'assistant' };
  if (input.temperature === 'cold') return { route: 'nurture' };
  const { rotation } = input;
  const start = input.lastAssigned ? rotation.indexOf(input.lastAssigned) + 1 : 0;
  const unavailable: Unavailable[] = [];
  for (let i = 0; i < rotation.length; i++) {
    const id = rotation[(start + i) % rotation.length]!;
    const agent = input.agents.get(id);
    const why = !agent ? 'unknown' : !agent.active ? 'inactive' : !isWorking(agent, input.now) ? 'off_duty'
      : agent.openLeads >= input.capacity ? 'at_capacity' : null;
    if (!why) return { route: 'human', agentId: id };
    unavailable.push({ agentId: id, why });
  }
  return { route: 'human', agentId: null, unavailable };
}
