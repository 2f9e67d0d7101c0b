import type { AssistantProfile } from '@frontdesk/contracts';
import type { FieldError } from '../api/client';

export type Lang = 'pt' | 'es' | 'en';
export const LANGS: readonly Lang[] = ['pt', 'es', 'en'];
export type FaqEntry = AssistantProfile['faq'][number];
export type QualificationField = AssistantProfile['qualification'][number];

/** The API's field errors by path ("faq[2].question"), the first message of each, in the staff member's words. */
export function errorsByPath(fields: readonly FieldError[], words: FieldWords): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) out[f.path.replace(/^body\./, '')] ??= fieldMessage(f.message, words);
  return out;
}

export interface FieldWords { required: string; tooShort: string; tooLong: string; format: string; oneLanguage: string; invalid: string }

/** The API's validation message (zod's English) as one of a few kinds the dashboard words. */
export function fieldMessage(message: string, words: FieldWords): string {
  if (/at least one of pt, es, en/i.test(message)) return words.oneLanguage;
  if (/received undefined|required/i.test(message)) return words.required;
  if (/too small|>=|at least/i.test(message)) return words.tooShort;
  if (/too big|<=|at most/i.test(message)) return words.tooLong;
  if (/pattern|invalid string|lower-case|language code/i.test(message)) return words.format;
  return words.invalid;
}

/** The item moved one place up (-1) or down (+1); out of range changes nothing. */
export function move<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** "Tem estacionamento?" → "tem-estacionamento", unique among `taken` (the API's id rule: a-z, 0-9, -). */
export function slugId(text: string, taken: readonly string[], fallback = 'entry'): string {
  const base = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || fallback;
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

/** Keywords as typed in one box, separated by commas. */
export const parseKeywords = (text: string): string[] => [...new Set(text.split(',').map((k) => k.trim()).filter(Boolean))];
export const formatKeywords = (keywords: readonly string[]): string => keywords.join(', ');

/** A localized text with its empty languages left out, as the API wants it. */
export function compactLocalized(v: Partial<Record<Lang, string>> | undefined): Partial<Record<Lang, string>> | undefined {
  if (!v) return undefined;
  const out: Partial<Record<Lang, string>> = {};
  for (const l of LANGS) if (v[l]?.trim()) out[l] = v[l]!.trim();
  return Object.keys(out).length ? out : undefined;
}

/** The profile as sent: empty greeting languages dropped (no greeting at all means the built-in one). */
export function forSaving(profile: AssistantProfile): AssistantProfile {
  const greeting = compactLocalized(profile.greeting);
  const { greeting: _old, ...rest } = profile;
  return { ...rest, ...(greeting ? { greeting } : {}) };
}
