/**
 * evaluateDateTimes(dir): scores extractDateTimes on a folder laid out like
 * shared/dialogue-data/dev (the held-out folder has the same file names). Not domain code.
 *
 * 1. Resolution accuracy on datetime_specs_{es,pt}.jsonl (Microsoft Recognizers-Text specs).
 *    `now` = reference_datetime read as wall-clock time in zone 'UTC'.
 *    A case is CORRECT when every expected (in-scope) span is produced by at least one mention:
 *      date          mention.date is one of the expected values (a 1-day dateRange also counts);
 *      daterange     mention.dateRange {from,to} = [start, end]; MS's end bound is exclusive for
 *                    calendar units (2016-W45 → end 11-14 means through 11-13) and, for spans in
 *                    parentheses, sometimes exclusive ("próximos 2 días") and sometimes not
 *                    ("desde el 4 hasta el 22"), so for those both end and end-1 are accepted;
 *                    open ranges ("a partir de mañana") match a date or range with that bound;
 *      time          mention.time = HH:MM (seconds dropped);
 *      timerange     mention.timeRange {from?, to?} as expected; a part of day (TMO, TAF, TEV,
 *                    TNI, TDA) matches mention.partOfDay (TEV: afternoon|evening, TNI:
 *                    evening|night, TDA: morning|night — MS maps Spanish "tarde" to TEV);
 *      datetime      a mention with both the date and the time, or a mention with the time and no
 *                    date plus another mention with the date (the caller combines a dateless
 *                    time with the day said in the same message: "Hoy salgo … de 5 a 7");
 *      datetimerange the same, with the time range or part of day.
 *    Model specs list alternative values (past and future readings, 5:00 and 17:00); any
 *    alternative is accepted. Parser specs give one Timex; when the span has no am/pm or part-of-
 *    day word the hour is ambiguous ("a las 7"), so h and h±12 are both accepted (the product
 *    reads bare 1–7 as pm); a written "12" is noon or midnight, so a spec's T00 accepts 12:00. A case with no expected span is correct when nothing is extracted.
 *    Spans of kinds outside the product's scope are dropped (counted in `droppedSpans`); a case
 *    left with no span is EXCLUDED and counted in `excluded` by the kind of its first span:
 *      duration, set, timezone  — not dates (brief);
 *      unresolvable             — the spec has no value ("not resolved", seasons with {});
 *      noReference              — reference_datetime is null and the value depends on it;
 *      longPeriod               — date ranges longer than 31 days, or open ranges anchored on a
 *                                 year (years, decades, quarters, "2018 o más tarde"): no
 *                                 booking meaning;
 *      crossDayRange            — a date-time range from one day to another ("desde las 4pm de
 *                                 hoy hasta las 5pm de mañana"): DateTimeMention cannot hold it;
 *      foreignHoliday           — holidays that are movable or not kept in Brazil/Argentina/UK/
 *                                 India (Thanksgiving, Easter, Father's Day, Yuandan…);
 *      pastRelative             — every expected value lies before the reference time and the
 *                                 words are relative ("ayer", "la semana pasada", "hace 2 meses",
 *                                 "los últimos 3 minutos"): nobody books in the past. Explicit
 *                                 past dates ("21/04/2016", "12 de enero de 2016") stay in.
 *    `failuresFromDocumentedChoices` tallies failing cases whose expected reading contradicts a
 *    documented product choice ("el próximo domingo" = the coming Sunday, not next week's; "dentro
 *    de 2 horas" = the instant in 2 h, not the range until then; "al final del día" = evening, not
 *    23:59). They are NOT removed from the accuracy.
 * 2. Spanish span F1 on mtod_es_utterances.jsonl, gold = spans with slot `datetime`.
 *    `esSpans` (overlap): a mention and a gold span match when their characters overlap (one-to-
 *    one, greedy in text order); `exactF1`: equal after trimming leading prepositions/articles
 *    ("para", "de", "el"…) and trailing punctuation/space from both. `esSpansInScope` leaves out
 *    gold spans that are durations or recurrences ("por 10 minutos", "cada 5 minutos", "diario")
 *    and predictions overlapping them.
 */
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { extractDateTimes } from '../domain/nlu/datetime/index';
import type { DateTimeMention, Lang, PartOfDay } from '../domain/nlu/types';

