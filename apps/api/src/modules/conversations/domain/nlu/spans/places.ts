/**
 * Places a customer names: a town or area ("in Sunnyvale", "en Palermo", "no bairro Pinheiros",
 * "a San Jose based salon") and street addresses ("881 7th Avenue", "Rua Augusta, 1500",
 * "Av. Corrientes 1234", "held at the Community gym").
 *
 * Interpretation choices:
 *  - Towns follow in / near / around / en / em / no / na / cerca de / perto de; after of / at / to /
 *    from / try only when "city", "area", "go", "located"… is just before, or the assistant asked
 *    for the place. "the" is skipped before a capitalised name ("in the Emeryville area").
 *  - A lower-case place ("anywhere in fremont") is one unknown word, or two, ending the phrase
 *    (followed by punctuation, the end, "please", "for", "on", "and"…): "in dire need" is not a
 *    place, and neither is a word ending in -ing / -ly.
 *  - A capitalised span takes no lower-case words except place tails ("Redwood city"); the
 *    catalogue's service words end it ("Oakland gynecologist" → Oakland).
 *  - Short forms are expanded (SF → San Francisco, NYC → New York, BA → Buenos Aires).
 */
import type { Lang } from '../types';
import { BUSINESS, CALENDAR_WORDS, isOrdinary, PLACE_TAIL, SENTENCE_WORDS } from './vocab';
import { capitalisedSpan, endsClause, type Range, type SpanOptions, type Tok } from './tokens';

export interface PlaceOptions { lang: Lang; avoid: readonly Range[]; stop: ReadonlySet<string>; awaiting: boolean; awaitingOther: boolean }

const ALIASES: Record<string, string> = {
  sf: 'San Francisco', sfo: 'San Francisco', 'san fran': 'San Francisco', frisco: 'San Francisco', la: 'Los Angeles',
  nyc: 'New York', ny: 'New York', sj: 'San Jose', 'st helena': 'St. Helena', 'st. helena': 'St. Helena',
  caba: 'Buenos Aires', ba: 'Buenos Aires', bsas: 'Buenos Aires', sp: 'São Paulo', sampa: 'São Paulo', rj: 'Rio de Janeiro',
  bh: 'Belo Horizonte', poa: 'Porto Alegre',
};
const NOT_A_PLACE = new Set([
  ...SENTENCE_WORDS, ...CALENDAR_WORDS, 'town', 'area', 'city', 'morning', 'afternoon', 'evening', 'night', 'mind', 'particular',
  'general', 'advance', 'person', 'case', 'order', 'addition', 'fact', 'time', 'touch', 'need', 'calendar', 'schedule', 'and',
  'or', 'with', 'for', 'at', 'on', 'to', 'of', 'please', 'one', 'another', 'other', 'different', 'their', 'here', 'total',
  'lunch', 'lunchtime', 'dinner', 'breakfast', 'brunch', 'noon', 'midday', 'anywhere', 'somewhere', 'everywhere', 'nowhere', 'someplace', 'anyplace', 'dr', 'dr.', 'dra', 'dra.', 'doctor', 'doctora',
]);
/** Articles skipped after a trigger when written in lower case ("in the Emeryville area"); "Los Gatos" keeps its "Los". */
const PLACE_ARTICLES = new Set(['the', 'el', 'la']);
/** Words after which a town follows; English ones in every language (mixed-language messages). */
const DIRECT: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['in', 'near', 'around', 'nearby']),
  es: new Set(['en', 'in', 'near']),
  pt: new Set(['em', 'no', 'na', 'in', 'near']),
};
/** Triggers after which a lower-case word may be a place ("in fremont", "em pinheiros"). */
const LOWER_OK = new Set(['in', 'near', 'around', 'en', 'em', 'cerca', 'perto']);
const CONTEXTUAL = new Set(['of', 'at', 'to', 'try', 'from', 'de', 'por', 'para']);
const PLACE_CONTEXT = /\b(?:city|area|town|go|going|look|search|located|moving|moved|ciudad|zona|barrio|cidade|bairro|regi[aã]o|cerca|perto)\b/iu;
/** Words that may follow a lower-case place: it then ends the phrase. */
const PHRASE_END = new Set([
  'please', 'for', 'on', 'at', 'and', 'or', 'area', 'city', 'instead', 'then', 'too', 'also', 'works', 'work', 'would', 'will',
  'is', 'should', 'could', 'sounds', 'if', 'as', 'because', 'since', 'por', 'para', 'pra', 'y', 'e', 'o', 'ou',
]);

const plain = (low: string) => !BUSINESS.test(low) && !NOT_A_PLACE.has(low) && !isOrdinary(low) && !/^\d/.test(low) && low.length >= 3 && !/(?:ing|ly)$/.test(low);

function titleCase(s: string): string {
  return s.replace(/(^|[\s-])(\p{L})/gu, (_m, a: string, c: string) => a + c.toUpperCase());
}

/** "SFO", "CABA", "Sampa": a short form of a town. */
export const isPlaceAlias = (span: string) => ALIASES[span.toLowerCase()] !== undefined;

