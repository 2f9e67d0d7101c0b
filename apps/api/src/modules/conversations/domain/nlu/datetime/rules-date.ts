/** Rules for written dates and day ranges. Each rule matches folded text and builds atoms (atoms.ts). */
import { rule, type Ctx, type Partial, type Rule } from './atoms';
import { addMonths, expandYear, futureDayOfMonth, futureMonthDay, monthRange, parts, weekdayIndex, ymd } from './calendar';
import type { Lexicon } from './lexicon';
import { B, E, MER, dayToken, keys, lookup, monthToken, parseDay, parseMonth, parseYear, weekdayAbbrToken, yearToken } from './words';

export function day(date: string | null, explicit = true, noYear = false): Partial | null {
  return date === null ? null : noYear ? { kind: 'day', date, explicit, noYear } : { kind: 'day', date, explicit };
}

export function range(from: string, to: string, unit: Partial['unit']): Partial {
  return { kind: 'range', range: { from, to }, unit };
}

/** Year-relative suffix ("del próximo año") → absolute year, or null. */
export function yearOf(yearText: string | undefined, relText: string | undefined, lex: Lexicon, today: string): number | null {
  if (yearText !== undefined) return parseYear(yearText, lex, today);
  if (relText !== undefined) return parts(today)[0] + (lookup(lex.yearRel, relText.trim()) ?? 0);
  return null;
}

/**
 * "este 12/05", "this 12 May" (a weekday may sit between): the current year's date even when it
 * is past — "este" pins the year; without it a day and month is the next occurrence.
 */
function pinnedYear(m: RegExpExecArray, today: string): number | null {
  return /(?:^|[^a-z])(?:este|esta|neste|nesta|this)\s+(?:[a-z]+[.,]?\s+)?$/.test(m.input.slice(Math.max(0, m.index - 24), m.index)) ? parts(today)[0] : null;
}

/** A day and month, with a year when given, else the next occurrence on or after today. */
export function dayMonth(d: number, m: number, y: number | null, today: string): string | null {
  return y !== null ? ymd(y, m, d) : futureMonthDay(today, m, d);
}