async function* readJsonl<T>(path: string): AsyncGenerator<T> {
  const file = createReadStream(path);
  const lines = createInterface({ input: path.endsWith('.gz') ? file.pipe(createGunzip()) : file, crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== '') yield JSON.parse(line) as T;
}

/** `name` in `dir`, plain or gzipped, or undefined when absent. */
function dataFile(dir: string, name: string): string | undefined {
  return [join(dir, name), join(dir, `${name}.gz`)].find((p) => existsSync(p));
}

type Res = Record<string, unknown> & { values?: Record<string, string>[]; Timex?: string; FutureResolution?: Record<string, string> };
interface Span { slot: string; start: number; end: number; value: string; resolution?: Res | null }
interface SpecCase { id: string; spec: string; utterance: string; reference_datetime: string | null; spans: Span[] }
interface MtodRow { utterance: string; spans: { slot: string; start: number; end: number; value: string }[] }

/** One acceptable reading of an expected span. Dates YYYY-MM-DD, times HH:MM. */
interface Alt { date?: string; start?: string; end?: string; time?: string; tfrom?: string; tto?: string; pod?: string; endOpen?: boolean }
interface Expected { slot: string; alts: Alt[]; text: string; timex: string; paren: boolean }

const round = (x: number) => Math.round(x * 10000) / 10000;
const DAY = 86_400_000;
const dayDiff = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);
const minusDay = (d: string) => new Date(Date.parse(d) - DAY).toISOString().slice(0, 10);
const hm = (t: string | undefined) => (t === undefined ? undefined : t.slice(0, 5));
const FOREIGN_HOLIDAY = /pascua|pascoa|semana santa|easter|accion de gracias|thanksgiving|dia del? (?:padre|madre)|dia dos pais|dia das maes|yuandan|viernes negro|black friday|dia de la tierra|earth day|independencia|halloween|valentin|inocentes|carnaval|martin luther|memorial|labor day|mlk|san patricio|st\.? patrick|patrick'?s day/;
const POD: Record<string, PartOfDay[]> = { MO: ['morning'], AF: ['afternoon'], EV: ['afternoon', 'evening'], NI: ['evening', 'night'], DA: ['morning', 'night'], MI: ['afternoon'] };
const MARKER = /\d\s*[ap]\.?\s?m(?![a-z])|(?<![a-z])(?:[ap]\.\s?m\.?|[ap]m)(?![a-z])|(?:la\s+manana|\bmanha|\btarde|noche|madrugada|noite|mediodia|medio dia|meio[- ]?dia|medianoche|meia[- ]?noite|morning|afternoon|evening|night|noon|midnight)\b/;

function fold(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function splitDT(v: string | undefined): [string | undefined, string | undefined] {
  if (v === undefined || v === 'not resolved') return [undefined, undefined];
  const [d, t] = v.split(' ');
  return /^\d{4}-\d{2}-\d{2}$/.test(d ?? '') ? [d, hm(t)] : [undefined, hm(d)];
}

function altsOf(span: Span): Alt[] {
  const r = span.resolution;
  if (!r) return [];
  const pod = /T(MO|AF|EV|NI|DA|MI)\)?$/.exec(r.Timex ?? r.values?.[0]?.timex ?? '')?.[1];
  const rows: Record<string, string>[] = r.values ?? (r.FutureResolution ? [r.FutureResolution] : []);
  const out: Alt[] = [];
  for (const v of rows) {
    const value = v.value ?? v.date ?? v.time ?? v.dateTime;
    const start = v.start ?? v.startDate ?? v.startTime ?? v.startDateTime;
    const end = v.end ?? v.endDate ?? v.endTime ?? v.endDateTime;
    if (value === 'not resolved' || (value === undefined && start === undefined && end === undefined)) continue;
    const a: Alt = {};
    if (pod) a.pod = pod;
    if (value !== undefined) [a.date, a.time] = splitDT(value);
    else {
      const [sd, st] = splitDT(start);
      const [ed, et] = splitDT(end);
      if (span.slot === 'daterange') { a.start = sd; a.end = ed; } else { a.start = sd; a.end = ed; a.tfrom = st; a.tto = et; }
      a.endOpen = end === undefined;
    }
    out.push(a);
  }
  return out;
}

/** Why a span is outside the product's scope, or null when it is scored. */
const MONTH_WORD = '(?:ene|enero|feb|febrero|mar|marzo|abr|abril|may|mayo|jun|junio|jul|julio|ago|agosto|sep|sept|set|septiembre|setiembre|oct|octubre|nov|noviembre|dic|diciembre|jan|janeiro|fev|fevereiro|marco|mai|maio|junho|julho|setembro|out|outubro|novembro|dez|dezembro)';
const EXPLICIT = new RegExp(`\\b(?:1[5-9]|20)\\d{2}\\b|\\d{1,2}\\s*[/.-]\\s*\\d{1,2}|\\d{1,2}(?:o|a|ro|er)?\\s*(?:de\\s+|-|/)?${MONTH_WORD}\\b|\\b${MONTH_WORD}\\.?\\s*-?\\d{1,2}\\b`);