export function asPlace(span: string): string | undefined {
  const key = span.toLowerCase().replace(/\.$/, '');
  if (ALIASES[key]) return ALIASES[key];
  const first = key.split(' ')[0] ?? '';
  if (NOT_A_PLACE.has(first) || /^\d/.test(span) || BUSINESS.test(span)) return undefined;
  return titleCase(span.replace(/^st\.?\s/i, 'St. '));
}

function spanOptions(o: PlaceOptions, lowerCase: boolean): SpanOptions {
  return {
    max: 3, tail: PLACE_TAIL, avoid: o.avoid, stop: o.stop, never: (w) => NOT_A_PLACE.has(w),
    ...(lowerCase ? { lowerOk: (w: string) => plain(w) || ALIASES[w] !== undefined } : {}),
  };
}

const cleanNext = (toks: readonly Tok[], i: number) => toks[i + 1]?.word ?? '';

/** A lower-case span must end its phrase ("in fremont please" yes, "in dire need" no). */
function endsPhrase(toks: readonly Tok[], to: number): boolean {
  const last = toks[to - 1];
  const next = toks[to];
  return !next || (last !== undefined && endsClause(last)) || PHRASE_END.has(next.low);
}

function placeAfter(toks: readonly Tok[], i: number, o: PlaceOptions, direct: boolean): string | undefined {
  const w = toks[i]!.low;
  if (endsClause(toks[i]!)) return undefined;
  // After "at" / "to" / "from": a place only near "city", "go", "located"…, when asked, or a known short form ("at SFO").
  const before = toks.slice(Math.max(0, i - 3), i).map((t) => t.word).join(' ');
  if (!direct && !PLACE_CONTEXT.test(before) && !o.awaiting && !isPlaceAlias(cleanNext(toks, i))) return undefined;
  let j = w === 'cerca' || w === 'perto' ? i + 2 : i + 1;
  if (PLACE_ARTICLES.has(toks[j]?.word ?? '') && /^\p{Lu}/u.test(toks[j + 1]?.word ?? '')) j++;
  const span = capitalisedSpan(toks, j, spanOptions(o, LOWER_OK.has(w)));
  if (!span) return undefined;
  const hasLower = toks.slice(span.from, span.to).some((t) => !/^\p{Lu}/u.test(t.word) && !PLACE_TAIL.has(t.low));
  if (hasLower && !ALIASES[span.text.toLowerCase()] && !endsPhrase(toks, span.to)) return undefined;
  return asPlace(span.text);
}

/** Direct triggers first ("in", "near", "em"), then the contextual ones ("go to", "city of"). */
function afterTrigger(toks: readonly Tok[], o: PlaceOptions): string | undefined {
  const isDirect = (i: number) => {
    const w = toks[i]!.low;
    return DIRECT[o.lang].has(w) || ((w === 'cerca' || w === 'perto') && toks[i + 1]?.low === 'de');
  };
  for (let i = 0; i < toks.length; i++) {
    const place = isDirect(i) ? placeAfter(toks, i, o, true) : undefined;
    if (place) return place;
  }
  // "go to Supercuts" names a place only when no other answer (a name, a title) was asked for.
  for (let i = 0; i < toks.length && !o.awaitingOther; i++) {
    const place = CONTEXTUAL.has(toks[i]!.low) ? placeAfter(toks, i, o, false) : undefined;
    if (place) return place;
  }
  return undefined;
}

/** "San Jose area", "a Burlingame based dermatologist", "Fremont is where I live". */
function beforeMarker(text: string): string | undefined {
  const m = /\b(\p{Lu}[\p{L}]+(?:\s+\p{Lu}[\p{L}]+){0,2})(?:\s+(?:area|is where)\b|[\s-]based\b)/u.exec(text);
  return m?.[1] && !SENTENCE_WORDS.has(m[1].toLowerCase().split(' ')[0] ?? '') ? asPlace(m[1]) : undefined;
}

export function findPlace(toks: readonly Tok[], text: string, o: PlaceOptions): string | undefined {
  const found = afterTrigger(toks, o) ?? beforeMarker(text);
  if (found) return found;
  if (o.awaiting) {
    for (let i = 0; i < Math.min(toks.length, 6); i++) {
      const span = capitalisedSpan(toks, i, { ...spanOptions(o, i === 0), ordinary: isOrdinary });
      const place = span && asPlace(span.text);
      if (place) return place;
    }
  }
  if (o.awaitingOther) return undefined;
  // A whole message that is a short capitalised name ("Oakland.", "San Jose please").
  const whole = /^\s*(\p{Lu}[\p{L}]*\.?(?:\s+\p{Lu}[\p{L}]*){0,2})\s*(?:please|thanks|thank you|por favor|would be (?:great|good|best|perfect))?[.!]?\s*$/u.exec(text)?.[1];
  const words = whole?.toLowerCase().replace(/\.$/, '').split(/\s+/) ?? [];
  if (!whole || words.some((w) => SENTENCE_WORDS.has(w) || o.stop.has(w)) || (words.length === 1 && isOrdinary(words[0]!))) return undefined;
  return asPlace(whole.replace(/\.$/, ''));
}
