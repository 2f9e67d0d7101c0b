/**
 * Which of the options the assistant just offered the customer picked: by position ("o
 * primeiro", "la última", "the second one", "opção 2", a bare "2"), by time ("a das 10h", "el de
 * las 5", "the 3pm one"), by day ("o de sexta") or by a word of one label only ("Mariana").
 */
import { fold } from './normalise';
import type { DateTimeMention, UnderstandContext } from './types';

type Offered = NonNullable<UnderstandContext['offered']>;
export interface OptionPick { id: string; how: 'position' | 'time' | 'date' | 'label' }

const word = (alts: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts})(?![\\p{L}\\p{N}])`, 'u');
const POSITIONS: [RegExp, number][] = [
  [word('primeir[oa]s?|primer[oa]?|first|1st|1º|1ª|1o|1a'), 0],
  [word('segund[oa]|second|2nd|2º|2ª|2o|2a'), 1],
  [word('terceir[oa]|tercer[oa]?|third|3rd|3º|3ª|3o|3a'), 2],
  [word('quart[oa]|cuart[oa]|fourth|4th|4º|4ª'), 3],
  [word('quint[oa]|fifth|5th|5º|5ª'), 4],
];
const LAST = word('ultim[oa]|last|latter|derradeir[oa]');
const PENULTIMATE = word('penultim[oa]|second to last|second last');
const NUMBERED = word('(?:opcao|opcion|option|opc|op|numero|number|num|nº|n°|#)\\s*(\\d{1,2})');
const BARE_NUMBER = /^\s*(?:#|n[º°o]?\s*)?(\d{1,2})\s*[.)!]?\s*$/;
const STOP = new Set(['de', 'da', 'do', 'del', 'la', 'el', 'a', 'o', 'the', 'at', 'as', 'las', 'los', 'com', 'con', 'with', 'e', 'y', 'and', 'h', 'hs', 'am', 'pm']);

function hourOf(t: string): number { return Number(t.slice(0, 2)); }
function sameTime(said: string, offered: string): boolean {
  if (said === offered) return true;
  // "el de las 5" or "at 5" said without am/pm: accept the 12-hour twin of the offered time.
  return said.slice(2) === offered.slice(2) && hourOf(said) % 12 === hourOf(offered) % 12;
}

/** The option picked, if exactly one fits; undefined when none or several do. */
export function pickOption(text: string, norm: string, dateTimes: DateTimeMention[], offered: Offered | undefined): OptionPick | undefined {
  if (!offered?.length) return undefined;
  const unique = (ids: string[], how: OptionPick['how']): OptionPick | undefined => {
    const set = [...new Set(ids)];
    return set.length === 1 && set[0] !== undefined ? { id: set[0], how } : undefined;
  };
  const lower = fold(text);
  const bare = BARE_NUMBER.exec(lower)?.[1] ?? NUMBERED.exec(lower)?.[1];
  if (bare !== undefined) {
    const n = Number(bare);
    if (n >= 1 && n <= offered.length && (BARE_NUMBER.test(lower) || n <= 9)) {
      const o = offered[n - 1];
      if (o && (BARE_NUMBER.test(lower) || !dateTimes.some((d) => d.time))) return { id: o.id, how: 'position' };
    }
  }
  const times = dateTimes.map((d) => d.time).filter((t): t is string => !!t);
  if (times.length) {
    const hit = offered.filter((o) => o.time && times.some((t) => sameTime(t, o.time ?? '')));
    const dates = dateTimes.map((d) => d.date).filter((d): d is string => !!d);
    const narrowed = dates.length ? hit.filter((o) => !o.date || dates.includes(o.date)) : hit;
    const r = unique(narrowed.map((o) => o.id), 'time');
    if (r) return r;
  }
  if (PENULTIMATE.test(lower) && offered.length >= 2) return { id: offered[offered.length - 2]?.id ?? '', how: 'position' };
  if (LAST.test(lower)) return { id: offered[offered.length - 1]?.id ?? '', how: 'position' };
  for (const [re, i] of POSITIONS) {
    const o = offered[i];
    if (o && re.test(lower)) return { id: o.id, how: 'position' };
  }
  const dates = dateTimes.filter((d) => d.date && !d.time).map((d) => d.date);
  if (dates.length) {
    const r = unique(offered.filter((o) => o.date && dates.includes(o.date)).map((o) => o.id), 'date');
    if (r) return r;
  }
  const msg = new Set(norm.split(' ').filter((w) => w.length >= 3 && !STOP.has(w)));
  if (msg.size && msg.size <= 8) {
    const byWord = offered.filter((o) => {
      const label = fold(o.label).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3 && !STOP.has(w));
      const distinctive = label.filter((w) => !offered.every((x) => fold(x.label).includes(w)));
      return distinctive.some((w) => msg.has(w));
    });
    return unique(byWord.map((o) => o.id), 'label');
  }
  return undefined;
}
