/**
 * Contact and qualification data in a message: phone (E.164, parsed with the tenant's country),
 * email, party size, the person's name, a student's age and school year.
 * `norm` is the output of normalise(text, lang); `text` is the message as written.
 */
import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js';
import type { Lang } from './types';

export interface ContactEntities {
  phone?: string;
  email?: string;
  people?: number;
  personName?: string;
  age?: number;
  schoolYear?: string;
}

const NUMBER_WORDS: Record<string, number> = {
  um: 1, uma: 1, dois: 2, duas: 2, tres: 3, quatro: 4, cinco: 5, seis: 6, sete: 7, oito: 8, nove: 9, dez: 10,
  onze: 11, doze: 12, treze: 13, catorze: 14, quatorze: 14, quinze: 15, vinte: 20,
  uno: 1, un: 1, dos: 2, cuatro: 4, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12, trece: 13,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, twenty: 20,
  a: 1, an: 1,
};
const NUM = '(\\d{1,3}|' + Object.keys(NUMBER_WORDS).filter((w) => w.length > 2).join('|') + ')';

function toNumber(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  if (/^\d+$/.test(s)) return Number(s);
  return NUMBER_WORDS[s];
}

/** ISO country of a locale ("pt-BR" → BR); languages without a region map to their usual market. */
export function countryOfLocale(locale: string): CountryCode | undefined {
  const region = /[-_]([A-Za-z]{2})\b/.exec(locale)?.[1]?.toUpperCase();
  if (region) return region as CountryCode;
  const lang = locale.slice(0, 2).toLowerCase();
  return lang === 'pt' ? 'BR' : lang === 'es' ? 'AR' : undefined;
}

