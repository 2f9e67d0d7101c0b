/**
 * Periods built on other units: "la primera semana de diciembre", "o último sábado do mês",
 * "a principios de la semana que viene", "no final do mês", "end of next week", "28/2-1/3".
 * Splits follow Recognizers-Text: early week = Mon–Wed, mid week = Tue–Fri, late week = Thu–Sun;
 * early month = 1–15, mid = 10–20, late = 16–end; early year = Jan–Jun, late = Jul–Dec.
 */
import { rule, type Ctx, type Partial, type Rule } from './atoms';
import { addMonths, daysInMonth, futureMonthDay, nthWeekdayOfMonth, parts, plusDays, weekdayIndex, weekStart, ymd, type DateRange } from './calendar';
import type { Lexicon } from './lexicon';
import { B, E, keys, lookup, monthToken, numWord, parseMonth, parseNumber, parseYear, yearToken } from './words';

const NTH: Record<string, number> = {
  primer: 1, primera: 1, primero: 1, primeira: 1, primeiro: 1, first: 1, '1a': 1, '1o': 1, '1st': 1, '1er': 1, '1ra': 1,
  segunda: 2, segundo: 2, second: 2, '2a': 2, '2o': 2, '2nd': 2, tercera: 3, tercer: 3, tercero: 3, terceira: 3, terceiro: 3,
  third: 3, '3a': 3, '3o': 3, '3rd': 3, cuarta: 4, cuarto: 4, quarta: 4, quarto: 4, fourth: 4, '4a': 4, '4th': 4,
  quinta: 5, quinto: 5, fifth: 5, '5a': 5, ultima: -1, ultimo: -1, last: -1,
};

type Part = 'early' | 'mid' | 'late';
const PARTS: [string, Part][] = [
  ['mas\\s+temprano|earlier|primeros|principios|comienzos|inicios|comienzo|principio|inicio|comeco|(?:los\\s+|os\\s+)?primeros\\s+dias|(?:os\\s+)?primeiros\\s+dias|(?:la\\s+|a\\s+)?primera\\s+mitad|(?:a\\s+)?primeira\\s+metade|early|(?:the\\s+)?(?:beginning|start)|(?:the\\s+)?first\\s+half', 'early'],
  ['mediados|meados|(?:la\\s+)?mitad|(?:o\\s+)?meio|mid-?|(?:the\\s+)?middle', 'mid'],
  ['mas\\s+tarde|later|ultimos|finales|fines|final|fin|fim|(?:los\\s+|os\\s+)?ultimos\\s+dias|(?:la\\s+)?segunda\\s+mitad|(?:a\\s+)?segunda\\s+metade|late|(?:the\\s+)?end|(?:the\\s+)?second\\s+half', 'late'],
];

interface Ref { unit: 'week' | 'month' | 'year'; range: DateRange }

function monthRef(y: number, mo: number): Ref {
  return { unit: 'month', range: { from: ymd(y, mo, 1)!, to: ymd(y, mo, daysInMonth(y, mo))! } };
}

/** A week, month or year named after "de"/"do"/"of": "la semana que viene", "julio de 2027", "este año", "2015". */
function refSource(lex: Lexicon): { src: string; parse(m: RegExpExecArray, at: number, c: Ctx): Ref | null } {
  const MON = monthToken(lex);
  const YEAR = yearToken(lex);
  const weeks = keys(lex.weeks);
  const months = keys(lex.monthRel);
  const src = `(?:(${weeks})|(${months})|(?:(?:el|o|the)\\s+)?(${MON})(?:\\s*(?:de|del|,)?\\s*(${YEAR}))?|(${keys(lex.yearRel)})|(${YEAR})|(?:(?:la|a|the|this)\\s+)?(semana|week)|(?:(?:el|o|the|this)\\s+)?(mes|month)|(?:(?:el|o|the|this)\\s+)?(ano|year))`;
  return {
    src,
    parse(m, at, c) {
      const [ty, tm] = parts(c.today);
      const g = (i: number) => m[at + i];
      if (g(0) !== undefined) {
        const off = lookup(lex.weeks, g(0)!) ?? 0;
        const from = plusDays(weekStart(c.today), 7 * off);
        return { unit: 'week', range: { from, to: plusDays(from, 6) } };
      }
      if (g(1) !== undefined) {
        const [y, mo] = parts(addMonths(`${c.today.slice(0, 8)}01`, lookup(lex.monthRel, g(1)!) ?? 0));
        return monthRef(y, mo);
      }
      if (g(2) !== undefined) {
        const mo = parseMonth(g(2)!, lex);
        if (mo === null) return null;
        const y = g(3) !== undefined ? parseYear(g(3)!, lex, c.today) : mo >= tm ? ty : ty + 1;
        return y === null ? null : monthRef(y, mo);
      }
      const year = g(4) !== undefined ? ty + (lookup(lex.yearRel, g(4)!) ?? 0) : g(5) !== undefined ? parseYear(g(5)!, lex, c.today) : g(8) !== undefined ? ty : null;
      if (year !== null) return { unit: 'year', range: { from: ymd(year, 1, 1)!, to: ymd(year, 12, 31)! } };
      if (g(6) !== undefined) return { unit: 'week', range: { from: weekStart(c.today), to: plusDays(weekStart(c.today), 6) } };
      if (g(7) !== undefined) return monthRef(ty, tm);
      return null;
    },
  };
}

