/**
 * understand(text, ctx): the embedded understanding of one customer message — language,
 * ranked intents, dates/times, contact data, catalogue matches and the names, places and titles
 * written in it (spans/; they never change the intent). Pure: the clock and the
 * tenant's catalogue come in `ctx`; it never throws, whatever the input.
 */
import { matchCatalogue } from './catalogue-match';
import { extractDateTimes } from './datetime';
import { extractContactEntities, type ContactEntities } from './entities';
import { intentEvidence, KNOWN_WORDS, LEXICON_WORDS, rankIntents } from './intent';
import { detectLanguage, langOfLocale } from './language';
import { fold, normalise } from './normalise';
import { pickOption } from './options';
import { extractNamedSpans, type NamedSpans } from './spans';
import type { DateTimeMention, Lang, Match, UnderstandContext, Understanding } from './types';

/** Longer messages are read up to here: intents and data sit at the start of real messages. */
export const MAX_CHARS = 1000;

const FILLER = new Set([
  'please', 'por', 'favor', 'ok', 'the', 'a', 'an', 'of', 'to', 'in', 'on', 'at', 'for', 'is', 'it', 'and', 'i',
  'my', 'me', 'you', 'be', 'will', 'would', 'am', 'just', 'de', 'do', 'da', 'dos', 'das', 'o', 'os', 'as', 'e',
  'em', 'no', 'na', 'para', 'com', 'el', 'la', 'los', 'las', 'del', 'al', 'y', 'en', 'con', 'mi', 'te', 'un',
  'una', 'um', 'uma', 'que', '?', 'is', 'are', 'that', 'this', 'with', 'eu', 'yo', 'meu', 'minha', 'sim', 'si',
  'yes', 'so', 'then', 'also', 'tambem', 'tambien', 'es', 'ser', 'be', 'there', 'las', 'as', 'um', 'le', 'lo',
  'want', 'like', 'would', 'could', 'can', 'quero', 'queria', 'quiero', 'gostaria', 'seria', 'sera', 'sería',
]);

const SENTENCE_START = /(^|[.!?¡¿\n]\s*)$/u;
const LEADING_NO = /^\s*(?:no|não|nao|nop|nope|nah|nahi)\s*(?:[,.!;:…]|$)/iu;
const PLACE = /(?:^| )(?:in|em|en|near|around|perto de|cerca de|no bairro|en el barrio) ([a-z]{3,})/;
const PROPER = /\p{Lu}[\p{L}'’-]+/gu;
const NOT_PROPER = new Set(['i', 'dr', 'mr', 'mrs', 'ms', 'ok', 'am', 'pm']);

/**
 * Names and places: capitalised words that are not ordinary vocabulary ("in Gilroy"), at a
 * sentence start only in short answers ("Oakland."), and unknown words after "in/em/en"
 * ("anywhere in fremont").
 */
function properNouns(text: string, norm: string): number {
  let n = 0;
  const short = norm.split(' ').filter((w) => w && !FILLER.has(w)).length <= 4;
  for (const m of text.matchAll(PROPER)) {
    const w = fold(m[0]);
    if (NOT_PROPER.has(w) || KNOWN_WORDS.has(w) || FILLER.has(w)) continue;
    if (!short && SENTENCE_START.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    n++;
  }
  const place = PLACE.exec(norm)?.[1];
  if (!n && place && !KNOWN_WORDS.has(place)) n++;
  return n;
}

const WORD_SPLIT = /[^\p{L}\p{N}]+/u;

function count(s: string | undefined): number {
  return s ? fold(s).split(WORD_SPLIT).filter(Boolean).length : 0;
}

function countContent(s: string): number {
  return fold(s).split(WORD_SPLIT).filter((w) => w && !FILLER.has(w)).length;
}

function dataSignals(text: string, norm: string, dateTimes: DateTimeMention[], e: ContactEntities, matches: Match[][]): { kinds: number; share: number } {
  const proper = properNouns(text, norm);
  const found = [dateTimes.length > 0, !!e.phone, !!e.email, e.people !== undefined, !!e.personName,
    e.age !== undefined, !!e.schoolYear, ...matches.map((m) => m.length > 0), proper > 0];
  const kinds = found.filter(Boolean).length;
  if (!kinds) return { kinds, share: 0 };
  const words = norm.split(' ').filter((w) => w && !FILLER.has(w));
  let data = dateTimes.reduce((a, d) => a + countContent(d.text), 0);
  data += words.filter((w) => /\d/.test(w)).length * (dateTimes.length ? 0 : 1);
  data += count(e.email) + (e.personName ? count(e.personName) + 2 : 0) + (e.people !== undefined ? 1 : 0);
  data += (e.age !== undefined ? 1 : 0) + (e.schoolYear ? 1 : 0) + proper;
  data += matches.reduce((a, m) => a + (m.length ? Math.max(1, count(m[0]?.name)) : 0), 0);
  return { kinds, share: Math.min(1, data / Math.max(1, words.length)) };
}

function safeDateTimes(text: string, lang: Lang, ctx: UnderstandContext): DateTimeMention[] {
  try {
    return extractDateTimes(text, lang, { now: ctx.now, timeZone: ctx.timeZone });
  } catch {
    return [];
  }
}

function safeSpans(text: string, lang: Lang, dateTimes: DateTimeMention[], ctx: UnderstandContext): NamedSpans {
  try {
    return extractNamedSpans(text, lang, { dateTimes, services: ctx.services, ...(ctx.awaiting ? { awaiting: ctx.awaiting } : {}) });
  } catch {
    return {};
  }
}

export function understand(text: string, ctx: UnderstandContext): Understanding {
  const input = typeof text === 'string' ? text : '';
  const body = input.length > MAX_CHARS ? input.slice(0, MAX_CHARS) : input;
  const hint = ctx.lastLang ?? langOfLocale(ctx.locale);
  const lang = detectLanguage(body, hint);
  const norm = normalise(body, lang);
  const dateTimes = norm ? safeDateTimes(body, lang, ctx) : [];
  const contact = extractContactEntities(body, norm, lang, ctx.locale);
  const named = norm ? safeSpans(body, lang, dateTimes, ctx) : {};
  const services = matchCatalogue(norm, ctx.services, 'service', LEXICON_WORDS);
  const staff = matchCatalogue(norm, ctx.staff, 'staff', LEXICON_WORDS);
  const subjects = matchCatalogue(norm, ctx.subjects, 'subject', LEXICON_WORDS);
  const { kinds, share } = dataSignals(body, norm, dateTimes, contact, [services, staff, subjects]);
  const pick = pickOption(body, norm, dateTimes, ctx.offered);
  const raw = intentEvidence({
    norm, lang, dataKinds: kinds, dataShare: share, offerOpen: (ctx.offered?.length ?? 0) > 0,
    leadingNo: LEADING_NO.test(body),
    ...(pick ? { option: pick.how === 'position' || pick.how === 'time' ? 'strong' as const : 'weak' as const } : {}),
  });
  const { ranked, confidence } = rankIntents(raw, !norm);
  const intent = ranked[0]?.intent ?? 'out_of_scope';
  return {
    lang,
    intent,
    confidence,
    ranked,
    dateTimes,
    ...(intent === 'choose_option' && pick ? { chosenOptionId: pick.id } : {}),
    entities: { ...contact, ...named, services, staff, subjects },
  };
}
