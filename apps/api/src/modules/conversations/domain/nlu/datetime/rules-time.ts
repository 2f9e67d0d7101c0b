/** Rules for clock times, time ranges, relative instants ("in 2 hours") and "now". */
import { rule, type Ctx, type Partial, type Rule } from './atoms';
import { addMonths, plusDays } from './calendar';
import { clockGrammar, parseClock, type Clock } from './clock';
import type { Lexicon, Unit } from './lexicon';
import { B, E, MER, keys, lookup, numWord, parseNumber } from './words';

const MINUTE = 60_000;

function amount(s: string, lex: Lexicon): number | null {
  if (new RegExp(`^(?:${lex.oneWord})$`).test(s)) return 1;
  return parseNumber(s, lex);
}

/** A point in time `n` units away from now: an instant for minutes/hours, a day otherwise. */
function shifted(n: number, unit: Unit, c: Ctx): Partial {
  if (unit === 'minute' || unit === 'hour') return { kind: 'instant', instant: c.now + n * (unit === 'hour' ? 60 : 1) * MINUTE };
  if (unit === 'month' || unit === 'year') return { kind: 'day', date: addMonths(c.today, unit === 'year' ? 12 * n : n) };
  return { kind: 'day', date: plusDays(c.today, unit === 'week' ? 7 * n : n) };
}

function h24(totalMinutes: number): Clock {
  const m = ((totalMinutes % 1440) + 1440) % 1440;
  return { h: Math.floor(m / 60), m: m % 60, h24: true, strong: true };
}

