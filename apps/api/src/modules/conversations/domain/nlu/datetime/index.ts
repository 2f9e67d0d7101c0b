/**
 * Date and time understanding for pt, es and en. Pure: the clock comes in as `ref.now`, and all
 * calendar work happens on wall-clock dates in `ref.timeZone` (never the process zone; chrono-node
 * is not used: it ignores IANA zones and misses most pt/es forms, see PLATFORM-NOTES §7).
 *
 *   extractDateTimes('amanhã às 15h', 'pt', { now, timeZone: 'America/Sao_Paulo' })
 *     → [{ text: 'amanhã às 15h', start: 0, end: 13, date: '2026-11-26', time: '15:00' }]
 *
 * Pipeline: fold (lower case, no accents, same length) → scan (regex rules per language build
 * atoms; longest non-overlapping win) → combine (neighbouring atoms joined by glue words become
 * one mention; day ranges; resolution).
 *
 * Interpretation choices (tested in datetime.*.test.ts):
 *  - Bare weekday ("viernes", "Friday", "sexta"): the next such day after today; today itself
 *    only when the same mention gives a time still ahead ("sexta às 18h" said on Friday at 10:00).
 *  - "next Friday" / "el próximo viernes" / "próxima sexta" / "sexta que vem": the COMING Friday
 *    (what most booking assistants do), never today; the following week's Friday needs the week
 *    named: "Friday next week", "next week Friday", "el viernes de la semana que viene", "sexta da
 *    semana que vem". "este viernes" / "this Friday" also allows today. "el viernes siguiente",
 *    "the following Friday" are next week's.
 *  - Bare hour 1–7 without am/pm or a part of day means pm ("at 5" → 17:00, "às 7h" → 19:00);
 *    "07:00", "da manhã", "de la mañana", "am" keep the morning. See clock.ts.
 *  - A day without a time gives `date` only (a time is never invented); a time without a day
 *    gives `time` only; "de manhã" / "a la tarde" give `partOfDay` (noche/noite/tonight/evening →
 *    'evening', madrugada → 'night').
 *  - dd/mm in every language; mm/dd only when unambiguous (4/22). A day and month without a year
 *    is the next occurrence (today included); "este 12/05" / "this 12 May" is the current year's,
 *    even when past.
 *  - Weekday abbreviations need a dot or a date next to them ("mié 26"), except inside a list
 *    or range of days ("de lunes a mar", "terça, qua, qui ou sexta", "Mon-Fri"); Portuguese
 *    ordinals are weekdays after a preposition ("na 6a", "até a 3ª"; not "6a série").
 *  - "los próximos 4 días hábiles", "dias úteis", "business days": Monday–Friday days after today.
 *  - Weeks are Monday–Sunday and returned whole ("this week" includes days already past: the
 *    caller clips to the future). Weekends are Saturday–Sunday: "this weekend" is this week's
 *    (said on Sunday: today only), "next weekend" / "el próximo finde" the following week's.
 *  - "em 2 horas", "daqui a 2 horas", "dentro de 2 horas", "in 2 hours" → the instant now + 2 h
 *    (date and time; DST-correct). "dentro de 3 días" → that day.
 *  - "después de las 5" → timeRange.from; "antes de las 10" → timeRange.to; "después del
 *    mediodía" also gives partOfDay 'afternoon', "antes del mediodía" 'morning'.
 *  - "al final del día" / "ao final do dia" / "end of day" → today, partOfDay 'evening'; "… de
 *    mañana" / "… de amanhã" / "end of the day tomorrow" → tomorrow evening.
 *  - "ahora", "agora", "asap", "lo antes posible" → now (date and time). English "now" alone is
 *    not a date ("that's all for now").
 */
import type { DateTimeMention, Lang } from '../types';
import { instantToLocal } from '../../../../../shared/time/zone';
import { scan, type Ctx, type Rule } from './atoms';
import { combine } from './combine';
import { fold } from './fold';
import type { Lexicon } from './lexicon';
import { EN } from './lex-en';
import { ES } from './lex-es';
import { PT } from './lex-pt';
import { dateRules } from './rules-date';
import { dayRules } from './rules-days';
import { periodRules } from './rules-period';
import { timeRules } from './rules-time';

export interface DateTimeRef {
  now: number;       // epoch ms
  timeZone: string;  // IANA zone of the business
}

const LEXICONS: Record<Lang, Lexicon> = { pt: PT, es: ES, en: EN };
const grammars = new Map<Lang, Rule[]>();
const MAX_LENGTH = 4000;

function rulesFor(lang: Lang): Rule[] {
  let rules = grammars.get(lang);
  if (rules === undefined) {
    const lex = LEXICONS[lang];
    rules = [...dateRules(lex), ...dayRules(lex), ...periodRules(lex), ...timeRules(lex)];
    grammars.set(lang, rules);
  }
  return rules;
}

/** Compiles the grammars (≈50 ms per language the first time). Call once at start-up. */
export function warmUpDateTimes(langs: Lang[] = ['pt', 'es', 'en']): void {
  for (const lang of langs) extractDateTimes('amanhã às 15h, mañana a las 5, tomorrow at 5pm, 3/12', lang, { now: 0, timeZone: 'UTC' });
}

export function extractDateTimes(text: string, lang: Lang, ref: DateTimeRef): DateTimeMention[] {
  const input = text.length > MAX_LENGTH ? text.slice(0, MAX_LENGTH) : text;
  const local = instantToLocal(ref.now, ref.timeZone);
  const ctx: Ctx = {
    today: local.date,
    nowMin: Number(local.time.slice(0, 2)) * 60 + Number(local.time.slice(3, 5)),
    now: ref.now,
    tz: ref.timeZone,
    lex: LEXICONS[lang],
  };
  const folded = fold(input);
  const atoms = scan(folded, rulesFor(lang), ctx);
  return combine(input, folded, atoms, ctx);
}
