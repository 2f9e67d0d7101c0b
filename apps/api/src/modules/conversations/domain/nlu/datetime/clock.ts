/**
 * Clock times ("15h", "9h30", "5pm", "a las siete y media", "quinze para as 9", "half past
 * three", "meio-dia") and their resolution to 24-hour HH:MM.
 *
 * Resolution rule (booking context), in order:
 *  1. am/pm written → as written ("12 pm" = 12:00, "12 am" = 00:00).
 *  2. a part of day in the same mention ("de la tarde", "à noite", "in the morning") →
 *     afternoon/evening move 1–11 to 13–23; morning keeps the hour; night (madrugada) keeps 1–6.
 *  3. a 24-hour form: hour 0 or ≥ 13, or a leading zero ("07:00", "07h") → as written.
 *  4. otherwise a bare hour 1–7 means pm ("at 5" → 17:00, "às 7" → 19:00): nobody books a
 *     haircut at 5 am. 8–11 stay morning, 12 is noon.
 */
import type { Lexicon } from './lexicon';
import type { PartOfDay } from '../types';
import { MER, keys, numWord, parseNumber } from './words';

export interface Clock {
  h: number;
  m: number;
  mer?: 'am' | 'pm';
  h24?: boolean;    // written in a 24-hour form, or noon/midnight
  strong: boolean;  // recognisably a time even without "a las"/"at"
  hours?: boolean;  // "8 horas": a time only next to a day or part of day (else a duration)
  pod?: PartOfDay;  // a part of day written right after it ("de 3 de la mañana a 5 de la tarde")
  spoken?: number;  // the hour as said when minutes were subtracted ("ocho menos diez" → 8)
}

interface ClockGrammar { source: string; parsers: [RegExp, (m: RegExpExecArray) => Clock | null][] }
const cache = new Map<Lexicon, ClockGrammar>();

function merOf(s: string | undefined): 'am' | 'pm' | undefined {
  if (s === undefined) return undefined;
  return s.startsWith('a') ? 'am' : 'pm';
}

function make(h: number, m: number, mer: 'am' | 'pm' | undefined, strong: boolean, h24 = false): Clock | null {
  if (!Number.isInteger(h) || !Number.isInteger(m) || m < 0 || m > 59 || h < 0 || h > 24) return null;
  if (mer !== undefined && (h > 12 || h === 0)) return h === 0 ? null : { h, m, h24: true, strong };
  if (h === 24) return m === 0 ? { h: 0, m: 0, h24: true, strong } : null;
  return mer === undefined ? { h, m, h24: h24 || h === 0 || h >= 13, strong } : { h, m, mer, strong };
}

