/** The pieces a message is cut into before they are grouped into mentions (combine.ts). */
import type { PartOfDay } from '../types';
import type { Lexicon, WeekdayMode } from './lexicon';
import type { DateRange } from './calendar';
import type { Clock } from './clock';

export interface Ctx {
  today: string;      // local date of `now` in the tenant's zone
  nowMin: number;     // local minutes after midnight of `now`
  now: number;        // epoch ms
  tz: string;
  lex: Lexicon;
}

export type AtomKind = 'day' | 'range' | 'time' | 'trange' | 'pod' | 'instant';

export interface Atom {
  start: number;
  end: number;
  prio: number;                // breaks ties between overlapping candidates of equal length
  kind: AtomKind;
  date?: string;               // a resolved day (kind 'day', or a day attached to a pod/trange)
  wd?: number;                 // a weekday still to be anchored (0 = Monday)
  wdMode?: WeekdayMode;
  explicit?: boolean;          // the day and month were written ("3 de dezembro", "03/12")
  dom?: number;                // only a day of the month was written ("el 15", "dia 25")
  noYear?: boolean;            // day and month without a year (a weekday next to it may pick the year)
  range?: DateRange;           // kind 'range'
  unit?: 'week' | 'weekend' | 'month' | 'span';
  wds?: [number, number];      // a weekday range ("de martes a jueves") that a named week can re-anchor
  clock?: Clock;               // kind 'time'
  from?: Clock;                // kind 'trange'
  to?: Clock;
  pod?: PartOfDay;
  instant?: number;            // kind 'instant' (epoch ms): "in 2 hours", "now"
  weak?: boolean;              // kept only when grouped with a non-weak atom
}

export type Partial = Omit<Atom, 'start' | 'end' | 'prio'> & { start?: number; end?: number };

export interface Rule {
  re: RegExp;
  prio: number;
  build(m: RegExpExecArray, ctx: Ctx): Partial | Partial[] | null;
}

export function rule(source: string, prio: number, build: Rule['build']): Rule {
  return { re: new RegExp(source, 'gd'), prio, build };
}

/** All candidates of all rules, then the longest non-overlapping ones (ties: higher prio). */
export function scan(text: string, rules: Rule[], ctx: Ctx): Atom[] {
  const found: Atom[] = [];
  for (const r of rules) {
    r.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = r.re.exec(text)) !== null) {
      if (m[0].length === 0) {
        r.re.lastIndex++;
        continue;
      }
      const built = r.build(m, ctx);
      if (built === null) continue;
      for (const p of Array.isArray(built) ? built : [built]) {
        found.push({ ...p, start: p.start ?? m.index, end: p.end ?? m.index + m[0].length, prio: r.prio });
      }
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || b.prio - a.prio || a.start - b.start);
  const taken: Atom[] = [];
  for (const a of found) {
    if (taken.every((t) => a.end <= t.start || a.start >= t.end)) taken.push(a);
  }
  return taken.sort((a, b) => a.start - b.start);
}
