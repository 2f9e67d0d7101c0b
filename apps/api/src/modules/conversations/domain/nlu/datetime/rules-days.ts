/** Rules for weekdays, relative days, weeks, weekends, months and fixed-date holidays. */
import { rule, type Rule } from './atoms';
import { addMonths, futureWeekdayDay, parts, plusDays, weekStart, ymd } from './calendar';
import type { Lexicon } from './lexicon';
import { day, dayMonth, monthAtom, range, yearOf } from './rules-date';
import { B, E, MER, keys, lookup, monthToken, weekdayAbbrToken, yearToken } from './words';

export function dayRules(lex: Lexicon): Rule[] {
  const MON = monthToken(lex);
  const YEAR = yearToken(lex);
  const YREL = keys(lex.yearRel);
  const WD = keys(lex.weekdays);
  const WDA = weekdayAbbrToken(lex);
  const EVERY = new RegExp(`(?:${lex.every})\\s+$`);
  const after = (m: RegExpExecArray, re: RegExp) => re.test(m.input.slice(Math.max(0, m.index - 16), m.index));
  const rules: Rule[] = [];

  // weekdays: (el próximo) viernes (21) (que viene)
  const PRE = keys(lex.weekdayPre);
  const POST = keys(lex.weekdayPost);
  const notOrdinal = '(?!\\s+(?:vez|vezes|semana|quinzena|metade|parte|opcao|opcion|colocad|classe|serie|mao|ano|lugar|vuelta))';
  rules.push(rule(`${B}(?:(${PRE})\\s+)?(${WD}|${WDA})(?:,?\\s+(\\d{1,2})(?![0-9]|\\s*(?:[:h.]\\d|${MER}|h(?![a-z])|(?:${lex.hourWord})(?![a-z]))|[/.-]\\d|${lex.dayMonthJoin}${MON}${E}))?(?:\\s+(${POST}))?${E}${notOrdinal}`, 4, (m, c) => {
    if (after(m, EVERY)) return null; // "todos los viernes" is a recurrence
    const wd = lookup(lex.weekdays, m[2]!) ?? lookup(lex.weekdayAbbr, m[2]!.replace(/\.$/, ''));
    if (wd === undefined) return null;
    if (m[3] !== undefined) return day(futureWeekdayDay(c.today, wd, Number(m[3])));
    const pre = m[1] !== undefined ? lookup(lex.weekdayPre, m[1]) : undefined;
    const post = m[4] !== undefined ? lookup(lex.weekdayPost, m[4]) : undefined;
    const mode = pre === 'this' && post === 'lastWeek' ? 'last' : post ?? pre ?? 'bare'; // "este miércoles pasado"
    return { kind: 'day', wd, wdMode: mode };
  }));

  for (const [src, off] of lex.relDays) rules.push(rule(`${B}(?:${src})${E}`, 2, (_m, c) => day(plusDays(c.today, off), false)));
  for (const [src, off, pod] of lex.dayPods) rules.push(rule(`${B}(?:${src})${E}`, 3, (_m, c) => ({ kind: 'pod', pod, date: plusDays(c.today, off) })));
  for (const [src, off] of lex.weeks) {
    rules.push(rule(`${B}(?:${src})${E}`, 3, (_m, c) => {
      const from = plusDays(weekStart(c.today), 7 * off);
      return range(from, plusDays(from, 6), 'week');
    }));
  }
  // la semana 31 (de 2018), week 27 of last year: ISO weeks (Monday of the week holding 4 January)
  rules.push(rule(`${B}(?:(?:la|a|the|na|en\\s+la)\\s+)?(?:semana|week)\\s+(?:n(?:o|umero|r)\\.?\\s*)?(\\d{1,2})(?:(?:\\s+(?:de|del|do|of))?\\s+([12]\\d{3})|\\s+(${YREL}))?${E}(?!\\s*${MER}|\\s*(?:h|hs|horas|hours|o'?clock)${E}|[:.]\\d)`, 3, (m, c) => {
    const n = Number(m[1]);
    const y = m[2] !== undefined ? Number(m[2]) : parts(c.today)[0] + (m[3] !== undefined ? (lookup(lex.yearRel, m[3]) ?? 0) : 0);
    if (n < 1 || n > 53) return null;
    const from = plusDays(weekStart(ymd(y, 1, 4)!), 7 * (n - 1));
    return range(from, plusDays(from, 6), 'week');
  }));
  rules.push(rule(`${B}(?:${lex.restOfWeek})${E}`, 3, (_m, c) => range(c.today, plusDays(weekStart(c.today), 6), 'span')));
  for (const [src, off] of lex.weekends) {
    rules.push(rule(`${B}(?:${src})${E}`, 3, (m, c) => {
      if (after(m, EVERY) || after(m, /(?:^|\s)los\s$/)) return null; // "los fines de semana"
      const sat = plusDays(weekStart(c.today), 5 + 7 * off);
      const from = off === 0 && c.today > sat ? c.today : sat;
      return range(from, plusDays(sat, 1), 'weekend');
    }));
  }
  for (const [src, off] of lex.monthRel) {
    rules.push(rule(`${B}(?:${src})${E}`, 3, (_m, c) => {
      const [y, mo] = parts(addMonths(`${c.today.slice(0, 8)}01`, off));
      return monthAtom(y, mo);
    }));
  }
  for (const [src, mo, d] of lex.holidays) {
    rules.push(rule(`${B}(?:${src})(?:${lex.yearJoin}(${YEAR}))?${E}`, 3, (m, c) => day(dayMonth(d, mo, yearOf(m[1], undefined, lex, c.today), c.today))));
  }
  return rules;
}