function partOf(ref: Ref, p: Part): DateRange {
  const { from, to } = ref.range;
  if (ref.unit === 'week') return p === 'early' ? { from, to: plusDays(from, 2) } : p === 'mid' ? { from: plusDays(from, 1), to: plusDays(from, 4) } : { from: plusDays(from, 3), to };
  if (ref.unit === 'month') {
    const [y, mo] = parts(from);
    return p === 'early' ? { from, to: ymd(y, mo, 15)! } : p === 'mid' ? { from: ymd(y, mo, 10)!, to: ymd(y, mo, 20)! } : { from: ymd(y, mo, 16)!, to };
  }
  const [y] = parts(from);
  return p === 'early' ? { from, to: ymd(y, 6, 30)! } : p === 'mid' ? { from: ymd(y, 4, 1)!, to: ymd(y, 9, 30)! } : { from: ymd(y, 7, 1)!, to };
}

/** Week number n (-1 = last) of a month or year: the Monday–Sunday week holding its n-th Thursday. */
function nthWeek(ref: Ref, n: number): DateRange | null {
  const [y, mo] = parts(ref.range.from);
  const thursday = ref.unit === 'month' ? nthWeekdayOfMonth(y, mo, 3, n) : n > 0 ? nthWeekdayOfMonth(y, 1, 3, n) : nthWeekdayOfMonth(y, 12, 3, -1);
  if (thursday === null) return null;
  const from = weekStart(thursday);
  return { from, to: plusDays(from, 6) };
}

