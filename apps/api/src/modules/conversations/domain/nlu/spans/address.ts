/**
 * A street address or venue the customer gives, as written.
 *
 * Interpretation choices:
 *  - English: a house number, up to four words and a street word ("881 7th Avenue", "1 East 161
 *    Street", "400 newpark mall"), then suite / unit / "#" parts and a direction; a town after a
 *    comma at the end of the sentence stays ("261 Driggs Avenue, Brooklyn").
 *  - Portuguese / Spanish: a street word, the name and the number ("Rua Augusta, 1500",
 *    "Av. Corrientes 1234", "Calle Florida nº 123").
 *  - Otherwise a venue after "located at", "held at", "taking place at", "the location is":
 *    a capitalised name (an article skipped) up to the next date/time, comma or clause word.
 *    Judgements ("the location is correct") are not venues.
 */
import { inRanges, tokenize, type Range } from './tokens';

const FUNCTION = '(?:to|at|for|in|on|and|or|is|are|was|people|persons|seats?|pm|am|of|with|from|by|ride|cab)';
const EN_STREET = 'road|rd|street|st|avenue|ave|boulevard|blvd|drive|dr|way|lane|ln|court|ct|place|pl|center|centre|plaza|parkway|pkwy|highway|hwy|circle|square|terrace|alley|expressway|real|mall|broadway|alameda|row|crescent|close|gardens';
const UNIT = String.raw`(?:,?\s*(?:#\s*[\w-]+|(?:suite|ste\.?|unit|apt\.?|apartment|flat)\s*[\w-]+|(?:north|south|east|west|southeast|southwest|northeast|northwest)\b))*`;
const EN_ADDRESS = new RegExp(String.raw`\b\d{1,6}\s+(?:(?!${FUNCTION}\b)[\p{L}\p{N}'’-]+\s+){0,4}(?:${EN_STREET})\b\.?${UNIT}(?:,\s*\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?(?=\s*(?:[.!?]|$)))?`, 'iu');
const IB_STREET = String.raw`rua|r\.|avenida|av\.?|alameda|al\.|travessa|tv\.|pra[cç]a|estrada|rodovia|calle|c\/|pasaje|camino|ruta|bulevar|paseo|plaza`;
const IB_ADDRESS = new RegExp(String.raw`(?<![\p{L}])(?:${IB_STREET})\s+(?:[\p{L}\p{N}'’.-]+\s+){0,3}?[\p{L}'’.-]+,?\s*(?:n[º°o]?\.?\s*)?\d{1,5}[a-z]?\b`, 'iu');
const VENUE = /\b(?:located (?:at|in)|held at|happening at|taking place at|location (?:is|will be)|venue is|address is|event (?:is )?at|it(?:'s| is) at)\s+(?:the\s+)?(\p{Lu}[\p{L}\p{N}'’-]*(?:\s+(?!(?:into|to|in|on|at|for|and|which|with|from|is)\b)[\p{L}\p{N}'’-]+){0,4})/u;
const JUDGEMENT = /^(?:correct|right|accurate|fine|good|great|perfect|ok|okay|same|that|this|it|wrong)$/i;

/** `avoid`: the date/time mentions' ranges — a venue stops where one begins. */
export function findAddress(text: string, avoid: readonly Range[]): string | undefined {
  const street = EN_ADDRESS.exec(text) ?? IB_ADDRESS.exec(text);
  if (street) return street[0].trim().replace(/[.,]$/u, '');
  const m = VENUE.exec(text);
  if (!m?.[1]) return undefined;
  const offset = m.index + m[0].length - m[1].length;
  const kept: string[] = [];
  for (const t of tokenize(m[1])) {
    if (inRanges({ ...t, start: t.start + offset, end: t.end + offset }, avoid)) break;
    kept.push(t.word);
    if (/[,;:!?.]$/u.test(t.raw)) break;
  }
  const venue = kept.join(' ');
  return venue && !JUDGEMENT.test(venue) ? venue : undefined;
}