export function clockGrammar(lex: Lexicon): ClockGrammar {
  const cached = cache.get(lex);
  if (cached) return cached;
  const W = numWord(lex);
  const hourWord = `(?:${keys(Object.fromEntries(Object.entries(lex.numbers).filter(([, v]) => v >= 1 && v <= 12)))})`;
  const num = (s: string): number => parseNumber(s.replace(/\s+/g, ' '), lex) ?? NaN;
  const minutesAfterHour = (s: string): number => (/half|media|meia/.test(s) ? 30 : /cuarto|quarter|quarto/.test(s) ? 15 : num(s));
  const parts: [string, (m: RegExpExecArray) => Clock | null][] = [
    [`(${lex.noon})(?:\\s+(${lex.half}))?`, (m) => ({ h: 12, m: m[2] === undefined ? 0 : 30, h24: true, strong: true })],
    [`(${lex.midnight})`, () => ({ h: 0, m: 0, h24: true, strong: true })],
    // las 12 del mediodía, la una del mediodía, às 11:30 do meio-dia: 11–12 as said, 1–6 in the afternoon
    [`(\\d{1,2}|${hourWord})(?:[:.](\\d{2}))?\\s+(?:del|do|de)\\s+(?:mediodia|medio\\s+dia|meio[- ]?dia)`, (m) => {
      const h = num(m[1]!);
      const c = make(h >= 1 && h <= 6 ? h + 12 : h, m[2] === undefined ? 0 : Number(m[2]), undefined, true, true);
      return c && (h >= 7 && h <= 10 ? null : c);
    }],
    // 9:30, 9.30, 9h30, 10 H 10 pm, 8: 45 a.m., 15:00 horas
    [`(\\d{1,2})(?:\\s*[:.]\\s*|\\s*h\\s*)(\\d{2})(?:[:.]\\d{2})?(?:\\s*(${MER}))?(?:\\s*(?:${lex.hourWord}))?`,
      (m) => {
        const c = make(Number(m[1]), Number(m[2]), merOf(m[3]), true, m[1]!.length === 2 && m[1]!.startsWith('0'));
        return c;
      }],
    // 340pm, 1140 a.m.
    [`(\\d{1,2})(\\d{2})\\s*(${MER})`, (m) => make(Number(m[1]), Number(m[2]), merOf(m[3]), true)],
    // quince para las nueve, quinze para as 9pm, quarter to five, ten past nine, 30 mins pasadas las ocho
    [`(?:(${W}|${lex.quarter}|half)|(\\d{1,2})\\s+min(?:utos|utes|s)?|(${lex.lang === 'en' ? '(?!)' : '5|10|15|20|25'})(?=\\s+para))\\s+(?:min(?:utos|utes|s)?\\s+)?(${lex.minutesTo}|${lex.minutesPast})\\s+(${W}|\\d{1,2})(?:\\s*(${MER}))?`, (m) => {
      const first = m[1] ?? m[2] ?? m[3]!;
      const mins = /half/.test(first) ? 30 : /quart|cuarto/.test(first) ? 15 : num(first);
      const base = make(num(m[5]!), 0, merOf(m[6]), true);
      if (!base || !(mins > 0 && mins < 60)) return null;
      const to = new RegExp(`^(?:${lex.minutesTo})$`).test(m[4]!);
      return shift(base, to ? -mins : mins);
    }],
    // 8pm y media, 8 y media, 9pm menos cuarto, 8 menos cuarto, 5 e 45, 7 e trinta pm
    [`(\\d{1,2})(?:\\s*(${MER}))?\\s+(${lex.half}|${lex.quarterPast}|${lex.minus}\\s+(?:${lex.quarter}|${W})|(?:y|e)\\s+(?:\\d{2}|${W}))(?:\\s*(${MER}))?`, (m) => {
      const t = m[3]!;
      const mer = merOf(m[2] ?? m[4]);
      if (new RegExp(`^(?:${lex.minus})`).test(t)) {
        const base = make(Number(m[1]), 0, mer, true);
        return base && shift(base, -minutesAfterHour(t.replace(new RegExp(`^(?:${lex.minus})\\s+`), '')));
      }
      const joined = /^(?:y|e)\s/.test(t) && !/media|meia|cuarto|quarto/.test(t);
      const mins = joined ? num(t.replace(/^(?:y|e)\s+/, '')) : minutesAfterHour(t);
      if (!(mins >= 5 && mins < 60)) return null;
      return make(Number(m[1]), mins, mer, !joined || mer !== undefined);
    }],
    // 5pm, 5 p.m., 15h, 15 horas, 8 horas am, 7 (bare: weak)
    [`(\\d{1,2})(?:\\s*(${MER})|(h(?![a-z]))|\\s*(${lex.hourWord})(?:\\s*(${MER}))?)?(?:\\s+(${lex.oclock}))?`, (m) => {
      const mer = merOf(m[2] ?? m[5]);
      const strong = mer !== undefined || m[3] !== undefined || m[6] !== undefined || (m[4] !== undefined && Number(m[1]) >= 13);
      const c = make(Number(m[1]), 0, mer, strong, m[1]!.length === 2 && m[1]!.startsWith('0'));
      return c && (m[4] !== undefined && !strong ? { ...c, hours: true } : c);
    }],
    // siete y media, sete e meia, once y cinco, cinco treinta, seven thirty, nueve menos cuarto, seven o'clock
    [`(${hourWord})(?:\\s*(${MER}))?(?:\\s+(${lex.half}|${lex.quarterPast}|(?:y|e|and)\\s+${W}|${W}))?(?:\\s+${lex.minus}\\s+(${lex.quarter}|${W}))?(?:\\s+(${lex.oclock}))?(?:\\s*(${MER}))?`,
      (m) => {
        const h = num(m[1]!);
        const mer = merOf(m[2] ?? m[6]);
        let mins = 0;
        if (m[3] !== undefined) {
          mins = minutesAfterHour(m[3].replace(/^(?:y|e|and)\s+/, ''));
          if (!(mins >= 5 && mins < 60)) return null;
        }
        const base = make(h, mins, mer, mins > 0 || m[4] !== undefined || m[5] !== undefined || mer !== undefined);
        if (!base) return null;
        if (m[4] !== undefined) return shift(base, -minutesAfterHour(m[4]));
        return base;
      }],
  ];
  const g: ClockGrammar = {
    source: parts.map(([s]) => `(?:${s.replace(/\((?!\?)/g, '(?:')})`).join('|'),
    parsers: parts.map(([s, f]) => [new RegExp(`^(?:${s})$`), f]),
  };
  cache.set(lex, g);
  return g;
}