/** The last instant (as 'YYYY-MM-DD HH:MM') an alternative covers, or null when open-ended / time-only. */
function lastMoment(slot: string, a: Alt): string | null {
  if (slot === 'date') return a.date === undefined ? null : `${a.date} 23:59`;
  if (slot === 'datetime') return a.date === undefined ? null : `${a.date} ${a.time ?? '23:59'}`;
  if (slot === 'daterange') return a.end === undefined ? null : `${minusDay(a.end)} 23:59`;
  if (slot === 'datetimerange') return a.end === undefined ? null : `${a.end} ${a.tto ?? '23:59'}`;
  return null;
}

function isPastRelative(span: Span, c: SpecCase, alts: Alt[]): boolean {
  if (c.reference_datetime === null || EXPLICIT.test(fold(span.value))) return false;
  const ref = c.reference_datetime.replace('T', ' ').slice(0, 16);
  return alts.every((a) => {
    const last = lastMoment(span.slot, a);
    return last !== null && last <= ref;
  });
}

function excludedKind(span: Span, c: SpecCase, alts: Alt[]): string | null {
  const timex = String(span.resolution?.Timex ?? span.resolution?.values?.[0]?.timex ?? '');
  if (span.slot === 'duration' || span.slot === 'set' || span.slot === 'timezone') return span.slot;
  if (FOREIGN_HOLIDAY.test(fold(span.value))) return 'foreignHoliday';
  if (alts.length === 0) return 'unresolvable';
  if (c.reference_datetime === null && span.slot !== 'time' && span.slot !== 'timerange') return 'noReference';
  const a = alts[alts.length - 1]!;
  if (a.start !== undefined && a.end !== undefined && span.slot !== 'timerange') {
    if (span.slot === 'datetimerange' && a.start !== a.end && !(dayDiff(a.start, a.end) === 1 && a.tto === '00:00')) return 'crossDayRange';
    if (dayDiff(a.start, a.end) > 31) return 'longPeriod';
  }
  if ((a.start === undefined || a.end === undefined) && /^(?:\d{4}|XXXX|XX\d\d)$/.test(timex)) return 'longPeriod';
  if (isPastRelative(span, c, alts)) return 'pastRelative';
  return null;
}

function ambiguousHour(t: string | undefined, e: Expected): string[] {
  if (t === undefined) return [];
  if (MARKER.test(fold(e.text))) return [t];
  const h = Number(t.slice(0, 2));
  // "de 12-4": a written 12 is noon or midnight, so the spec's T00 also reads 12:00 (not "00:30")
  if (h === 0) return /(?<![\d:])12(?![\d])/.test(e.text) ? [t, `12${t.slice(2)}`] : [t];
  const alt = h < 12 ? h + 12 : h - 12;
  return h === 0 || h > 12 || alt > 23 ? [t] : [t, `${alt < 10 ? '0' : ''}${alt}${t.slice(2)}`];
}

function rangeEnds(e: Expected, a: Alt): string[] {
  if (a.end === undefined) return [];
  return e.paren || a.start === undefined ? [a.end, minusDay(a.end)] : [minusDay(a.end)];
}

/** A dateless time mention takes the date of another mention of the message (see the header). */
function withContextDate(ms: DateTimeMention[]): DateTimeMention[] {
  const dated = ms.filter((m) => m.date !== undefined);
  const out = [...ms];
  for (const m of ms) {
    if (m.date !== undefined || m.dateRange !== undefined || (m.time === undefined && m.timeRange === undefined && m.partOfDay === undefined)) continue;
    for (const d of dated) out.push({ ...m, date: d.date! });
  }
  return out;
}

