import type { Lang, Understanding } from '../domain/nlu/types';
import { fold } from '../domain/nlu/normalise';
import { displayLocale, formatHours } from '../domain/policy/format';
import { priceAnswer } from '../domain/policy/quote';
import type { ConversationState } from '../domain/policy/types';
import { execute, refuse, type ToolEnv, type ToolOutcome } from './tool-env';
import type { ToolArgs } from './tool-specs';

const answered = (state: ConversationState, result: Record<string, unknown>, sources: string[]): ToolOutcome =>
  ({ state, result, sources, commands: [] });

/** Prices through the embedded engine's own quote, so the model sees exactly what it would say. */
export function quote(env: ToolEnv, state: ConversationState, a: ToolArgs<'quote'>): ToolOutcome {
  if (a.serviceId && !env.ctx.services.some((s) => s.id === a.serviceId)) return refuse(state, 'unknown serviceId');
  const subjectNamed = (name: string) =>
    env.assistant.subjects.find((s) => [s.id, s.name, ...(s.synonyms ?? [])].some((n) => fold(n) === fold(name)));
  const subjects = [...new Set((a.subjects ?? []).map(subjectNamed).filter((s) => s !== undefined))];
  const unknown = (a.subjects ?? []).filter((name) => !subjectNamed(name));
  const asked: Understanding = {
    lang: state.lang, intent: 'ask_price', confidence: 1, ranked: [], dateTimes: [],
    entities: {
      services: a.serviceId ? [{ id: a.serviceId, name: '', score: 1 }] : [], staff: [],
      subjects: subjects.map((s) => ({ id: s.id, name: s.name, score: 1 })),
    },
  };
  const answer = priceAnswer(state, asked, '', env.ctx);
  return answered(state, { quote: answer.text, ...(unknown.length ? { notOffered: unknown } : {}) }, answer.sources);
}

export function businessInfo(env: ToolEnv, state: ConversationState, a: ToolArgs<'business_info'>): ToolOutcome {
  if (a.topic === 'hours') {
    return answered(state, { hours: formatHours(env.ctx.hours, displayLocale(state.lang, env.ctx.locale)) }, ['schedules.hours']);
  }
  const place = env.ctx.location;
  return place?.address
    ? answered(state, { location: place.name, address: place.address }, ['locations'])
    : answered(state, { location: null, note: 'no address configured; offer to ask the team' }, []);
}

/** The tenant's FAQ, in the customer's language first. */
export function searchKnowledge(env: ToolEnv, state: ConversationState, a: ToolArgs<'search_knowledge'>): ToolOutcome {
  const langs: Lang[] = [state.lang, ...(['pt', 'es', 'en'] as const).filter((l) => l !== state.lang)];
  for (const lang of langs) {
    const hit = env.assistant.knowledge.search(a.query, lang);
    if (hit) return answered(state, { found: true, answer: hit.answer }, [`knowledge.${hit.id}`]);
  }
  return answered(state, { found: false, note: 'no configured answer; do not make one up' }, []);
}

export async function handOff(env: ToolEnv, state: ConversationState, a: ToolArgs<'hand_off'>): Promise<ToolOutcome> {
  const commands: ToolOutcome['commands'] = [];
  await execute(env, state, { kind: 'hand_off', reason: a.reason }, commands);
  return { state: { ...state, stage: 'handoff', misses: 0 }, result: { handedOff: true }, sources: [], commands };
}