export function dateRules(lex: Lexicon): Rule[] {
  const DAY = dayToken(lex);
  const MON = monthToken(lex);
  const YEAR = yearToken(lex);
  const YREL = keys(lex.yearRel);
  const WD = keys(lex.weekdays);
  const WDA = weekdayAbbrToken(lex);
  const yearPart = `(?:(?:${lex.yearJoin}|\\s*[-/]\\s*|\\s+(?:en|in|em)\\s+(?=[12]\\d{3}))(${YEAR})|\\s+(${YREL}))?`;
  const NOT = `(?!\\s*(?:${lex.notTime})(?![a-z]))`;
  const rules: Rule[] = [];

  // 21/04/2016, 4/22, 2015/08/12, 13.5.2015, 3-7-2017, 2015/3 (a month)
  rules.push(rule(`${B}(?<![\\d.,/$€£+:])(?<!(?:^|[^\\d])\\d{1,3}-)(\\d{1,4})([/.-])(\\d{1,2})(?:\\2(\\d{4}|\\d{2})|,(\\d{4}|\\d{2})(?![\\d:.h]))?(?![0-9a-z%]|[.,/:]\\d|-\\d{1,2}(?![/.-]\\d))${NOT}`, 5, (m, c) => {
    const [a, sep, b, y] = [m[1]!, m[2]!, Number(m[3]), m[4] ?? m[5]];
    if (a.length === 4) {
      if (y === undefined) return b >= 1 && b <= 12 ? monthAtom(Number(a), b) : null;
      return day(ymd(Number(a), b, Number(y)));
    }
    if (a.length === 3) return null;
    const n = Number(a);
    let [d, mo] = [n, b];
    if (n <= 12 && b > 12) [d, mo] = [b, n]; // unambiguous US order (4/22)
    if (y !== undefined) return day(ymd(expandYear(Number(y), c.today), mo, d));
    if (sep === '.') return null; // 9.30 is a time, 6.45 a number
    if (sep === '-' && n <= 12 && b <= 12) return null; // 3-8 is more often an hour range
    const pinned = pinnedYear(m, c.today);
    return pinned !== null ? day(ymd(pinned, mo, d)) : day(futureMonthDay(c.today, mo, d), true, true);
  }));

  // el 21 del 3, 9 de 8 de 1971 (numeric month after "de"/"del")
  if (lex.lang !== 'en') {
    rules.push(rule(`${B}(\\d{1,2})\\s+(?:(del)|de)\\s+(\\d{1,2})(?:\\s+del?\\s+([12]\\d{3}))?(?![0-9:.h]|\\s*(?:${lex.notTime})(?![a-z]))`, 3, (m, c) => {
      if (m[2] === undefined && m[4] === undefined) return null;
      const [d, mo] = [Number(m[1]), Number(m[3])];
      return m[4] !== undefined ? day(ymd(Number(m[4]), mo, d)) : day(futureMonthDay(c.today, mo, d), true, true);
    }));
  }

  // 3/2015, 11 / 2016, 3~2015: a month
  rules.push(rule(`${B}(?<![\\d.,/-])(\\d{1,2})\\s*[/.~-]\\s*((?:19|20)\\d{2})(?![0-9])`, 4, (m) => {
    const mo = Number(m[1]);
    return mo >= 1 && mo <= 12 ? monthAtom(Number(m[2]), mo) : null;
  }));

  // (lunes) 3 de diciembre (de 2026), 2-Oct, 1º de enero, 3rd of December, veintinueve de mayo
  rules.push(rule(`${B}(?:(${WD}|${WDA})\\.?,?\\s+)?(${DAY})(?:\\s+(?:dia|day))?${lex.dayMonthJoin}(${MON})${yearPart}${E}${NOT}`, 6, (m, c) => {
    const d = parseDay(m[2]!, lex);
    const mo = parseMonth(m[3]!, lex);
    if (d === null || mo === null) return null;
    const y = yearOf(m[4], m[5], lex, c.today) ?? pinnedYear(m, c.today);
    const date = dayMonth(d, mo, y, c.today);
    const wd = m[1] === undefined ? undefined : lookup(lex.weekdays, m[1]) ?? lookup(lex.weekdayAbbr, m[1]);
    if (y !== null || date === null || wd === undefined || weekdayIndex(date) === wd) return day(date, true, y === null);
    // "viernes 15 de junio": this year's date when it is that weekday (even if past), else the next one
    const same = ymd(parts(c.today)[0], mo, d);
    return day(same !== null && weekdayIndex(same) === wd ? same : date);
  }));

  // Dec 3, March 12th, December the 3rd, Mayo veintiuno, set-23-2020
  rules.push(rule(`${B}(${MON})\\s*(?:the\\s+|[-/]\\s*)?(${DAY})(?:(?:${lex.yearJoin}|\\s*[-/]\\s*)(${YEAR}))?${E}${NOT}`, 5, (m, c) => {
    const d = parseDay(m[2]!, lex);
    const mo = parseMonth(m[1]!, lex);
    if (d === null || mo === null) return null;
    const y = yearOf(m[3], undefined, lex, c.today);
    return day(dayMonth(d, mo, y, c.today), true, y === null);
  }));

  // (el próximo) junio (de 2027 | del año que viene), dic. 2018
  const MONTHPRE = keys(lex.monthPre);
  rules.push(rule(`${B}(?:(${MONTHPRE})\\s+)?(?:(${keys(lex.months)})|(${keys(lex.monthAbbr)})\\.?(?=${lex.yearJoin}${YEAR}))${yearPart}${E}${NOT}`, 3, (m, c) => {
    const mo = parseMonth(m[2] ?? m[3]!, lex)!;
    const pre = m[1] === undefined ? undefined : lookup(lex.monthPre, m[1]);
    let y = yearOf(m[4], m[5], lex, c.today);
    if (y === null && pre === undefined && lex.lang === 'en' && !/(?:in|during|for|until|till|from|of|by|early|late|mid|through|since|before|after)\s+$/.test(m.input.slice(0, m.index))) return null;
    const [ty, tm] = parts(c.today);
    if (y === null) {
      if (pre === 0) y = ty;
      else if (pre === -1) y = mo < tm ? ty : ty - 1;
      else if (pre === 1) y = mo > tm ? ty : ty + 1;
      else y = mo >= tm ? ty : ty + 1;
    }
    return monthAtom(y, mo);
  }));

  // el 15, el día 15, no dia 15, the 8th, dia 4 deste mês, 4.º
  const AFTERDAY = keys(lex.monthRelAfterDay);
  const ord = lex.lang === 'en' ? `(?:${lex.ordinalSuffix})` : `${lex.ordinalSuffix}?`;
  const notDate = `(?![/-]\\d|${lex.dayMonthJoin}${MON}${E})`;
  rules.push(rule(`${B}(?:(?:${lex.dayWord}|${lex.dayArticle})\\s+)(\\d{1,2})${ord}(?:\\s+(${AFTERDAY}))?${E}(?!\\s*(?:[:h.]\\d|${MER}|del?\\s+\\d))${notDate}${NOT}`, 3, (m, c) => dayOfMonth(Number(m[1]), m[2], lex, c)));
  if (lex.lang === 'en') {
    rules.push(rule(`${B}(?<!\\d\\s)(\\d{1,2})(?:st|nd|rd|th)(?:\\s+(${AFTERDAY}))?${E}${NOT}`, 2, (m, c) => dayOfMonth(Number(m[1]), m[2], lex, c)));
  }
  // dia 15 (pt/es without article), "day 15"
  const DAYW = lex.lang === 'en' ? '(?!)' : dayToken(lex);
  rules.push(rule(`${B}(?:el\\s+|o\\s+|no\\s+|the\\s+)?(?:dia|day)\\s+(${DAYW})${E}${notDate}(?!\\s*(?:${lex.notTime})(?![a-z]))`, 2, (m, c) => {
    const d = parseDay(m[1]!, lex);
    return d === null || /^\d/.test(m[1]!) ? null : dayOfMonth(d, undefined, lex, c);
  }));
  rules.push(rule(`${B}(?:dia|day)\\s+(\\d{1,2})${E}(?!\\s*(?:[:h.]\\d|${MER}))${notDate}${NOT}`, 2, (m, c) => dayOfMonth(Number(m[1]), undefined, lex, c)));

  // del 3 al 5, do dia 3 ao dia 5, entre os dias 3 e 5: days of this month (next month once past)
  rules.push(rule(`${B}(?:del|do\\s+dia|dos\\s+dias|entre\\s+(?:el|los\\s+dias|os\\s+dias|o\\s+dia))\\s+(\\d{1,2})\\s+(?:al|ao\\s+dia|a|aos|y\\s+el|y|e\\s+o|e)\\s+(\\d{1,2})${E}(?!\\s*(?:de|del|do)\\s|\\s*[/:h.]\\d)${NOT}`, 6, (m, c) => {
    const [d1, d2] = [Number(m[1]), Number(m[2])];
    const end = futureDayOfMonth(c.today, d2);
    if (end === null || d1 > d2) return null;
    const [y, mo] = parts(end);
    const from = ymd(y, mo, d1);
    return from === null ? null : range(from, end, 'span');
  }));

  // del 3 al 12 de septiembre, de 19 a 20 de noviembre, 4-23 del próximo mes, entre 4 y 22 este mes,
  // los días 18 y 19 de junio (two days, not a range)
  const OPEN = `${lex.rangeOpen}|${lex.between}`;
  const JOIN = `${lex.rangeJoin}|${lex.betweenJoin}`;
  const art = '(?:(?:el|los|o|os|the)\\s+)?(?:(?:dia|dias|day|days)\\s+)?';
  rules.push(rule(`${B}(?:(${OPEN})\\s+${art})?(\\d{1,2})${lex.ordinalSuffix}?\\s*(${JOIN})\\s*${art}(\\d{1,2})${lex.ordinalSuffix}?(?:${lex.dayMonthJoin}(${MON})${yearPart}|\\s+(${AFTERDAY}))${E}${NOT}`, 7, (m, c) => {
    const [d1, d2] = [Number(m[2]), Number(m[4])];
    let y: number;
    let mo: number;
    if (m[5] !== undefined) {
      mo = parseMonth(m[5], lex)!;
      const given = yearOf(m[6], m[7], lex, c.today);
      const end = given !== null ? ymd(given, mo, d2) : futureMonthDay(c.today, mo, d2);
      if (end === null) return null;
      y = parts(end)[0];
    } else {
      [y, mo] = parts(addMonths(`${c.today.slice(0, 8)}01`, lookup(lex.monthRelAfterDay, m[8]!) ?? 0));
    }
    const to = ymd(y, mo, d2);
    let from = ymd(y, mo, d1);
    if (d1 > d2) { // "del 28 al 3 de diciembre": the start is in the previous month
      const [py, pm] = parts(addMonths(ymd(y, mo, 1)!, -1));
      from = ymd(py, pm, d1);
    }
    if (from === null || to === null) return null;
    const join = m[3]!;
    const isBetween = m[1] !== undefined && new RegExp(`^(?:${lex.between})$`).test(m[1]);
    if (!isBetween && !new RegExp(`^(?:${lex.rangeJoin})$`).test(join)) {
      const i = m.indices!;
      return [{ ...day(from)!, start: i[2]![0], end: i[2]![1] }, { ...day(to)!, start: i[4]![0], end: m.index + m[0].length }];
    }
    return range(from, to, 'span');
  }));

  return rules;
}

/** A whole calendar month as a range atom. */
export function monthAtom(y: number, mo: number): Partial {
  const r = monthRange(y, mo);
  return range(r.from, r.to, 'month');
}

function dayOfMonth(d: number, rel: string | undefined, lex: Lexicon, c: Ctx): Partial | null {
  if (d < 1 || d > 31) return null;
  if (rel === undefined) {
    const date = futureDayOfMonth(c.today, d);
    return date === null ? null : { ...day(date)!, dom: d };
  }
  const off = lookup(lex.monthRelAfterDay, rel) ?? 0;
  const [y, mo] = parts(addMonths(`${c.today.slice(0, 8)}01`, off));
  return day(ymd(y, mo, d));
}