export function extractPhone(text: string, locale: string): string | undefined {
  const digits = text.replace(/\D/g, '').length;
  if (digits < 7) return undefined;
  const country = countryOfLocale(locale);
  try {
    const found = findPhoneNumbersInText(text.length > 2000 ? text.slice(0, 2000) : text, country ? { defaultCountry: country } : undefined);
    return found.find((f) => f.number.isValid())?.number.number;
  } catch {
    return undefined;
  }
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

export function extractEmail(text: string): string | undefined {
  return EMAIL.exec(text)?.[0].toLowerCase();
}

const PEOPLE: RegExp[] = [
  new RegExp(`\\b(?:para|pra|de|em|por|for|of|x)\\s+${NUM}\\s+(?:pessoas?|personas?|people|persons?|pax|adults?|adultos?|guests?|convidados?|invitados?)\\b`),
  new RegExp(`\\b(?:somos|seremos|vamos ser|we are|we re|there are|there will be|party of|table for|mesa para|mesa pra)\\s+${NUM}\\b`),
  new RegExp(`\\b${NUM}\\s+(?:pessoas|personas|people|persons|pax|adults|adultos|guests|convidados|invitados)\\b`),
];

export function extractPeople(norm: string): number | undefined {
  for (const re of PEOPLE) {
    const n = toNumber(re.exec(norm)?.[1]);
    if (n !== undefined && n >= 1 && n <= 500) return n;
  }
  return undefined;
}

const AGE: RegExp[] = [
  /\b(?:tem|tenho|com|de|tiene|tengo|con|is|am|aged?|age)\s+(\d{1,2})\s*(?:anos|anitos|years?|yrs?|y o)\b/,
  /\b(\d{1,2})\s*(?:anos de idade|anos|years old|year old|yo|y o|anitos)\b/,
  /\b(?:idade|edad|age|aged)\s*(?:de|:)?\s*(\d{1,2})\b/,
];

export function extractAge(norm: string): number | undefined {
  for (const re of AGE) {
    const n = toNumber(re.exec(norm)?.[1]);
    if (n !== undefined && n >= 1 && n <= 99) return n;
  }
  return undefined;
}

const ORDINAL_WORD = 'primeiro|segundo|terceiro|quarto|quinto|sexto|setimo|oitavo|nono|primer|primero|tercer|tercero|cuarto|septimo|octavo|noveno|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth';
const SCHOOL_YEAR: RegExp[] = [
  /\b\d{1,2}\s*(?:º|ª|°|o|a|do|da|er|ro|to|vo|no|mo)?\s*(?:ano|serie|série|grado|año|grau)\b(?:\s+(?:do|da|de)\s+(?:ensino\s+)?(?:fundamental|medio|médio|primaria|secundaria|secundario|colegio))?/iu,
  new RegExp(`\\b(?:${ORDINAL_WORD})\\s+(?:ano|serie|grado|grade|year|grau)\\b`, 'i'),
  /\b(?:year|grade|class)\s+\d{1,2}\b/i,
  /\b\d{1,2}(?:st|nd|rd|th)\s+(?:grade|year|class)\b/i,
  /\bkindergarten\b/i,
];

/** The school year as the customer wrote it ("5º ano", "3rd grade"), from the original text. */
export function extractSchoolYear(text: string): string | undefined {
  const folded = text.length > 2000 ? text.slice(0, 2000) : text;
  for (const re of SCHOOL_YEAR) {
    const m = re.exec(folded);
    // "tiene 10 años" is an age, not a school year: a plural after the number is skipped.
    if (m && !/(anos|años|years)\b/i.test(m[0])) return m[0].trim();
  }
  return undefined;
}

const NAME_INTRO: { re: RegExp; needsCapital: boolean }[] = [
  { re: /\b(?:meu nome e|meu nome é|me chamo|mi nombre es|me llamo|my name is|my name s|name is|nombre es|nome e|nome é)\s+(.{1,60})/iu, needsCapital: false },
  { re: /\b(?:sou (?:a|o)|soy (?:la|el)|eu sou (?:a|o))\s+(.{1,60})/iu, needsCapital: false },
  { re: /\b(?:sou|soy|i am|i'm|i’m|im|this is|aqui é|aqui e|acá habla|aca habla|habla)\s+(.{1,60})/iu, needsCapital: true },
];

const NOT_NAME = new Set([
  'a', 'o', 'the', 'de', 'do', 'da', 'del', 'la', 'el', 'e', 'y', 'and', 'mae', 'mãe', 'pai', 'madre', 'padre',
  'mother', 'father', 'mum', 'mom', 'dad', 'cliente', 'customer', 'client', 'looking', 'interested', 'free',
  'available', 'not', 'sorry', 'here', 'new', 'nuevo', 'nueva', 'novo', 'nova', 'good', 'fine', 'ok',
  'gonna', 'going', 'trying', 'calling', 'writing', 'ready', 'busy', 'sure', 'also', 'just', 'still',
  'very', 'so', 'from', 'in', 'at', 'on', 'with', 'for', 'to', 'responsavel', 'responsável', 'aluno', 'aluna',
  'estudante', 'un', 'una', 'um', 'uma', 'no', 'não', 'nao', 'si', 'sim', 'yes', 'gracias', 'obrigado', 'thanks',
  'que', 'quien', 'quem', 'who', 'what', 'that', 'this', 'it', 'is', 'an', 'me', 'my', 'mi', 'meu', 'minha',
  'por', 'para', 'pra', 'of', 'de', 'desde', 'about', 'afraid', 'glad', 'happy', 'confused', 'unable', 'able',
]);

/** "Meu nome é Ana Souza", "me llamo Juan", "my name is Priya Patel", "sou a Maria" → the name. */
export function extractPersonName(text: string): string | undefined {
  const head = text.length > 2000 ? text.slice(0, 2000) : text;
  for (const { re, needsCapital } of NAME_INTRO) {
    const m = re.exec(head);
    if (!m?.[1]) continue;
    const words: string[] = [];
    for (const w of m[1].split(/[\s,.;:!?()"]+/u)) {
      if (!w) { if (words.length) break; continue; }
      const bare = w.toLowerCase();
      if (NOT_NAME.has(bare) || !/^\p{L}[\p{L}'’-]*$/u.test(w)) break;
      if (needsCapital && !/^\p{Lu}/u.test(w)) break;
      if (words.length && !/^\p{Lu}/u.test(w) && !needsCapital && words.length >= 1 && /^\p{Lu}/u.test(words[0] ?? '')) break;
      words.push(w);
      if (words.length === 4) break;
    }
    if (words.length) return words.map(capitalise).join(' ');
  }
  return undefined;
}

function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

export function extractContactEntities(text: string, norm: string, _lang: Lang, locale: string): ContactEntities {
  const out: ContactEntities = {};
  const phone = extractPhone(text, locale);
  if (phone) out.phone = phone;
  const email = extractEmail(text);
  if (email) out.email = email;
  const people = extractPeople(norm);
  if (people !== undefined) out.people = people;
  const age = extractAge(norm);
  if (age !== undefined) out.age = age;
  const year = extractSchoolYear(text);
  if (year) out.schoolYear = year;
  const name = extractPersonName(text);
  if (name) out.personName = name;
  return out;
}
