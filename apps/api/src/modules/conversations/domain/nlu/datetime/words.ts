/** Regex building blocks shared by the rules, and parsers for number words, days and years. */
import { alt, type Lexicon } from './lexicon';
import { expandYear } from './calendar';

/** Word boundaries on folded text (letters are ASCII after folding). */
export const B = '(?<![a-z0-9])';
export const E = '(?![a-z0-9])';
export const MER = '(?:[ap]\\.?\\s?m(?![a-z])\\.?)';

const anchored = new Map<string, RegExp>();
function anchor(src: string): RegExp {
  let re = anchored.get(src);
  if (re === undefined) {
    re = new RegExp(`^(?:${src})$`);
    anchored.set(src, re);
  }
  return re;
}

/** Value of `s` in a map whose keys are regex sources ("sexta(?:[- ]feira)?"), or undefined. */
export function lookup<T>(map: Record<string, T> | [string, T][], s: string): T | undefined {
  const entries = Array.isArray(map) ? map : Object.entries(map);
  for (const [k, v] of entries) if (anchor(k).test(s)) return v;
  return undefined;
}

export function keys(map: Record<string, unknown> | [string, unknown][]): string {
  return alt(Array.isArray(map) ? map.map(([k]) => k) : Object.keys(map));
}

interface NumberParts { singles: string; tens: string; units: string; join: string }
const numberParts = new Map<Lexicon, NumberParts>();

function partsOf(lex: Lexicon): NumberParts {
  let p = numberParts.get(lex);
  if (p === undefined) {
    const units = Object.entries(lex.numbers).filter(([, v]) => v >= 1 && v <= 9).map(([k]) => k);
    p = { singles: keys(lex.numbers), tens: keys(lex.tens), units: alt(units), join: lex.unitJoin };
    numberParts.set(lex, p);
  }
  return p;
}

/** Cardinal number words 0–59, compounds first ("treinta y uno", "vinte e um", "forty-five"). */
export function numWord(lex: Lexicon): string {
  const p = partsOf(lex);
  return `(?:(?:${p.tens})${p.join}(?:${p.units})|${p.singles})`;
}

export function parseNumWord(s: string, lex: Lexicon): number | null {
  const direct = lex.numbers[s];
  if (direct !== undefined) return direct;
  const p = partsOf(lex);
  const m = new RegExp(`^(${p.tens})${p.join}(${p.units})$`).exec(s);
  if (!m) return null;
  return (lex.tens[m[1]!] ?? 0) + (lex.numbers[m[2]!] ?? 0);
}

/** Integer from digits or a number word. */
export function parseNumber(s: string, lex: Lexicon): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  return parseNumWord(s.replace(/\s+/g, ' '), lex);
}

/** A day of the month: 1–31 with an optional ordinal suffix, an ordinal word or a number word. */
export function dayToken(lex: Lexicon): string {
  return `(?:(?:3[01]|[12]\\d|0?[1-9])${lex.ordinalSuffix}?|${keys(lex.ordinals)}|${numWord(lex)})`;
}

export function parseDay(s: string, lex: Lexicon): number | null {
  const digits = /^(\d{1,2})/.exec(s);
  const n = digits ? Number(digits[1]) : (lookup(lex.ordinals, s) ?? parseNumWord(s, lex));
  return n !== null && n >= 1 && n <= 31 ? n : null;
}

/** A year: 4 digits, an apostrophe + 2 digits, or "dos mil veinte" / "dois mil e vinte". */
export function yearToken(lex: Lexicon): string {
  return `(?:[12]\\d{3}|'\\d{2}|(?<=(?:de|del)\\s)[3-9]\\d(?![\\d:h])|(?:dos|dois)\\s+mil(?:\\s+(?:e\\s+)?${numWord(lex)})?)`;
}

export function parseYear(s: string, lex: Lexicon, today: string): number | null {
  if (/^[12]\d{3}$/.test(s)) return Number(s);
  if (/^'?\d{2}$/.test(s)) return expandYear(Number(s.replace("'", '')), today);
  const m = /^(?:dos|dois)\s+mil(?:\s+(?:e\s+)?(.+))?$/.exec(s);
  if (!m) return null;
  const rest = m[1] === undefined ? 0 : parseNumWord(m[1].replace(/\s+/g, ' '), lex);
  return rest === null ? null : 2000 + rest;
}

/** Months: full names anywhere, abbreviations with an optional dot. */
export function monthToken(lex: Lexicon): string {
  return `(?:${keys(lex.months)}|(?:${keys(lex.monthAbbr)})\\.?)`;
}

/**
 * Weekday abbreviations need a dot, a date right after them, or (en) "on/this/next/every" before
 * them: "Sat.", "Mon, Dec 7", "mié 26 de octubre", "on Sun". They also count inside a list or
 * range of days, where nothing else can be meant: "de lunes a mar", "terça, qua, qui ou sexta",
 * "Mon-Fri", "dom, amanhã". Portuguese writes weekdays as ordinals: "na 6a", "até a 3ª".
 */
export function weekdayAbbrToken(lex: Lexicon): string {
  const abbr = keys(lex.weekdayAbbr);
  const before = lex.lang === 'en' ? `(?<=(?:on|this|next|every)\\s)(?:${abbr})(?![a-z.])|` : '';
  const ordinal = lex.lang === 'pt' ? `(?<=(?:na|a|nesta|essa|esta|proxima|ultima|de|ate|e|ou)\\s)[2-6]a(?![a-z0-9])(?!\\s+(?:${PT_ORDINAL_NOUNS}))|` : '';
  return `(?:${before}${ordinal}${listedAbbr(lex, abbr)}(?:${abbr})(?:\\.|(?=,?\\s+(?:\\d|${monthToken(lex)}(?![a-z])))))`;
}

/** Nouns after which "2a", "3a"… are ordinals, not weekdays ("6a série", "2ª via"). */
const PT_ORDINAL_NOUNS = 'serie|ano|via|idade|edicao|fase|etapa|temporada|chamada|opcao|tentativa|rodada|aula|turma|prova|posicao|vez|semana|feira';
const LIST_JOIN = '(?:\\s*,\\s*|\\s*-\\s*|\\s+(?:e|ou|y|o|u|and|or|a|al|hasta|ate|to|through|thru)\\s+)';
const LIST_ARTICLE = '(?:(?:el|la|los|o|a|na|no|on|the)\\s+)?';
const TODAY_TOMORROW: Record<Lexicon['lang'], string> = { es: 'hoy|manana', pt: 'hoje|amanha', en: 'today|tomorrow' };

/** An abbreviation right after, or right before, another day of a list or range. */
function listedAbbr(lex: Lexicon, abbr: string): string {
  const day = `(?:${keys(lex.weekdays)}|(?:${abbr})\\.?)`;
  const after = `(?<=(?<![a-z])${day}${LIST_JOIN}${LIST_ARTICLE})(?:${abbr})(?![a-z])`;
  const beforeDay = `(?:${abbr})(?=${LIST_JOIN}${LIST_ARTICLE}(?:${day}|${TODAY_TOMORROW[lex.lang]})(?![a-z]))`;
  return `${after}|${beforeDay}|`;
}

export function parseMonth(s: string, lex: Lexicon): number | null {
  const clean = s.replace(/\.$/, '');
  return lex.months[clean] ?? lex.monthAbbr[clean] ?? null;
}
