import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** What is known of a person, gathered from every table before their rows are rewritten. */
export interface PersonalValues {
  names: string[];
  phones: string[];
  emails: string[];
  /** Channel handles (a WhatsApp wa_id, a Telegram chat id, an address). */
  handles: string[];
  /** Free texts the person wrote or that were written about them (messages, notes, answers). */
  texts: string[];
}

/**
 * The strings to look for, longest first. `strong` ones (phones in every usual format, e-mails,
 * handles, full names, long sentences) are distinctive enough to replace wherever they appear in
 * the tenant's data; `all` adds short answers and single words, replaced only in rows known to be
 * about the person.
 */
export function needlesOf(values: PersonalValues, region: CountryCode | undefined): { strong: string[]; all: string[] } {
  const strong = new Set<string>();
  const all = new Set<string>();
  for (const phone of values.phones) for (const f of phoneFormats(phone, region)) strong.add(f);
  for (const email of values.emails) strong.add(email);
  for (const handle of values.handles) if (handle.length >= 5) strong.add(handle);
  for (const name of values.names) (name.trim().includes(' ') || name.trim().length >= 6 ? strong : all).add(name.trim());
  for (const text of values.texts) (text.trim().length >= 12 ? strong : all).add(text.trim());
  for (const s of strong) all.add(s);
  const tidy = (set: Set<string>) => [...set].filter((s) => s.length >= 3).flatMap(withJsonForm).sort((a, b) => b.length - a.length);
  return { strong: [...new Set(tidy(strong))], all: [...new Set(tidy(all))] };
}

/** E.164, without the +, international and national (as written and digits only). */
export function phoneFormats(phone: string, region: CountryCode | undefined): string[] {
  const parsed = parsePhoneNumberFromString(phone, region);
  if (!parsed) return [phone];
  const national = parsed.formatNational();
  return [...new Set([phone, parsed.number, parsed.number.slice(1), parsed.formatInternational(), national,
    national.replace(/\D/g, ''), String(parsed.nationalNumber)])].filter((s) => s.replace(/\D/g, '').length >= 8);
}

/** A value inside JSON text has its quotes and backslashes escaped. */
const withJsonForm = (s: string): string[] => {
  const json = JSON.stringify(s).slice(1, -1);
  return json === s ? [s] : [s, json];
};

/**
 * One PostgreSQL regular expression matching any needle as a whole word (where it starts or ends
 * with a letter or digit), so that erasing "Ana" leaves "Banana" alone. Greedy alternation takes
 * the longest needle at each place.
 */
export function needlePattern(needles: string[]): string | undefined {
  if (!needles.length) return undefined;
  return needles.map((n) => bounded(n, '\\m', '\\M')).join('|');
}

/** The same needles as one JavaScript expression, for values only the application can read (encrypted fields). */
export function needleRegExp(needles: string[]): RegExp | undefined {
  if (!needles.length) return undefined;
  return new RegExp(needles.map((n) => bounded(n, '\\b', '\\b')).join('|'), 'gi');
}

// ASCII only: whether PostgreSQL counts an accented letter as a word character depends on the locale.
const WORD = /[A-Za-z0-9_]/;
/** A needle escaped, with a word boundary where it starts or ends with a letter or digit. */
const bounded = (needle: string, start: string, end: string) =>
  `${WORD.test(needle[0]!) ? start : ''}${needle.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')}${WORD.test(needle.at(-1)!) ? end : ''}`;
