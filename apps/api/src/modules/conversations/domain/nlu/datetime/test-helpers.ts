/** Helpers shared by the datetime table tests (not used by production code). */
import type { DateTimeMention, Lang } from '../types';
import { extractDateTimes } from './index';

/** Wednesday 2026-11-25 10:00 in São Paulo (13:00 UTC). */
export const SP_NOW = Date.UTC(2026, 10, 25, 13, 0);
export const SP = 'America/Sao_Paulo';

export type Expect = Omit<DateTimeMention, 'text' | 'start' | 'end'>;

/** The resolved values of every mention, without text and offsets. */
export function values(text: string, lang: Lang, now = SP_NOW, timeZone = SP): Expect[] {
  return extractDateTimes(text, lang, { now, timeZone }).map(({ text: _t, start: _s, end: _e, ...rest }) => rest);
}

/** The mentions' texts. */
export function texts(text: string, lang: Lang, now = SP_NOW, timeZone = SP): string[] {
  return extractDateTimes(text, lang, { now, timeZone }).map((m) => m.text);
}
