/**
 * SGD slot values predicted from a message: the product's understanding gives dates, times and
 * catalogue matches (the SGD `type` values are given to it as the tenant's catalogue); names of
 * providers, cities, event titles and locations are not product concepts, so this adapter finds
 * them with generic patterns (capitalised spans after "in" / "with" / "Dr.", "title it …").
 */
import { KNOWN_WORDS } from '../domain/nlu/intent';
import type { CatalogueEntry, Understanding } from '../domain/nlu/types';

/** The SGD schema's categorical `type` values, as a tenant would enter them, with synonyms. */
export const SGD_TYPES: Record<string, CatalogueEntry[]> = {
  Services_3: [
    { id: 'General Practitioner', name: 'General Practitioner', synonyms: ['GP', 'general physician', 'family doctor', 'primary care', 'general doctor', 'family physician'] },
    { id: 'Gynecologist', name: 'Gynecologist', synonyms: ['gynaecologist', 'gyno', 'obgyn', 'ob gyn', 'gynecology'] },
    { id: 'Dermatologist', name: 'Dermatologist', synonyms: ['skin doctor', 'skin specialist', 'dermatology', 'derm'] },
    { id: 'Ophthalmologist', name: 'Ophthalmologist', synonyms: ['eye doctor', 'eye specialist', 'ophthalmology', 'opthalmologist', 'ophtalmologist'] },
    { id: 'ENT Specialist', name: 'ENT Specialist', synonyms: ['ENT', 'ear nose and throat', 'ear nose throat', 'otolaryngologist'] },
  ],
  Services_4: [
    { id: 'Psychologist', name: 'Psychologist', synonyms: ['psychology'] },
    { id: 'Family Counselor', name: 'Family Counselor', synonyms: ['family therapist', 'family counsellor', 'family counseling', 'family therapy', 'marriage counselor', 'couples therapist'] },
    { id: 'Psychiatrist', name: 'Psychiatrist', synonyms: ['psychiatry'] },
  ],
};

const NAME_SLOT: Record<string, string> = { Services_1: 'stylist_name', Services_2: 'dentist_name', Services_3: 'doctor_name', Services_4: 'therapist_name' };
const CITY_ALIASES: Record<string, string> = { sf: 'San Francisco', sfo: 'San Francisco', 'san fran': 'San Francisco', frisco: 'San Francisco', la: 'Los Angeles', nyc: 'New York', ny: 'New York', sj: 'San Jose', 'st helena': 'St. Helena' };
const NOT_A_PLACE = new Set([
  'the', 'a', 'an', 'my', 'your', 'their', 'this', 'that', 'it', 'there', 'here', 'town', 'area', 'city', 'morning', 'afternoon', 'evening', 'night',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mind', 'particular', 'general', 'advance', 'person',
  'case', 'order', 'addition', 'fact', 'time', 'touch', 'need', 'calendar', 'schedule', 'and', 'or', 'with', 'for', 'at', 'on', 'to', 'of', 'is',
  'please', 'one', 'someone', 'something', 'somewhere', 'any', 'another', 'other', 'different', 'then', 'there', 'what', 'which',
]);

function titleCase(s: string): string {
  return s.replace(/(^|[\s-])(\p{L})/gu, (_m, a: string, c: string) => a + c.toUpperCase());
}

/** Words that continue a place name even though they are ordinary words ("Redwood City"). */
const PLACE_TAIL = new Set(['city', 'creek', 'hill', 'hills', 'valley', 'park', 'beach', 'view', 'bay', 'gatos', 'altos', 'heights', 'grove', 'springs', 'village']);
const PROVIDER_WORD = /\b(?:salon|salons|dental|dentistry|dentist|barbershop|barber|clinic|studio|hair|md|dds|center|centre|medical|health|associates|group|lab|spa|cuts|clips|orthodontics|family|inc|llc|office|practice|care)\b|^dr\b/i;
const CONNECT: ReadonlySet<string> = new Set(['of', 'at', 'and', '&', 'the', 'vs', 'de', 'del', 'la']);
const NO_CONNECT: ReadonlySet<string> = new Set();