function shift(c: Clock, minutes: number): Clock {
  let total = c.h * 60 + c.m + minutes;
  if (c.mer !== undefined) {
    const h12 = c.h % 12;
    total = h12 * 60 + c.m + minutes;
    if (total < 0) total += 12 * 60;
    const h = Math.floor(total / 60) % 12;
    return { ...c, h: h === 0 ? 12 : h, m: total % 60 };
  }
  total = (total + 1440) % 1440;
  return { ...c, h: Math.floor(total / 60), m: total % 60, spoken: c.h };
}

/** Parse the text matched by `clockGrammar(lex).source`. */
export function parseClock(s: string, lex: Lexicon): Clock | null {
  const t = s.trim();
  for (const [re, f] of clockGrammar(lex).parsers) {
    const m = re.exec(t);
    if (m) return f(m);
  }
  return null;
}

/** Minutes after midnight, applying the rule at the top of this file. */
export function clockMinutes(c: Clock, groupPod: PartOfDay | undefined): number {
  const pod = c.pod ?? groupPod;
  let h = c.h;
  if (c.mer === 'pm') h = (h % 12) + 12;
  else if (c.mer === 'am') h = h % 12;
  else if (pod !== undefined && !c.h24) {
    if ((pod === 'afternoon' || pod === 'evening') && h < 12) h += 12;
    else if (pod === 'night' && h === 12) h = 0;
  } else if (!c.h24 && (c.spoken ?? h) >= 1 && (c.spoken ?? h) <= 7) h += 12;
  return h * 60 + c.m;
}

/**
 * Minutes of a time range's ends. An end's am/pm or part of day carries over to a bare start
 * ("de 5 a 6 pm", "de 5 a siete de la mañana"); a bare end is the first reading after the start
 * ("de 9 a 6" → 09:00–18:00).
 */
export function rangeMinutes(from: Clock | undefined, to: Clock | undefined, pod: PartOfDay | undefined): [number | undefined, number | undefined] {
  if (from === undefined || to === undefined) {
    return [from && clockMinutes(from, pod), to && clockMinutes(to, pod)];
  }
  let f = from;
  if (to.mer === undefined && to.pod !== undefined && from.mer === undefined && from.pod === undefined && !from.h24 && from.h <= to.h) {
    f = { ...from, pod: to.pod };
  } else if (to.mer !== undefined && from.mer === undefined && !from.h24 && from.pod === undefined) {
    const toMin = clockMinutes(to, pod);
    const same: Clock = { ...from, mer: to.mer };
    f = clockMinutes(same, pod) <= toMin ? same : { ...from, mer: to.mer === 'pm' ? 'am' : 'pm' };
  }
  const fromMin = clockMinutes(f, pod);
  let toMin = clockMinutes(to, pod);
  if (to.mer === undefined && !to.h24 && pod === undefined) {
    const base = (to.h % 12) * 60 + to.m;
    toMin = base >= fromMin ? base : base + 720 >= fromMin ? base + 720 : toMin;
  }
  return [fromMin, toMin];
}


export function hhmm(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  const h = Math.floor(m / 60);
  const mm = m % 60;
  return `${h < 10 ? '0' : ''}${h}:${mm < 10 ? '0' : ''}${mm}`;
}
