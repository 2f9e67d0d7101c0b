/**
 * Day resolution and the joins between neighbouring day atoms: ranges ("de lunes a viernes",
 * "desde hoy hasta mañana", "entre el 2 y el 22 de octubre") and "la semana del 16".
 */
import type { Atom, Ctx } from './atoms';
import { compare, plusDays, weekStart, weekdayIndex } from './calendar';
import type { Lexicon } from './lexicon';

/**
 * The day of a 'day' atom. Weekday anchoring (lexicon.ts, WeekdayMode): a bare weekday is the
 * next such day after today, or today itself when a time later than now was given; `notBefore`
 * anchors the end of a range ("de lunes a viernes").
 */
export function resolveDay(a: Atom, ctx: Ctx, timeMin: number | undefined, notBefore?: string): string {
  if (a.wd === undefined) return a.date!;
  const today = ctx.today;
  const twd = weekdayIndex(today);
  const ahead = (a.wd - twd + 7) % 7;
  if (notBefore !== undefined) return plusDays(notBefore, (a.wd - weekdayIndex(notBefore) + 7) % 7);
  switch (a.wdMode) {
    case 'this': return plusDays(today, ahead);
    case 'thisWeek': return plusDays(weekStart(today), a.wd);
    case 'nextWeek': return plusDays(weekStart(today), 7 + a.wd);
    case 'lastWeek': return plusDays(weekStart(today), -7 + a.wd);
    case 'last': return plusDays(today, -(((twd - a.wd + 7) % 7) || 7));
    case 'coming': return plusDays(today, ahead || 7);
    default: // 'bare'
      if (ahead === 0) return timeMin !== undefined && timeMin > ctx.nowMin ? today : plusDays(today, 7);
      return plusDays(today, ahead);
  }
}

interface JoinRes { open: RegExp; join: RegExp; strongJoin: RegExp }
const joinCache = new Map<Lexicon, JoinRes>();

function joinRes(lex: Lexicon): JoinRes {
  let r = joinCache.get(lex);
  if (r === undefined) {
    r = {
      open: new RegExp(`(?:^|[^a-z])(?:${lex.rangeOpen}|(${lex.between}))\\s+(?:(?:el|la|los|o|a|the)\\s+)?$`),
      join: new RegExp(`^\\s*(?:(${lex.rangeJoin})|(${lex.betweenJoin}))\\s*(?:(?:el|la|o|a|the)\\s+)?$`),
      strongJoin: new RegExp(`^\\s*(?:${lex.strongJoin})\\s*`),
    };
    joinCache.set(lex, r);
  }
  return r;
}

/** "de lunes a viernes", "desde hoy hasta mañana", "entre 2 de oct y 22 de oct" → one range atom. */
export function joinRanges(text: string, atoms: Atom[], ctx: Ctx): Atom[] {
  const { open, join, strongJoin } = joinRes(ctx.lex);
  const out: Atom[] = [];
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i]!;
    const b = atoms[i + 1];
    if (b !== undefined && (a.kind === 'day' || a.kind === 'range') && (b.kind === 'day' || b.kind === 'range')) {
      const gap = text.slice(a.end, b.start);
      const jm = join.exec(gap);
      const before = text.slice(Math.max(0, a.start - 14), a.start);
      const om = open.exec(before);
      const ok = jm !== null && ((om !== null && (om[1] === undefined ? jm[1] !== undefined : jm[2] !== undefined || jm[1] !== undefined)) || strongJoin.test(gap));
      if (ok) {
        const from = a.kind === 'range' ? a.range!.from : resolveDay(a, ctx, undefined);
        let to = b.kind === 'range' ? b.range!.to : resolveDay(b, ctx, undefined, from);
        if (compare(to, from) < 0 && b.kind === 'day' && b.wd === undefined) to = `${Number(to.slice(0, 4)) + 1}${to.slice(4)}`;
        if (compare(to, from) >= 0) {
          const start = om === null ? a.start : a.start - before.length + om.index + (/^[a-z]/.test(om[0]) ? 0 : 1);
          const r: Atom = { kind: 'range', range: { from, to }, unit: 'span', start: Math.max(0, start), end: b.end, prio: a.prio };
          if (a.wd !== undefined && b.wd !== undefined) r.wds = [a.wd, b.wd];
          out.push(r);
          i++;
          continue;
        }
      }
    }
    out.push(a);
  }
  return out;
}

const WEEK_OF = /(?:(?:la|a|the)\s+)?(?:semana|week)\s+(?:del|de|do|da|a\s+partir\s+d(?:el|e|o|a)|of(?:\s+the)?|que\s+(?:inicia|comienza|empieza|arranca|va\s+del?|comeca|inicia|vai\s+de)(?:\s+(?:el|en|no|o|em))?(?:\s+dia)?|starting(?:\s+on)?(?:\s+the)?|beginning(?:\s+on)?(?:\s+the)?|commencing(?:\s+on)?)\s+(?:(?:el|o|the|dia)\s+)?$/;

/** "la semana del 16 de septiembre", "the week of March 3rd" → that Monday–Sunday week. */
export function weekOf(text: string, atoms: Atom[]): Atom[] {
  return atoms.map((a) => {
    if (a.kind !== 'day' || a.wd !== undefined || a.date === undefined) return a;
    const before = text.slice(Math.max(0, a.start - 48), a.start);
    const m = WEEK_OF.exec(before);
    if (m === null) return a;
    const from = weekStart(a.date);
    return { kind: 'range', range: { from, to: plusDays(from, 6) }, unit: 'week', start: a.start - (before.length - m.index), end: a.end, prio: a.prio };
  });
}