function cleanWord(w: string): string {
  return w.replace(/^[("'“]+|[)"'”,;:!?]+$/gu, '').replace(/\.$/u, (m) => (/^(?:[A-Z]|St|Dr|Jr|Sr|Inc|Mt)\.$/.test(w.replace(/[)"'”,;:!?]+$/u, '')) ? m : ''));
}

/** Capitalised words from `start` (initials, "&" and connectors between them allowed). */
function capitalisedSpan(words: string[], start: number, max: number, lowerOk: (w: string) => boolean, connect: ReadonlySet<string> = CONNECT, strictFirst = true): string | undefined {
  const out: string[] = [];
  for (let i = start; i < words.length && out.length < max; i++) {
    const raw = words[i] ?? '';
    const w = cleanWord(raw);
    if (!w || w === 'I') break;
    const low = w.toLowerCase();
    const cap = out.length ? /^[\p{Lu}\d]/u.test(w) : /^\p{Lu}/u.test(w) && !/['’]\p{Ll}/u.test(w);
    const next = cleanWord(words[i + 1] ?? '');
    const prevLower = out.length > 0 && !/^[\p{Lu}\d]/u.test(out[out.length - 1] ?? '');
    const badFirst = out.length === 0 && (SENTENCE_WORDS.has(low) || (strictFirst && KNOWN_WORDS.has(low.replace(/['’]/g, ''))));
    if (cap && !badFirst) out.push(w);
    else if (!cap && prevLower && PLACE_TAIL.has(low)) out.push(w);
    else if (!cap && lowerOk(low)) out.push(w);
    else if (out.length && connect.has(low) && /^[\p{Lu}\d]/u.test(next) && next !== 'I') out.push(w);
    else break;
    if (/[,;:!?]$/u.test(raw) || (/\.$/u.test(raw) && !/^(?:[A-Z]|St|Dr|Jr|Sr|Mt)\.$/.test(raw))) break;
  }
  while (out.length && connect.has((out[out.length - 1] ?? '').toLowerCase())) out.pop();
  return out.length ? out.join(' ') : undefined;
}

/** Capitalised sentence openers that are not names. */
const SENTENCE_WORDS = new Set(['yea', 'yup', 'yeah', 'actually', 'possibly', 'maybe', 'perhaps', 'please', 'great', 'okay', 'cool', 'sure', 'alright', 'also', 'just', 'then', 'well', 'oh', 'hmm', 'hey', 'hi', 'hello', 'thanks', 'thank', 'sorry', 'now', 'ok', 'no', 'yes', 'nope', 'fine', 'good', 'nice', 'perfect', 'excellent', 'wonderful', 'awesome', 'fantastic', 'is', 'are', 'do', 'does', 'can', 'could', 'would', 'will', 'what', 'which', 'where', 'when', 'how', 'who', 'why', 'book', 'find', 'search', 'look', 'get', 'make', 'set', 'add', 'put', 'try', 'check', 'tell', 'give', 'show', 'let', 'lets', 'that', 'this', 'it', 'they', 'there', 'i', 'you', 'we', 'my', 'your', 'the', 'a', 'an']);

const NOT_PLACE_WORD = (w: string) => NOT_A_PLACE.has(w) || KNOWN_WORDS.has(w) || /^\d/.test(w);
const unknownWord = (w: string) => !NOT_PLACE_WORD(w) && w.length >= 3;

function asCity(span: string): string | undefined {
  const key = span.toLowerCase().replace(/\.$/, '');
  if (CITY_ALIASES[key]) return CITY_ALIASES[key];
  const first = key.split(' ')[0] ?? '';
  if (NOT_A_PLACE.has(first) || PROVIDER_WORD.test(span) || /^\d/.test(span)) return undefined;
  return titleCase(span.replace(/^st\.?\s/i, 'St. '));
}

/** Cities: after "in / near / around / city of", a short capitalised answer, or "X area". */
function findCity(text: string, asked: boolean): string | undefined {
  const words = text.split(/\s+|(?<=[a-z]\.)(?=\p{Lu})/u).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const w = cleanWord(words[i] ?? '').toLowerCase();
    if (!['in', 'near', 'around', 'of', 'at', 'to', 'try'].includes(w)) continue;
    if ((w === 'of' || w === 'to' || w === 'at' || w === 'try') && !/\b(?:city|area|town|go|look|search|located|moving|moved)\b/i.test(words.slice(Math.max(0, i - 3), i).join(' ')) && !asked) continue;
    const lowerOk = w === 'in' || w === 'near' || w === 'around' ? unknownWord : () => false;
    const span = capitalisedSpan(words, i + 1, 3, lowerOk, NO_CONNECT, false);
    const city = span && asCity(span);
    if (city) return city;
  }
  // A bare answer ("Sunnyvale please.", "San Jose and a gynecologist") when the city was asked.
  if (asked) {
    for (let i = 0; i < Math.min(words.length, 6); i++) {
      const span = capitalisedSpan(words, i, 3, (lw) => i === 0 && unknownWord(lw), NO_CONNECT);
      const city = span && asCity(span);
      if (city) return city;
    }
  }
  const whole = /^\s*(\p{Lu}[\p{L}]*\.?(?:\s+\p{Lu}[\p{L}]*){0,2})\s*(?:please|thanks|thank you|would be (?:great|good|best|perfect))?[.!]?\s*$/u.exec(text)?.[1];
  const bare = whole?.toLowerCase().replace(/\.$/, '');
  if (whole && bare && !SENTENCE_WORDS.has(bare) && !KNOWN_WORDS.has(bare) && !PROVIDER_WORD.test(whole)) return asCity(whole.replace(/\.$/, ''));
  const area = /\b(\p{Lu}[\p{L}]+(?:\s+\p{Lu}[\p{L}]+){0,2})\s+(?:area|is where)\b/u.exec(text)?.[1];
  return area;
}

/** Provider names: "Dr. X Y", or a capitalised span after with / at / see / named / called / is. */
function findProviderName(text: string, asked: boolean, city: string | undefined): string | undefined {
  const words = text.split(/\s+/u).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const w = cleanWord(words[i] ?? '').toLowerCase();
    if (w === 'dr' || w === 'dr.' || w === 'doctor') {
      const span = capitalisedSpan(words, i + 1, 5, () => false);
      if (span && !/^(?:appointment|visit)$/i.test(span)) return `Dr. ${span}`;
    }
  }
  const triggers = ['with', 'at', 'visit', 'see', 'named', 'called', 'is', 'try', 'salon', 'dentist', 'dentist,', 'office,', 'prefer'];
  for (let i = 0; i < words.length; i++) {
    const w = (words[i] ?? '').toLowerCase();
    if (!triggers.includes(w) && !(w === 'the' && i > 0 && /^(?:at|to|is|try|visit)$/i.test(words[i - 1] ?? ''))) continue;
    if (w === 'with' && /\bshare\b/i.test(text)) continue;
    const span = capitalisedSpan(words, i + 1, 6, () => false);
    if (!span || span === city || CITY_ALIASES[span.toLowerCase()] || /^(?:Dr\.?|March|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/.test(span)) continue;
    if (w === 'is' && !PROVIDER_WORD.test(span) && !/\b(?:name|named|called|salon|dentist|office)\b/i.test(words.slice(Math.max(0, i - 3), i).join(' '))) continue;
    return span;
  }
  if (asked) return capitalisedSpan(words, 0, 6, () => false);
  const whole = capitalisedSpan(words, 0, 6, () => false);
  return whole && PROVIDER_WORD.test(whole) && whole.split(' ').length >= 2 ? whole : undefined;
}

const STOP_VALUE = String.raw`(?=\s+(?:and\b|at\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|quarter|noon)|for\s+(?:\d|half|quarter|the\s+(?:title|event|name))|on\s+(?:the|march|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|which\b|with\s+a\s+time|to\s+(?:my|the)\s+calend|in\s+(?:my|the)\s+calend|on\s+(?:my|the)\s+calend|into\s+my|as\s+(?:the\s+)?(?:title|name|label)|is\s+the\s+(?:title|name)|should\s+work|will\s+do|please|starts?\b|begins?\b|,)|[.!?]|$)`;
const EVENT_NAME: RegExp[] = [
  String.raw`\b(?:title[ds]?|name[ds]?|label(?:l?ed)?|call(?:ed)?)(?:\s+(?:it|this|that|the\s+event|this\s+event|the\s+even|event))?(?:\s+(?:as|be|to\s+be))?\s+(?!as\b|it\b|the\s+event\b|for\b|of\b|is\b|to\b)(.+?)`,
  String.raw`\b(?:event\s+)?(?:title|name|label)(?:\s+(?:of|for)\s+(?:the|this)\s+event)?(?:\s+to\s+use)?(?:\s+for\s+the\s+event\s+title)?\s+(?:is|should\s+be|will\s+be|can\s+be|as)(?:\s+called)?\s+(.+?)`,
  String.raw`\b(?:save|put|add|log|list|mark|pencil|place|include|write|note)(?:\s+(?:it|this|that|in|down|this\s+event))*(?:\s+(?:in|on|to)\s+(?:my|the)\s+calendar)?\s+(?:under|as)(?:\s+(?:the\s+)?(?:name|title|label))?(?:\s+as)?\s+(?:a\s+|an\s+)?(.+?)`,
  String.raw`\b(?:add|put|pencil\s+in|pencil|log|write|use|set)\s+(?:a\s+|an\s+)?([A-Z][^.,!?]*?)\s+(?:to|in|on|into|as|for)\s+(?:my|the)\s+(?:calendar|schedule|title|name|label|event\s+title|activity\s+name)`,
  String.raw`\b(?:use|put|write)\s+(.+?)\s+(?:as|for)\s+(?:the\s+)?(?:event\s+)?(?:title|name|label|activity\s+name)`,
  String.raw`^(?:it\s+is|it's|its)\s+(?:a\s+|an\s+|the\s+)?(.+?)`,
].map((src) => new RegExp(src + STOP_VALUE, 'iu'));
const NOT_EVENT = /^(?:it|this|that|the event|an event|event|a new event|this event|in|on|down|me|something|details|visit|appointment|my appointment|for|to|the|a|an|correct|right|fine|good|great|okay|ok)$|\b(?:calend[a-z]*|schedule|slot)\b/i;

function findEventName(text: string): string | undefined {
  for (const re of EVENT_NAME) {
    const v = re.exec(text)?.[1]?.trim().replace(/^(?:the\s+name\s+|the\s+title\s+|as\s+)/i, '');
    if (v && v.length <= 60 && !NOT_EVENT.test(v) && !/^\d/.test(v)) return v;
  }
  return undefined;
}

function findEventLocation(text: string): string | undefined {
  const m = /\b(\d{1,6}\s+(?:[\p{L}-]+\s+){0,4}(?:road|rd|street|st|avenue|ave|boulevard|blvd|drive|dr|way|lane|ln|court|ct|place|pl|center|centre|plaza|parkway|pkwy|highway|hwy|circle|square|terrace|alley|expressway|real)\b\.?(?:\s*(?:#\s*\w+|suite\s+\w+|(?:north|south|east|west|southeast|southwest|northeast|northwest)\b))*)/iu.exec(text);
  if (m?.[1]) return m[1].trim();
  const loc = /\blocation (?:is|as|at|will be) ([^.,!?]+?)(?=\s+(?:and|at \d)\b|[.,!?]|$)/iu.exec(text)?.[1];
  return loc?.trim();
}

function aboutWeather(text: string, at: number): boolean {
  const from = Math.max(text.lastIndexOf('.', at), text.lastIndexOf('?', at - 1), text.lastIndexOf('!', at - 1));
  const to = text.slice(at).search(/[.?!]/);
  return /\b(?:weather|forecast|rain|temperature|sunny)\b/i.test(text.slice(from + 1, to < 0 ? undefined : at + to));
}

/** `asked`: the slots the system requested in its previous turn. */
export function predictSgdSlots(text: string, domain: string, u: Understanding, asked: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  const calendar = domain.startsWith('Calendar');
  const dateSlot = calendar ? 'event_date' : 'appointment_date';
  const timeSlot = calendar ? 'event_time' : 'appointment_time';
  // "now" / "right now" is never a requested slot in SGD, and dates in a sentence about the
  // weather belong to its Weather service, whose slots the user-turn file leaves out.
  const mentions = u.dateTimes.filter((d) => !/^(?:right )?now$|^right away$/i.test(d.text.trim()) && !aboutWeather(text, d.start));
  const date = mentions.find((d) => d.date)?.date;
  const time = mentions.find((d) => d.time)?.time;
  if (date) out[dateSlot] = date;
  if (time) out[timeSlot] = time;
  const type = u.entities.services[0];
  if (type && type.score >= 0.7 && SGD_TYPES[domain]) out.type = type.id;
  if (calendar) {
    const name = findEventName(text);
    if (name) out.event_name = name;
    const loc = findEventLocation(text);
    if (loc) out.event_location = loc;
    return out;
  }
  const slot = NAME_SLOT[domain] ?? '';
  const city = findCity(text, asked.includes('city'));
  if (city) out.city = city;
  const name = findProviderName(text, asked.includes(slot), city);
  if (slot && name && name !== city && !SGD_TYPES[domain]?.some((t) => t.name === name)) out[slot] = name;
  // Asking *whether* a salon is unisex is a request; wanting a unisex salon informs is_unisex.
  const seeking = /\b(?:find|search|look(?:ing)?|locate|want|need|recommend|prefer|help me|is there|are there|any)\b/i.test(text);
  const askingAbout = (what: string) => new RegExp(`\\b(?:is|are)\\s+(?:it|they|this|that|the\\s+\\w+|this\\s+\\w+)\\s+(?:a\\s+|an\\s+)?${what}|\\b(?:whether|if)\\b[^.?!]*${what}|\\b(?:do|does|can|could)\\s+(?:they|it|he|she)\\b[^.?!]*${what}|\\b(?:tell|know|check|find\\s+out|see)\\b[^.?!]*${what}` + (seeking ? '' : `|${what}[^.!?]*\\?`), 'i').test(text);
  if (/\bunisex\b|\b(?:men|male)\s+and\s+(?:women|female)\b|\bboth\s+(?:sexes|genders)\b/i.test(text) && !askingAbout('(?:unisex|men and women|male and female|both)')) out.is_unisex = /\bnot\s+(?:a\s+)?unisex\b/i.test(text) ? 'False' : 'True';
  if (/\bcosmetic\b/i.test(text) && !askingAbout('cosmetic')) out.offers_cosmetic_services = 'True';
  return out;
}

/** Value equality used for scoring: case, punctuation and titles (Dr., MD) ignored. */
export function sameSlotValue(slot: string, predicted: string, gold: string[]): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\b(?:dr|md|do|dds|dmd|phd)\b\.?/g, ' ').replace(/[^\p{L}\p{N}:-]+/gu, ' ').trim().replace(/\s+/g, ' ');
  if (/date|time/.test(slot)) return gold.includes(predicted);
  const p = norm(predicted);
  return gold.some((g) => norm(g) === p);
}