function satisfied(e: Expected, mentions: DateTimeMention[]): boolean {
  const ms = e.slot === 'datetime' || e.slot === 'datetimerange' ? withContextDate(mentions) : mentions;
  return e.alts.some((a) => ms.some((m) => {
    switch (e.slot) {
      case 'date': return m.date === a.date || (m.dateRange?.from === a.date && m.dateRange?.to === a.date);
      case 'time': return m.time !== undefined && ambiguousHour(a.time, e).includes(m.time);
      case 'datetime': return m.date === a.date && m.time !== undefined && ambiguousHour(a.time, e).includes(m.time);
      case 'daterange': {
        const ends = rangeEnds(e, a);
        if (a.start !== undefined && a.end !== undefined) {
          return (m.dateRange?.from === a.start && ends.includes(m.dateRange.to)) || (a.start === ends[ends.length - 1] && m.date === a.start);
        }
        if (a.start !== undefined) return m.dateRange?.from === a.start || m.date === a.start;
        // "hasta mañana", "até agosto": the named day, or the start of the named period
        return ends.includes(m.dateRange?.to ?? '') || ends.includes(m.date ?? '') || m.dateRange?.from === a.end;
      }
      default: { // timerange, datetimerange
        if (e.slot === 'datetimerange' && m.date !== a.start && m.date !== a.end) return false;
        if (a.pod !== undefined && m.partOfDay !== undefined && (POD[a.pod] ?? []).includes(m.partOfDay)) return true;
        const okFrom = a.tfrom === undefined ? m.timeRange?.from === undefined : ambiguousHour(a.tfrom, e).includes(m.timeRange?.from ?? '');
        const okTo = a.tto === undefined ? m.timeRange?.to === undefined : ambiguousHour(a.tto, e).includes(m.timeRange?.to ?? '');
        return m.timeRange !== undefined && okFrom && okTo;
      }
    }
  }));
}

const WEEKDAY = '(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|segunda|terca|quarta|quinta|sexta)(?:-feira)?';
const CHOICES: [string, RegExp][] = [
  ['nextWeekdayIsComing', new RegExp(`\\bproxim[oa]\\s+${WEEKDAY}|${WEEKDAY}\\s+(?:que\\s+v(?:iene|em)|proxim[oa])|(?:tarde|manana|noche)\\s+del\\s+proximo`)],
  ['withinIsAnInstant', /\b(?:dentro de|daqui a)\s+\S+\s+(?:segundos?|minutos?|horas?|dias|semanas)|\bhoras no futuro/],
  ['endOfDayIsEvening', /\b(?:final|fin|fim|finalizar)\s+(?:del?|do|el)\s+(?:dia|jornada|domingo|lunes|sabado)/],
];

/**
 * Failing cases whose expected reading contradicts a documented product choice (datetime/index.ts):
 * still counted as failures, only tallied so the report can say why.
 */
function documentedChoice(utterance: string): string | null {
  return CHOICES.find(([, re]) => re.test(utterance))?.[0] ?? null;
}

async function resolutionAccuracy(path: string | undefined, lang: Lang) {
  const excluded: Record<string, number> = {};
  const droppedSpans: Record<string, number> = {};
  const failures: string[] = [];
  const disagreements: Record<string, number> = {};
  let n = 0, correct = 0, negatives = 0;
  if (path === undefined) return { resolutionAccuracy: 0, n: 0, correct: 0, negatives: 0, excluded, droppedSpans, failuresFromDocumentedChoices: disagreements, failures, missing: true };
  for await (const c of readJsonl<SpecCase>(path)) {
    const kinds = c.spans.map((s) => excludedKind(s, c, altsOf(s)));
    if (c.spans.length > 0 && kinds.every((k) => k !== null)) {
      excluded[kinds[0]!] = (excluded[kinds[0]!] ?? 0) + 1;
      continue;
    }
    const expected: Expected[] = [];
    c.spans.forEach((s, i) => {
      const kind = kinds[i];
      if (kind) { droppedSpans[kind] = (droppedSpans[kind] ?? 0) + 1; return; }
      const timex = String(s.resolution?.Timex ?? s.resolution?.values?.[0]?.timex ?? '');
      expected.push({ slot: s.slot, alts: altsOf(s), text: s.value, timex, paren: timex.startsWith('(') });
    });
    const now = Date.parse(`${c.reference_datetime ?? '2016-11-07T00:00:00'}Z`);
    const mentions = extractDateTimes(c.utterance, lang, { now, timeZone: 'UTC' });
    n++;
    if (c.spans.length === 0) negatives++;
    const ok = c.spans.length === 0 ? mentions.length === 0 : expected.every((e) => satisfied(e, mentions));
    if (ok) correct++;
    else {
      const why = documentedChoice(fold(c.utterance));
      if (why !== null) disagreements[why] = (disagreements[why] ?? 0) + 1;
    }
    if (!ok && failures.length < 400) failures.push(`${c.id} | ${c.reference_datetime} | ${c.utterance} | want ${expected.map((e) => `${e.slot}:${JSON.stringify(e.alts)}`).join(' ; ')} | got ${JSON.stringify(mentions.map(({ text, start: _s, end: _e, ...r }) => ({ text, ...r })))}`);
  }
  return { resolutionAccuracy: round(correct / Math.max(1, n)), n, correct, negatives, excluded, droppedSpans, failuresFromDocumentedChoices: disagreements, failures };
}

