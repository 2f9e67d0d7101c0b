/**
 * A resource's weekly hours as the editor holds them (rows of "from"/"to" text per weekday) and as
 * the API stores them (`weekly.mon: [["09:00","13:00"], …]`), with the problems the API would
 * refuse, found first so they can be shown beside the field. Times are typed on a 24-hour clock,
 * as the businesses write them, whatever the browser's own time input would show.
 */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];
export type WallInterval = [string, string];
export type Weekly = Partial<Record<Weekday, WallInterval[]>>;
export interface HoursRow { from: string; to: string }
export type WeekForm = Record<Weekday, HoursRow[]>;
export type HoursProblem = 'badTime' | 'endBeforeStart' | 'overlap';
export interface RowProblem { day: Weekday; index: number; problem: HoursProblem }

/** "9" → "09:00", "930" → "09:30", "21.30" / "21h30" → "21:30", "24" → "24:00"; null when it is no time of day. */
export function normalizeTime(text: string): string | null {
  const m = /^\s*(\d{1,2})(?:[:.h]?(\d{2}))?\s*(?:hs?)?\s*$/i.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** A row as the API's interval; an end of 00:00 after a start means "until midnight" (24:00). */
function intervalOf(row: HoursRow): WallInterval | null {
  const from = normalizeTime(row.from);
  const to = normalizeTime(row.to);
  if (!from || !to || from === '24:00') return null;
  return [from, to === '00:00' && from !== '00:00' ? '24:00' : to];
}

export function weekFormOf(weekly: Weekly): WeekForm {
  return Object.fromEntries(weekdays.map((d) => [d, (weekly[d] ?? []).map(([from, to]) => ({ from, to }))])) as WeekForm;
}

/** Every problem, each on the row it belongs to (an overlap on the later-listed row). */
export function hoursProblems(form: WeekForm): RowProblem[] {
  const out: RowProblem[] = [];
  for (const day of weekdays) {
    const ok: { s: number; e: number; index: number }[] = [];
    form[day].forEach((row, index) => {
      const interval = intervalOf(row);
      if (!interval) return void out.push({ day, index, problem: 'badTime' });
      const [s, e] = interval.map(minutes) as [number, number];
      if (e <= s) return void out.push({ day, index, problem: 'endBeforeStart' });
      ok.push({ s, e, index });
    });
    ok.sort((a, b) => a.s - b.s);
    for (let k = 1; k < ok.length; k++) {
      if (ok[k]!.s < ok[k - 1]!.e) out.push({ day, index: Math.max(ok[k]!.index, ok[k - 1]!.index), problem: 'overlap' });
    }
  }
  return out;
}

/** The API's shape, intervals in order; days without rows are closed (left out). Call once hoursProblems is empty. */
export function weeklyOf(form: WeekForm): Weekly {
  const weekly: Weekly = {};
  for (const day of weekdays) {
    const rows = form[day].map(intervalOf).filter((r): r is WallInterval => r !== null).sort((a, b) => a[0].localeCompare(b[0]));
    if (rows.length) weekly[day] = rows;
  }
  return weekly;
}

/** Monday's hours on every weekday (Tuesday to Friday), the common way to fill a week. */
export function copyMondayToWeekdays(form: WeekForm): WeekForm {
  const next = { ...form };
  for (const day of ['tue', 'wed', 'thu', 'fri'] as const) next[day] = form.mon.map((r) => ({ ...r }));
  return next;
}
