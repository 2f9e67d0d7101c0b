/**
 * SGD slot values predicted from the product's understanding: dates and times (u.dateTimes),
 * catalogue matches (the SGD `type` values are given to it as the tenant's catalogue), and the
 * names, places and titles it reads as written (u.entities.providerName / place / title /
 * address, domain/nlu/spans). Only SGD's yes/no schema slots (is_unisex,
 * offers_cosmetic_services) are read here: they are not product concepts.
 */
import type { Awaited, CatalogueEntry, Understanding } from '../domain/nlu/types';
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

/** What the system's REQUEST asked for, as the product's policy would tell the understanding. */
export function awaitedOf(asked: readonly string[]): Awaited[] {
  const out = new Set<Awaited>();
  for (const slot of asked) {
    if (slot === 'city') out.add('place');
    else if (/_name$/.test(slot) && slot !== 'event_name') out.add('provider');
    else if (slot === 'event_name') out.add('title');
    else if (slot === 'event_location') out.add('address');
  }
  return [...out];
}

function aboutWeather(text: string, at: number): boolean {
  const from = Math.max(text.lastIndexOf('.', at), text.lastIndexOf('?', at - 1), text.lastIndexOf('!', at - 1));
  const to = text.slice(at).search(/[.?!]/);
  return /\b(?:weather|forecast|rain|temperature|sunny)\b/i.test(text.slice(from + 1, to < 0 ? undefined : at + to));
}

export function predictSgdSlots(text: string, domain: string, u: Understanding): Record<string, string> {
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
    if (u.entities.title) out.event_name = u.entities.title;
    if (u.entities.address) out.event_location = u.entities.address;
    return out;
  }
  const slot = NAME_SLOT[domain] ?? '';
  const city = u.entities.place;
  if (city) out.city = city;
  const name = u.entities.providerName;
  if (slot && name && name !== city && !SGD_TYPES[domain]?.some((t) => t.name === name)) out[slot] = name;
  // Asking *whether* a salon is unisex is a request; wanting a unisex salon informs is_unisex.
  const seeking = /\b(?:find|search|look(?:ing)?|locate|want|need|recommend|prefer|help me|is there|are there|any)\b/i.test(text);
  const askingAbout = (what: string) => new RegExp(`\\b(?:is|are)\\s+(?:it|they|this|that|the\\s+\\w+|this\\s+\\w+)\\s+(?:a\\s+|an\\s+)?${what}|\\b(?:whether|if)\\b[^.?!]*${what}|\\b(?:do|does|can|could)\\s+(?:they|it|he|she)\\b[^.?!]*${what}|\\b(?:tell|know|check|find\\s+out|see)\\b[^.?!]*${what}` + (seeking ? '' : `|${what}[^.!?]*\\?`), 'i').test(text);
  if (/\bunisex\b|\b(?:men|male)\s+and\s+(?:women|female)\b|\bboth\s+(?:sexes|genders)\b/i.test(text) && !askingAbout('(?:unisex|men and women|male and female|both)')) out.is_unisex = /\bnot\s+(?:a\s+)?unisex\b/i.test(text) ? 'False' : 'True';
  if (/\bcosmetic\b/i.test(text) && !askingAbout('cosmetic')) out.offers_cosmetic_services = 'True';
  return out;
}

/**
 * Value equality used for scoring: case, punctuation and titles (Dr., MD) ignored. Dotted
 * credentials are titles too: "M.D", "D.D.S." and "Ph.D." are read as MD, DDS and PhD.
 */
export function sameSlotValue(slot: string, predicted: string, gold: string[]): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\b(\p{L})\.(?=\p{L}\b)/gu, '$1').replace(/\b(?:dr|md|do|dds|dmd|phd)\b\.?/g, ' ').replace(/[^\p{L}\p{N}:-]+/gu, ' ').trim().replace(/\s+/g, ' ');
  if (/date|time/.test(slot)) return gold.includes(predicted);
  const p = norm(predicted);
  return gold.some((g) => norm(g) === p);
}
