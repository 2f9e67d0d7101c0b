/**
 * Per-language vocabulary for the date/time grammar. Every string is matched against FOLDED
 * text (lower case, no accents: see fold.ts) and phrase entries are regular-expression sources
 * (use `\\s+` between words). Semantics live in the grammar (rules.ts); a lexicon only says how
 * a language spells them.
 */
import type { Lang, PartOfDay } from '../types';

/**
 * How a weekday is anchored:
 *  - 'bare': a weekday alone ("viernes", "Friday"): the next such day after today; today itself
 *    only when a time later than now is given in the same mention ("sexta às 18h" on a Friday).
 *  - 'coming': "próximo viernes", "sexta que vem", "next Friday": the next such day after today
 *    (never today).
 *  - 'this': like 'coming' but today always counts ("este viernes" said on a Friday = today).
 *  - 'nextWeek' / 'thisWeek' / 'lastWeek': that weekday inside the given Monday–Sunday week.
 *  - 'last': the most recent such day before today ("el viernes pasado", "last Friday").
 */
export type WeekdayMode = 'bare' | 'coming' | 'this' | 'nextWeek' | 'thisWeek' | 'lastWeek' | 'last';
export type Unit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

export interface Lexicon {
  lang: Lang;
  months: Record<string, number>;            // full names (1–12)
  monthAbbr: Record<string, number>;         // abbreviations: only next to a day number or year
  weekdays: Record<string, number>;          // 0 = Monday … 6 = Sunday (full names and variants)
  weekdayAbbr: Record<string, number>;       // need a trailing '.' or an adjacent date
  numbers: Record<string, number>;           // single-word cardinals 0–59
  tens: Record<string, number>;              // 20, 30, 40, 50 for compounds ("treinta y uno")
  unitJoin: string;                          // between tens and units
  ordinals: Record<string, number>;          // day ordinals as words
  ordinalSuffix: string;                     // after digits: 1º, 1ro, 1er, 1st, 2nd …
  relDays: [string, number][];               // "pasado mañana" → +2
  dayPods: [string, number, PartOfDay][];    // "esta noche" → today, evening
  pods: [string, PartOfDay][];               // "por la tarde" → afternoon
  weekdayPre: [string, WeekdayMode][];       // "el próximo", "this", "next"
  weekdayPost: [string, WeekdayMode][];      // "que viene", "pasado"
  weeks: [string, number][];                 // "la semana que viene" → +1 (Monday–Sunday)
  restOfWeek: string;                        // "el resto de la semana" → today … Sunday
  weekends: [string, number][];              // "este finde" → 0
  monthRel: [string, number][];              // "el mes que viene" → +1 (whole month)
  monthRelAfterDay: [string, number][];      // "(el 4) de este mes", "(4-23) del próximo mes"
  monthPre: [string, number][];              // "el próximo junio" → +1 year if needed, "este septiembre"
  dayWord: string;                           // "dia", "day": "el día 15"
  dayArticle: string;                        // before a bare day number: "el", "no", "the"
  dayMonthJoin: string;                      // "3 de diciembre"
  yearJoin: string;                          // "3 de diciembre de 2026"
  at: string;                                // before a clock time: "a las", "às", "at"
  after: string;                             // "después de las" → timeRange.from
  before: string;                            // "antes de las" → timeRange.to
  rangeOpen: string;                         // "de", "desde", "from"
  rangeJoin: string;                         // "a", "hasta", "to"
  strongJoin: string;                        // joins that make a range without an opening word: "-", "hasta"
  orLater: string;                           // "(a las 3) o más tarde" → from 3
  orEarlier: string;                         // "(a las 3) o antes" → until 3
  restOfDay: string;                         // "el resto del día" → today, now … 23:59
  between: string;                           // "entre", "between"
  betweenJoin: string;                       // "y", "e", "and"
  hourWord: string;                          // "horas", "h" after a number: "15 horas"
  oclock: string;                            // "en punto", "o'clock"
  half: string;                              // "y media", "e meia"
  quarterPast: string;                       // "y cuarto"
  minus: string;                             // "menos" (9 menos cuarto)
  minutesTo: string;                         // "(quince) para (las nueve)", "(quarter) to (nine)"
  minutesPast: string;                       // "(veinte) pasadas (las ocho)", "(ten) past (nine)"
  quarter: string;                           // "cuarto", "quarter"
  noon: string;
  midnight: string;
  inFuture: string;                          // "en", "dentro de", "daqui a", "in" + amount
  fromNow: string;                           // "(2 hours) from now"
  ago: string;                               // prefix: "hace", "há"
  agoSuffix: string;                         // suffix: "atrás", "ago"
  units: [string, Unit][];
  aHalfHour: string;                         // "media hora", "meia hora", "half an hour"
  oneWord: string;                           // "un", "una", "uma", "an", "a": "en una hora"
  nextN: string;                             // "los próximos (3 días)", "next (3 days)"
  now: string;
  notTime: string;                           // words that make a number NOT a time: personas, %, minutos…
  yearRel: [string, number][];               // "(junio) del próximo año" → +1
  holidays: [string, number, number][];      // fixed-date holidays only: regex, month, day
  every: string;                             // "todos los", "cada", "every": a recurrence, not a date
  wordClockFollow?: string;                  // pt: words that may follow "as duas" for it to be a time
  glue: string;                              // words allowed between parts of one mention
  noPod: string;                             // greetings that are not parts of day: "buenas noches"
}

export function alt(words: Iterable<string>): string {
  return [...words].sort((a, b) => b.length - a.length).join('|');
}