const LEAD = /^(?:(?:para|de|del|el|la|las|los|a|al|en|por|desde|hasta|durante|sobre|con|y)\s+)+/;
function trimSpan(text: string, s: number, e: number): [number, number] {
  let t = text.slice(s, e);
  const lead = LEAD.exec(fold(t))?.[0].length ?? 0;
  s += lead;
  t = t.slice(lead);
  const trail = t.length - t.replace(/[\s.,;:!?¿¡]+$/u, '').length;
  return [s, e - trail];
}
const OUT_OF_SCOPE = /^(?:(?:por|durante)\s|(?:para\s+)?(?:cada|todos|todas)\s|semanal|diari|mensual|anual|\d+\s+min)/;

async function spanF1(path: string | undefined) {
  const all = { tp: 0, fp: 0, fn: 0, exact: 0, n: 0 };
  const scope = { tp: 0, fp: 0, fn: 0, exact: 0, n: 0 };
  let ms = 0, utterances = 0;
  if (path === undefined) return { all, scope, ms, utterances };
  const now = Date.parse('2024-01-15T12:00:00Z');
  for await (const row of readJsonl<MtodRow>(path)) {
    utterances++;
    const t0 = performance.now();
    const preds = extractDateTimes(row.utterance, 'es', { now, timeZone: 'America/Argentina/Buenos_Aires' }).map((m) => trimSpan(row.utterance, m.start, m.end));
    ms += performance.now() - t0;
    const golds = row.spans.filter((s) => s.slot === 'datetime').map((s) => ({ span: trimSpan(row.utterance, s.start, s.end), out: OUT_OF_SCOPE.test(fold(s.value.trim())) }));
    for (const [acc, useScope] of [[all, false], [scope, true]] as const) {
      const gs = golds.filter((g) => !useScope || !g.out).map((g) => g.span);
      const ignored = useScope ? golds.filter((g) => g.out).map((g) => g.span) : [];
      const ps = preds.filter((p) => !ignored.some((g) => p[0] < g[1] && g[0] < p[1]));
      const used = new Set<number>();
      for (const p of ps) {
        const j = gs.findIndex((g, k) => !used.has(k) && p[0] < g[1] && g[0] < p[1]);
        if (j < 0) { acc.fp++; continue; }
        used.add(j);
        acc.tp++;
        if (gs[j]![0] === p[0] && gs[j]![1] === p[1]) acc.exact++;
      }
      acc.fn += gs.length - used.size;
      acc.n += gs.length;
    }
  }
  return { all, scope, ms, utterances };
}

function prf(c: { tp: number; fp: number; fn: number; exact: number; n: number }) {
  const p = c.tp / Math.max(1, c.tp + c.fp), r = c.tp / Math.max(1, c.tp + c.fn);
  const ep = c.exact / Math.max(1, c.tp + c.fp), er = c.exact / Math.max(1, c.tp + c.fn);
  return { precision: round(p), recall: round(r), f1: round(p + r ? (2 * p * r) / (p + r) : 0), exactF1: round(ep + er ? (2 * ep * er) / (ep + er) : 0), n: c.n };
}

export async function evaluateDateTimes(dir: string) {
  const es = await resolutionAccuracy(dataFile(dir, 'datetime_specs_es.jsonl'), 'es');
  const pt = await resolutionAccuracy(dataFile(dir, 'datetime_specs_pt.jsonl'), 'pt');
  const spans = await spanF1(dataFile(dir, 'mtod_es_utterances.jsonl'));
  const strip = ({ failures: _f, ...rest }: typeof es) => rest;
  return {
    es: strip(es),
    pt: strip(pt),
    esSpans: { ...prf(spans.all), matching: 'character overlap, one-to-one; exactF1 after trimming leading prepositions/articles' },
    esSpansInScope: { ...prf(spans.scope), leftOut: 'gold durations/recurrences ("por 10 minutos", "cada día") and predictions overlapping them' },
    performance: { mtodMeanMsPerUtterance: round(spans.ms / Math.max(1, spans.utterances)) },
  };
}

/** All failures (for tuning on dev); not part of the report. */
export async function dateTimeFailures(dir: string): Promise<{ es: string[]; pt: string[] }> {
  const es = await resolutionAccuracy(dataFile(dir, 'datetime_specs_es.jsonl'), 'es');
  const pt = await resolutionAccuracy(dataFile(dir, 'datetime_specs_pt.jsonl'), 'pt');
  return { es: es.failures, pt: pt.failures };
}