export function timeRules(lex: Lexicon): Rule[] {
  const CLOCK = clockGrammar(lex).source;
  const AT = lex.at;
  const NOT = `(?!\\s*(?:${lex.notTime})(?![a-z]))`;
  const notMoney = '(?<![$€£]\\s?)(?<![\\d.,/])';
  const follow = lex.wordClockFollow === undefined ? '' : `(?=\\s*$|\\s*[.,;:!?)]|\\s+(?:${lex.wordClockFollow})(?![a-z]))`;
  const rules: Rule[] = [];

  // a las 5, às 15h, at 5pm, 9h30, meio-dia, a las siete y media, quinze para as nove (de la tarde)
  const POD = keys(lex.pods);
  rules.push(rule(`${B}(?:(${AT})\\s+)?${notMoney}(${CLOCK})(?:\\s+(${POD}))?${E}${NOT}`, 2, (m) => {
    const parsed = parseClock(m[2]!, lex);
    if (parsed === null) return null;
    const pod = m[3] === undefined ? undefined : lookup(lex.pods, m[3]);
    const clock: Clock = pod === undefined ? parsed : { ...parsed, pod, strong: true };
    if (!clock.strong && m[1] === undefined) return clock.hours ? { kind: 'time', clock, weak: true } : null;
    // "as duas (filhas)", "a uma (festa)", "las 2 (últimas alarmas)": a bare number after a mere article
    // (or a pt number word) is a time only when a time-like word or the end follows
    const articleOnly = m[1] !== undefined && /^(?:las|la|as|a|the)$/.test(m[1]);
    const needsFollow = !clock.strong && follow !== '' && (articleOnly || (lex.lang === 'pt' && /^[a-z]/.test(m[2]!)));
    if (needsFollow && !new RegExp(`^${follow}`).test(m.input.slice(m.index + m[0].length))) return null;
    return pod === undefined ? { kind: 'time', clock } : { kind: 'time', clock, pod };
  }));

  // "for 10 tomorrow", "para 10 mañana", "para 3 amanhã": a bare 1–12 after for/para/pra is a time only
  // next to a day or part of day (weak), never after a party-size noun nor with another time later in the same clause
  const PARTY = '(?:mesa|mesas|table|tables|reserva|reservas|reservation|booking|lugar|lugares|seats?|spots?|asientos?|cupos?)';
  rules.push(rule(`${B}(?<!${PARTY}\\s+)(?:for|para|pra)\\s+${notMoney}(\\d{1,2})${E}${NOT}(?!\\s*[:.,/-]\\s*\\d|\\s*(?:${MER}|${lex.hourWord}|${lex.oclock})${E}|\\s+(?:y|e|and|de|del|of)\\s)(?!(?:(?!\\s(?:o|or|ou|y|and|e)\\s)[^.?!,;])*(?<![a-z])(?:${AT})\\s+\\d)`, 1, (m) => {
    const h = Number(m[1]);
    return h >= 1 && h <= 12 ? { kind: 'time', clock: { h, m: 0, strong: false }, weak: true } : null;
  }));

  // SGD-style "afternoon 3", "evening 5:15", "at night 8:45", "morning 10"
  rules.push(rule(`${B}(${POD})\\s*,?\\s+(\\d{1,2}(?:[:.]\\d{2})?(?:\\s*${MER})?)(?![0-9:])${E}${NOT}`, 2, (m) => {
    const c = withPod(m[2]!, m[1]);
    return c === null ? null : { kind: 'time', clock: { ...c, strong: true }, pod: c.pod };
  }));

  // after / before ("después de las 5", "antes do meio-dia", "after 5pm")
  const withPod = (clockText: string, podText: string | undefined): Clock | null => {
    const c = parseClock(clockText, lex);
    const pod = podText === undefined ? undefined : lookup(lex.pods, podText);
    return c === null ? null : pod === undefined ? c : { ...c, pod };
  };
  const END = `(?:\\s+(${POD}))?${E}${NOT}`;
  rules.push(rule(`${B}(?:${lex.after})\\s+${notMoney}(${CLOCK})${END}`, 3, (m) => {
    const from = withPod(m[1]!, m[2]);
    if (from === null) return null;
    const noon = from.h24 === true && from.h === 12 && from.m === 0;
    return { kind: 'trange', from, pod: from.pod ?? (noon ? 'afternoon' : undefined) };
  }));
  rules.push(rule(`${B}(?:${lex.before})\\s+${notMoney}(${CLOCK})${END}`, 3, (m) => {
    const to = withPod(m[1]!, m[2]);
    if (to === null) return null;
    const noon = to.h24 === true && to.h === 12 && to.m === 0;
    return { kind: 'trange', to, pod: to.pod ?? (noon ? 'morning' : undefined) };
  }));

  // a las 3 pm o más tarde / às 15h ou mais tarde / 3pm or later (or earlier)
  rules.push(rule(`${B}(?:(?:${AT})\\s+)?${notMoney}(${CLOCK})(?:\\s+(${POD}))?\\s+(?:(${lex.orLater})|${lex.orEarlier})${E}`, 3, (m) => {
    const c = withPod(m[1]!, m[2]);
    if (c === null) return null;
    return m[3] !== undefined ? { kind: 'trange', from: c, pod: c.pod } : { kind: 'trange', to: c, pod: c.pod };
  }));
  // el resto del día, o resto do dia, the rest of the day
  rules.push(rule(`${B}(?:${lex.restOfDay})${E}`, 3, (_m, c) => ({ kind: 'trange', date: c.today, from: h24(c.nowMin), to: h24(23 * 60 + 59) })));

  // entre las 3 y las 5, between 2 and 4pm, de 5 a 6 pm, desde las 3 de la mañana hasta las 5pm,
  // 4pm-5pm. Without an opening word only "-", "hasta", "até", "to"… join ("el 15 a las 8" is a day and a time).
  const noDay = `(?<!(?:${lex.dayArticle}|${lex.dayWord}|dia|day)\\s+)`;
  const noDayNorWeekday = `(?<!(?:${lex.dayArticle}|${lex.dayWord}|dia|day|${keys(lex.weekdays)})\\s+)`;
  const span = (open: string | null, join: string, prio: number, needMarker = false): Rule =>
    rule(`${B}${open === null ? `${needMarker ? noDayNorWeekday : noDay}()(?:(${AT})\\s+)?` : `(${open})\\s+(?:(${AT})\\s+)?`}${notMoney}(${CLOCK})(?:\\s+(${POD}))?\\s*(?:${join})\\s*(?:(?:${AT})\\s+)?(${CLOCK})${END}`, prio, (m) => {
      const from = withPod(m[3]!, m[4]);
      const to = withPod(m[5]!, m[6]);
      if (from === null || to === null) return null;
      if (needMarker && to.mer === undefined && to.pod === undefined) return null;
      if (m[1] !== undefined && /^(?:del|do|dos)$/.test(m[1])) return null; // "del 3 al 12": days
      // "entre 3 y 5", "de 10 a 12", "from 2 to 4" are times when nothing else follows ("de 1 a 5
      // estrelas" is not); a bare "3-8" needs a day or part of day next to it
      const bare = !from.strong && !to.strong && !m[2] && from.pod === undefined && to.pod === undefined;
      if (bare && m[1] && follow !== '' && !new RegExp(`^${follow}`).test(m.input.slice(m.index + m[0].length))) return null;
      const weak = bare && !m[1];
      return { kind: 'trange', from, to, weak, pod: to.pod ?? from.pod };
    });
  rules.push(span(lex.between, lex.betweenJoin, 4));
  rules.push(span(lex.rangeOpen, lex.rangeJoin, 3));
  rules.push(span(null, lex.strongJoin, 3));
  rules.push(span(null, lex.rangeJoin, 2, true)); // "5 a 6 p.m.", "las cinco a las siete de la mañana"

  // en 2 horas, dentro de 2 horas, daqui a 2 horas, em meia hora, in 2 hours, 2 hours from now
  const N = `(?:\\d{1,3}|${numWord(lex)}|${lex.oneWord})`;
  const UNITS = keys(lex.units);
  rules.push(rule(`${B}(?:${lex.inFuture})\\s+(?:(?:unos|unas|uns|umas|about|around|cerca\\s+de)\\s+)?(?:(${N})\\s+(${UNITS})|(${lex.aHalfHour}))(?:\\s+(?:${lex.fromNow}))?${E}`, 3, (m, c) => {
    if (m[3] !== undefined) return shifted(30, 'minute', c);
    const n = amount(m[1]!, lex);
    const unit = lookup(lex.units, m[2]!);
    return n === null || unit === undefined || n > 999 ? null : shifted(n, unit, c);
  }));
  rules.push(rule(`${B}(${N})\\s+(${UNITS})\\s+(?:${lex.fromNow})${E}`, 3, (m, c) => {
    const n = amount(m[1]!, lex);
    const unit = lookup(lex.units, m[2]!);
    return n === null || unit === undefined ? null : shifted(n, unit, c);
  }));
  // hace 3 días, há 2 dias, 2 days ago
  rules.push(rule(`${B}(?:(?:${lex.ago})\\s+(${N})\\s+(${UNITS})|(${N})\\s+(${UNITS})\\s+(?:${lex.agoSuffix}))${E}`, 3, (m, c) => {
    const n = amount(m[1] ?? m[3]!, lex);
    const unit = lookup(lex.units, m[2] ?? m[4]!);
    return n === null || unit === undefined ? null : shifted(-n, unit, c);
  }));
  // los próximos 3 días, next 2 weeks, as próximas 3 horas, la próxima hora, los 2 días siguientes
  const nextRange = (n: number, unit: Unit, c: Ctx): Partial | null => {
    if (unit === 'minute' || unit === 'hour') {
      return { kind: 'trange', date: c.today, from: h24(c.nowMin), to: h24(c.nowMin + n * (unit === 'hour' ? 60 : 1)) };
    }
    if (n < 2 && unit !== 'day') return null; // "la próxima semana / el próximo mes" are calendar units
    const last = unit === 'month' || unit === 'year' ? addMonths(c.today, unit === 'year' ? 12 * n : n) : plusDays(c.today, unit === 'week' ? 7 * n : n);
    return { kind: 'range', range: { from: plusDays(c.today, 1), to: last }, unit: 'span' };
  };
  rules.push(rule(`${B}(?:${lex.nextN})\\s+(?:(${N})\\s+)?(${UNITS})${E}`, 3, (m, c) => {
    const n = m[1] === undefined ? 1 : amount(m[1], lex);
    const unit = lookup(lex.units, m[2]!);
    if (n === null || unit === undefined || n < 1 || (m[1] === undefined && unit !== 'hour' && unit !== 'minute')) return null;
    return nextRange(n, unit, c);
  }));
  rules.push(rule(`${B}(?:(?:los|las|os|as|the)\\s+)?(${N})\\s+(?:(?:${lex.nextN})\\s+)?(${UNITS})\\s+(?:siguientes|seguintes|following|proximos|proximas)${E}`, 3, (m, c) => {
    const n = amount(m[1]!, lex);
    const unit = lookup(lex.units, m[2]!);
    return n === null || unit === undefined || n < 1 ? null : nextRange(n, unit, c);
  }));
  // en menos de 2 semanas, dentro de menos de 4 días, em menos de 3 dias, in less than 2 hours
  rules.push(rule(`${B}(?:${lex.inFuture})\\s+(?:menos\\s+de|less\\s+than)\\s+(${N})\\s+(${UNITS})${E}`, 4, (m, c) => {
    const n = amount(m[1]!, lex);
    const unit = lookup(lex.units, m[2]!);
    return n === null || unit === undefined || n < 1 ? null : nextRange(n, unit, c);
  }));
  // dentro de tres semanas a partir de mañana, in 2 weeks from tomorrow: counted from that day
  rules.push(rule(`${B}(?:${lex.inFuture})\\s+(${N})\\s+(${UNITS})\\s+(?:a\\s+partir\\s+d[eo]|despues\\s+de|depois\\s+de|from|after)\\s+(${keys(lex.relDays)})${E}`, 4, (m, c) => {
    const n = amount(m[1]!, lex);
    const unit = lookup(lex.units, m[2]!);
    const off = lookup(lex.relDays, m[3]!);
    if (n === null || off === undefined || (unit !== 'day' && unit !== 'week')) return null;
    return { kind: 'day', date: plusDays(c.today, off + (unit === 'week' ? 7 * n : n)) };
  }));
  for (const [src, pod] of lex.pods) {
    rules.push(rule(`${B}(?<!(?:${lex.noPod})\\s+)(?:${src})${E}`, 2, () => ({ kind: 'pod', pod })));
  }
  rules.push(rule(`${B}(?:${lex.now})${E}`, 1, (_m, c) => ({ kind: 'instant', instant: c.now })));
  return rules;
}
