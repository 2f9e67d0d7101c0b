/**
 * Intent ranking: weighted cue lexicons per language (lexicon/*.ts) plus three computed
 * intents — inform (the message is mostly data), choose_option (one offered option picked)
 * and out_of_scope (nothing fits). Raw evidence per intent is the weight of its strongest
 * matched rule group plus 30 % of the others, adjusted by the context signals below; the
 * ranking's scores are a softmax over raw evidence with a fixed "none of these" mass, so a lone
 * weak cue never reaches a high confidence. Key words are typo-repaired first (typos.ts).
 */
import { EN } from './lexicon/en';
import { ES } from './lexicon/es';
import { PT } from './lexicon/pt';
import { LANGUAGE_WORDS } from './language';
import { repairTypos } from './typos';
import type { Rule } from './lexicon/rule';
import { INTENTS, type Intent, type Lang } from './types';

interface Group { intent: Intent; weight: number; re: RegExp }

function compile(rules: Rule[]): Group[] {
  return rules.map(([intent, weight, ...patterns]) => ({
    intent,
    weight,
    re: new RegExp(`(?:^| )(?:${patterns.join('|')})(?= |$)`),
  }));
}

const GROUPS: Record<Lang, Group[]> = { pt: compile(PT), es: compile(ES), en: compile(EN) };
const OTHER_LANGUAGE_FACTOR = 0.35;
const OOS_BASE = 0.7;
const SHORT_ANSWERS: ReadonlySet<Intent> = new Set(['affirm', 'deny', 'greet']);
const TEMPERATURE = 1.5;
const NONE_MASS = Math.exp(TEMPERATURE);

/** Words used by the cue lexicons: ordinary vocabulary that must not fuzzy-match a name. */
export const LEXICON_WORDS: ReadonlySet<string> = new Set(
  [...PT, ...ES, ...EN].flatMap(([, , ...ps]) => ps.join(' ').split(/[^a-z]+/)).filter((w) => w.length >= 3),
);

/** Lexicon and function words of the three languages: ordinary vocabulary, never a name. */
export const KNOWN_WORDS: ReadonlySet<string> = new Set([...LEXICON_WORDS, ...LANGUAGE_WORDS]);

export interface IntentSignals {
  norm: string;
  lang: Lang;
  /** Distinct kinds of data found (date/time, phone, email, name, people, service, …). */
  dataKinds: number;
  /** Share (0..1) of the message's content words that are data. */
  dataShare: number;
  /** The message opens with a bare "no" / "não" ("No, …"): a refusal, unlike "no puedo ir". */
  leadingNo?: boolean;
  /** The assistant's last message offered options: "ok", "great" then read as accepting one. */
  offerOpen?: boolean;
  /** An offered option picked by position or time (strong) or by label/day (weaker). */
  option?: 'strong' | 'weak';
}

/** "How about 12:30?", "¿qué tal el martes?": a question that proposes data, not one that asks. */
const PROPOSAL = /^(?:how about|what about|what if|que tal|e que tal|y que tal|y si|e se|o que acha de|and|y|e)\b/;
const DAMP = { greet: 0.3, thanks: 0.7, goodbye: 0.7, affirm: 0.75 } as const;
const CONTENT: Intent[] = ['book', 'reschedule', 'cancel', 'ask_price', 'ask_hours', 'ask_location', 'ask_services', 'ask_human', 'opt_out', 'erase_data'];

/** Raw evidence per intent (0 when no cue). */
export function intentEvidence(s: IntentSignals): Map<Intent, number> {
  // Per intent: the strongest matched rule group counts fully, further groups 30 %.
  const hits = new Map<Intent, number[]>();
  const norm = repairTypos(s.norm.length > 1500 ? s.norm.slice(0, 1500) : s.norm, KNOWN_WORDS);
  for (const lang of ['pt', 'es', 'en'] as const) {
    const own = lang === s.lang;
    for (const g of GROUPS[lang]) {
      // Short answer words collide across languages (pt "no" = "in the"): own language only.
      if (!own && (g.weight < 2 || SHORT_ANSWERS.has(g.intent))) continue;
      if (g.re.test(norm)) {
        const list = hits.get(g.intent) ?? [];
        list.push(g.weight * (own ? 1 : OTHER_LANGUAGE_FACTOR));
        hits.set(g.intent, list);
      }
    }
  }
  const raw = new Map<Intent, number>();
  for (const [i, ws] of hits) {
    const max = Math.max(...ws);
    raw.set(i, max + 0.3 * (ws.reduce((a, w) => a + w, 0) - max));
  }
  const add = (i: Intent, w: number) => raw.set(i, (raw.get(i) ?? 0) + w);
  const question = norm.includes('?');
  if (question) for (const i of ['ask_price', 'ask_hours', 'ask_location', 'ask_services'] as const) if (raw.has(i)) add(i, 0.3);

  if (s.dataKinds > 0) {
    let inform = 0.4 + 1.6 * s.dataShare + 0.2 * Math.min(s.dataKinds, 3);
    if (question && s.dataShare < 0.8 && !PROPOSAL.test(norm)) inform *= 0.5;
    add('inform', inform);
  }
  if (s.offerOpen && !s.option && raw.has('affirm')) add('affirm', 1);
  // "No, that's OK" is a no: the opening word decides.
  if (s.leadingNo) {
    raw.set('deny', Math.max(raw.get('deny') ?? 0, 2.2));
    if (raw.has('affirm')) raw.set('affirm', (raw.get('affirm') ?? 0) * 0.5);
  }
  if (s.option) add('choose_option', s.option === 'strong' ? 3.4 : 2.4);

  // Content intents outweigh the social ones said in the same breath ("Oi, queria marcar…").
  const content = Math.max(0, ...CONTENT.map((i) => raw.get(i) ?? 0));
  // Data said together with another intent ("alarma para las 5", "cancel Friday") serves it.
  const oosCue = (raw.get('out_of_scope') ?? 0) > 0;
  if ((content >= 1 || oosCue) && raw.has('inform')) raw.set('inform', (raw.get('inform') ?? 0) * 0.6);
  if (content >= 1.5) {
    for (const i of ['greet', 'thanks', 'goodbye', 'affirm'] as const) {
      if (raw.has(i) && (i !== 'affirm' || content >= 2.2)) raw.set(i, (raw.get(i) ?? 0) * DAMP[i]);
    }
  }
  // out_of_scope: its own cues (weather, taxis…) or the base level, whichever is higher.
  raw.set('out_of_scope', Math.max(OOS_BASE, raw.get('out_of_scope') ?? 0));
  return raw;
}

export interface Ranking { ranked: { intent: Intent; score: number }[]; confidence: number }

/** Intents ranked by score (softmax of raw evidence); out_of_scope always present. */
export function rankIntents(raw: Map<Intent, number>, emptyMessage = false): Ranking {
  if (emptyMessage) raw.set('out_of_scope', 0.3);
  const entries = [...raw.entries()].filter(([i, r]) => r > 0 && INTENTS.includes(i));
  const exps = entries.map(([i, r]) => [i, Math.exp(Math.min(r, 12) * TEMPERATURE)] as const);
  const total = exps.reduce((a, [, e]) => a + e, NONE_MASS);
  const ranked = exps
    .map(([intent, e]) => ({ intent, score: Math.round((e / total) * 1000) / 1000 }))
    .sort((a, b) => b.score - a.score || INTENTS.indexOf(a.intent) - INTENTS.indexOf(b.intent));
  return { ranked, confidence: ranked[0]?.score ?? 0 };
}
