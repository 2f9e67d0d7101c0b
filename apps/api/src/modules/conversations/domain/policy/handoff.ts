import { hasPhrase, normalise } from '../nlu/normalise';
import type { Understanding } from '../nlu/types';
import type { PolicyContext } from './types';

/** Why this business's rules want a person for this message, if they do. */
export function handoffRule(u: Understanding, text: string, ctx: PolicyContext): string | undefined {
  const rules = ctx.handoff;
  if (!rules) return undefined;
  const said = normalise(text);
  const keyword = rules.keywords.find((k) => hasPhrase(said, normalise(k)));
  if (keyword) return `the business hands "${keyword}" to a person`;
  if ((rules.intents as string[]).includes(u.intent)) return `the business handles ${u.intent} requests in person`;
  return undefined;
}

export const misunderstandingsBeforeHandoff = (ctx: PolicyContext) => ctx.handoff?.afterMisunderstandings ?? 2;
