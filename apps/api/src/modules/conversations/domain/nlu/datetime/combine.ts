/**
 * Groups neighbouring atoms into mentions ("mañana" + "por la tarde" + "a las 5") and resolves
 * them into DateTimeMention values.
 */
import type { DateTimeMention } from '../types';
import type { Atom, Ctx } from './atoms';
import { futureWeekdayDay, plusDays, weekdayIndex } from './calendar';
import { clockMinutes, hhmm, rangeMinutes } from './clock';
import { joinRanges, resolveDay, weekOf } from './spans';
import { dateToDayNumber, instantToLocal } from '../../../../../shared/time/zone';

const MAX_GAP = 14;
const gapCache = new Map<string, RegExp>();

/** What may separate two atoms of one mention: spaces, commas, brackets, dashes and up to two glue words. */
function gapRe(ctx: Ctx): RegExp {
  let re = gapCache.get(ctx.lex.glue);
  if (re === undefined) {
    re = new RegExp(`^[\\s,()-]*(?:(?:${ctx.lex.glue})(?![a-z])[\\s,]*){0,2}$`);
    gapCache.set(ctx.lex.glue, re);
  }
  return re;
}

const isDateish = (a: Atom): boolean => a.kind === 'day' || a.kind === 'range' || (a.kind === 'pod' && a.date !== undefined) || (a.kind === 'trange' && a.date !== undefined);
const isTimeish = (a: Atom): boolean => a.kind === 'time' || a.kind === 'trange';

/** Can atom `a` join a group already holding `g`? */
function compatible(g: Atom[], a: Atom): boolean {
  if (a.kind === 'instant' || g.some((x) => x.kind === 'instant')) return false;
  if (isTimeish(a) && g.some(isTimeish)) return false;
  if (a.pod !== undefined && g.some((x) => x.pod !== undefined && x.pod !== a.pod)) return false;
  if (isDateish(a)) {
    const days = g.filter(isDateish);
    if (days.length === 0) return true;
    if (days.length > 1) return false;
    const d = days[0]!;
    if (a.kind === 'pod' && d.kind === 'pod') return a.date === d.date;
    // a weekday next to an explicit date ("viernes 6 de julio"), or a weekday inside a week ("Friday next week")
    const pair = [d, a];
    if (pair.some((x) => x.wds !== undefined) && pair.some((x) => x.unit === 'week')) return true;
    const wd = pair.find((x) => x.wd !== undefined);
    const other = pair.find((x) => x !== wd);
    if (wd === undefined || other === undefined) return false;
    return (other.kind === 'day' && other.explicit === true) || (other.kind === 'range' && other.unit === 'week');
  }
  return true;
}

function build(text: string, group: Atom[], ctx: Ctx): DateTimeMention {
  const start = group[0]!.start;
  const end = group[group.length - 1]!.end;
  const m: DateTimeMention = { text: text.slice(start, end), start, end };
  const pod = group.find((a) => a.pod !== undefined)?.pod;
  const time = group.find((a) => a.kind === 'time');
  const tr = group.find((a) => a.kind === 'trange');
  const inst = group.find((a) => a.kind === 'instant');
  const timeMin = time?.clock === undefined ? undefined : clockMinutes(time.clock, pod);
  const anyMin = timeMin ?? (tr === undefined ? undefined : rangeMinutes(tr.from, tr.to, pod).find((x) => x !== undefined));
  if (inst?.instant !== undefined) {
    const local = instantToLocal(inst.instant, ctx.tz);
    m.date = local.date;
    m.time = local.time;
    return m;
  }
  const days = group.filter((a) => a.kind === 'day');
  const ranges = group.filter((a) => a.kind === 'range');
  const wdRange = ranges.find((a) => a.wds !== undefined);
  const namedWeek = ranges.find((a) => a.unit === 'week');
  if (wdRange !== undefined && namedWeek !== undefined && wdRange !== namedWeek) {
    m.dateRange = { from: plusDays(namedWeek.range!.from, wdRange.wds![0]), to: plusDays(namedWeek.range!.from, wdRange.wds![1]) };
  }
  const week = ranges[0];
  const wdAtom = days.find((a) => a.wd !== undefined);
  const explicit = days.find((a) => a.wd === undefined);
  if (explicit !== undefined && explicit.dom !== undefined && wdAtom !== undefined) m.date = futureWeekdayDay(ctx.today, wdAtom.wd!, explicit.dom) ?? explicit.date!;
  else if (explicit !== undefined && explicit.noYear && wdAtom !== undefined && weekdayIndex(explicit.date!) !== wdAtom.wd) {
    // "viernes (15 Jun)": this year's date when it is that weekday, else the next occurrence
    const same = `${ctx.today.slice(0, 4)}${explicit.date!.slice(4)}`;
    m.date = dateToDayNumber(same) !== null && weekdayIndex(same) === wdAtom.wd ? same : explicit.date!;
  } else if (explicit !== undefined) m.date = explicit.date!;
  else if (wdAtom !== undefined && week?.unit === 'week') m.date = plusDays(week.range!.from, wdAtom.wd!);
  else if (wdAtom !== undefined) m.date = resolveDay(wdAtom, ctx, anyMin);
  else if (week !== undefined && m.dateRange === undefined) m.dateRange = { ...week.range! };
  else {
    const dated = group.find((a) => a.date !== undefined);
    if (dated !== undefined) m.date = dated.date!;
  }
  if (timeMin !== undefined) m.time = hhmm(timeMin);
  if (tr !== undefined) {
    const [f, t] = rangeMinutes(tr.from, tr.to, pod);
    m.timeRange = {};
    if (f !== undefined) m.timeRange.from = hhmm(f);
    if (t !== undefined) m.timeRange.to = hhmm(t);
  }
  if (pod !== undefined && m.time === undefined) m.partOfDay = pod;
  return m;
}

/** `text` is the original message (for mention text), `folded` its folded form (for matching). */
export function combine(text: string, folded: string, atoms: Atom[], ctx: Ctx): DateTimeMention[] {
  const gap = gapRe(ctx);
  const joined = joinRanges(folded, weekOf(folded, atoms), ctx);
  const groups: Atom[][] = [];
  let cur: Atom[] = [];
  for (const a of joined) {
    const last = cur[cur.length - 1];
    if (last !== undefined && a.start - last.end <= MAX_GAP && gap.test(folded.slice(last.end, a.start)) && compatible(cur, a)) {
      cur.push(a);
    } else {
      if (cur.length > 0) groups.push(cur);
      cur = [a];
    }
  }
  if (cur.length > 0) groups.push(cur);
  return groups.filter((g) => g.some((a) => !a.weak)).map((g) => build(text, g, ctx));
}