export function periodRules(lex: Lexicon): Rule[] {
  const ref = refSource(lex);
  const OF = '(?:de|del|do|da|dos|das|of)';
  const NTHS = Object.keys(NTH).join('|');
  const WD = keys(lex.weekdays);
  const rules: Rule[] = [];
  const range = (r: DateRange | null, unit: Partial['unit'] = 'span'): Partial | null => (r === null ? null : { kind: 'range', range: r, unit });

  // la primera semana de diciembre, a terceira semana do próximo ano, the last week of July
  rules.push(rule(`${B}(?:(?:la|a|the|na|en\\s+la)\\s+)?(${NTHS})\\s+(?:semana|week)\\s+(?:${OF}\\s+)?${ref.src}${E}`, 5, (m, c) => {
    const r = ref.parse(m, 2, c);
    return r === null || r.unit === 'week' ? null : range(nthWeek(r, NTH[m[1]!]!), 'week');
  }));
  // el primer viernes de julio, a primeira sexta deste mês, the last Friday of the month
  rules.push(rule(`${B}(?:(?:el|la|o|a|the|na|no)\\s+)?(${NTHS})\\s+(${WD})\\s+(?:${OF}\\s+)?${ref.src}${E}`, 5, (m, c) => {
    const r = ref.parse(m, 3, c);
    const wd = lookup(lex.weekdays, m[2]!);
    if (r === null || r.unit !== 'month' || wd === undefined) return null;
    const [y, mo] = parts(r.range.from);
    const d = nthWeekdayOfMonth(y, mo, wd, NTH[m[1]!]!);
    return d === null ? null : { kind: 'day', date: d, explicit: true };
  }));
  // a principios de la semana que viene, no final do mês, end of next week, mid-March
  for (const [src, p] of PARTS) {
    rules.push(rule(`${B}(?:(?:a|al|ao|a\\s+la|em|no|na|en|por|at|in|by|towards?)\\s+(?:the\\s+)?)?(?!(?:fin|final|fim)\\s+de\\s+semana${E})(?:${src})(?:\\s*${OF}\\s+|\\s+|(?<=-))${ref.src}${E}`, 5, (m, c) => {
      const r = ref.parse(m, 1, c);
      if (r === null) return null;
      const part = partOf(r, p);
      // "más tarde este mes", "later this week": the late part, but not before today
      if (/^(?:\S+\s+)?(?:the\s+)?(?:mas\s+tarde|later)(?![a-z])/.test(m[0]) && part.from < c.today && c.today <= part.to) {
        return range({ from: c.today, to: part.to });
      }
      return range(part);
    }));
  }
  // las primeras 2 semanas de 2021, as últimas 3 semanas deste ano, los primeros diez días del mes
  const N = `(?:\\d{1,2}|${numWord(lex)})`;
  rules.push(rule(`${B}(?:(?:las|los|as|os|the|n?as|n?os)\\s+)?(primeras|primeros|primeiras|primeiros|first|ultimas|ultimos|last)\\s+(${N})\\s+(semanas|weeks|dias|days)\\s+(?:${OF}\\s+)?${ref.src}${E}`, 5, (m, c) => {
    const r = ref.parse(m, 4, c);
    const n = parseNumber(m[2]!, lex);
    if (r === null || n === null || n < 1 || r.unit === 'week') return null;
    const first = /^(?:prim|first)/.test(m[1]!);
    if (/^(?:dia|day)/.test(m[3]!)) {
      return range(first ? { from: r.range.from, to: plusDays(r.range.from, n - 1) } : { from: plusDays(r.range.to, 1 - n), to: r.range.to });
    }
    const edge = nthWeek(r, first ? 1 : -1);
    if (edge === null) return null;
    return range(first ? { from: edge.from, to: plusDays(edge.from, 7 * n - 1) } : { from: plusDays(edge.from, -7 * (n - 1)), to: edge.to });
  }));
  // 28/2-1/3, 10/1-11/2/2017
  rules.push(rule(`${B}(?<![\\d.,/])(\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?\\s*-\\s*(\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?(?![\\d/])`, 6, (m, c) => {
    const y2 = m[6] === undefined ? null : parseYear(m[6].length === 2 ? `'${m[6]}` : m[6], lex, c.today);
    const y1 = m[3] === undefined ? y2 : parseYear(m[3].length === 2 ? `'${m[3]}` : m[3], lex, c.today);
    const from = y1 !== null ? ymd(y1, Number(m[2]), Number(m[1])) : futureMonthDay(c.today, Number(m[2]), Number(m[1]));
    if (from === null) return null;
    let to = ymd(y2 ?? parts(from)[0], Number(m[5]), Number(m[4]));
    if (to !== null && to < from && y2 === null) to = ymd(parts(from)[0] + 1, Number(m[5]), Number(m[4]));
    return to === null || to < from ? null : range({ from, to });
  }));
  // los próximos 4 días hábiles, os próximos 3 dias úteis, the next 2 business days, los 4 días de trabajo siguientes:
  // Monday–Friday days after today, the range up to the Nth ("todos los días laborables" is a recurrence)
  const WORKDAYS = '(?:dias\\s+(?:habiles|laborables|laborales|de\\s+trabajo|uteis|laborais)|(?:business|working|work)\\s+days)';
  rules.push(rule(`${B}(?:(?:${lex.nextN})\\s+(${N})\\s+${WORKDAYS}|(?:(?:los|las|os|as|the)\\s+)?(${N})\\s+${WORKDAYS}\\s+(?:siguientes|seguintes|following|proximos))${E}`, 5, (m, c) => {
    const n = parseNumber(m[1] ?? m[2]!, lex);
    return n === null || n < 1 || n > 60 ? null : range(businessDays(c.today, n));
  }));
  return rules;
}

/** The `n` Monday–Friday days after `today`, as a range from the first to the last. */
function businessDays(today: string, n: number): DateRange {
  const next = (d: string) => {
    let x = plusDays(d, 1);
    while (weekdayIndex(x) > 4) x = plusDays(x, 1);
    return x;
  };
  const from = next(today);
  let to = from;
  for (let i = 1; i < n; i++) to = next(to);
  return { from, to };
}
