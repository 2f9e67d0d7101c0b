/**
 * What the customer wants an event or booking called, as written: "call it Team sync", "use
 * Movie show as the title", «con el título "Reunión con Ana"», "com o nome Aula de teste".
 *
 * Interpretation choices:
 *  - Text in double quotes, curly quotes or «guillemets» is a title (patterns in title-patterns.ts);
 *    so is what follows a title marker (called, titled, "under the name", "the title is", "make
 *    the title", "put it under"; pt/es: llamado, chamado, "el título es", "com o nome") and what
 *    precedes "as the title" / "for the name" / "is the title" / "would be a good name".
 *  - "add doctor appointment to my calendar": what is added, unless it is a pronoun or starts
 *    with a determiner ("add this appointment to my calendar" names nothing).
 *  - When the assistant asked for the title, the answer is the title ("Doctor appointment.",
 *    "Just put Movie at Century 16 will do"), after a leading verb (put / add / use / input…).
 *  - A title ends where a date or time, the street address, a sentence end, a comma (not one
 *    before credentials: "Roxanne C. Fiscella, M.D.") or a lower-case clause word ("and",
 *    "which", "for the time", "to my calendar", "please", "will do") begins.
 *  - Leading articles and demonstratives are dropped ("the movie show" → "movie show") except a
 *    capitalised "The" opening a name ("The Hives Concert"). A judgement ("perfect", "nice") is
 *    never a title; a generic noun ("appointment", "visit") is one only after an explicit marker
 *    ("Label it Appointment"). A bare answer must be a noun phrase: "The address is correct." is not a title.
 */
import { AFTER, ANSWER, BEFORE, CALENDAR_ADD, CLAUSE, GENERIC, JUDGEMENT, LEAD, OPENS_WITH_PREP, PRONOUN, STOP, TRAIL } from './title-patterns';
import type { Range } from './tokens';

export interface TitleOptions { avoid: readonly Range[]; awaiting: boolean; address?: string }

/**
 * The title from `start` to the first stop, date/time or address; undefined when nothing sensible
 * is left. `sentence`: the words must not form a clause (a bare answer).
 */
function cut(text: string, start: number, end: number, o: TitleOptions, explicit: boolean, sentence = false): string | undefined {
  for (const [s] of o.avoid) if (s >= start && s < end) end = s;
  const at = o.address ? text.indexOf(o.address, start) : -1;
  if (at >= 0 && at < end) end = at;
  const rest = text.slice(start, end);
  const stop = STOP.exec(rest);
  let v = (stop ? rest.slice(0, stop.index) : rest).trim().replace(/^["“«']+|["”»']+$/gu, '');
  if (sentence && CLAUSE.test(v)) return undefined;
  if (!/^The\s+\p{Lu}/u.test(v)) v = v.replace(LEAD, '');
  v = v.replace(TRAIL, '').trim();
  if (!v || v.length > 70 || v.split(/\s+/).length > 10 || PRONOUN.test(v) || JUDGEMENT.test(v) || OPENS_WITH_PREP.test(v)) return undefined;
  return explicit || !GENERIC.test(v) ? v : undefined;
}

function quoted(text: string): string | undefined {
  const m = /(?:^|[\s(:])(?:["“«]([^"”»]{2,60})["”»]|'([^']{2,60})')(?=$|[\s.,!?;:)])/u.exec(text);
  return (m?.[1] ?? m?.[2])?.trim();
}

export function findTitle(text: string, o: TitleOptions): string | undefined {
  const q = quoted(text);
  if (q) return q;
  for (const re of BEFORE) {
    const m = re.exec(text);
    const v = m && cut(text, m.index + m[0].length, text.length, o, true);
    if (v) return v;
  }
  for (const [re, explicit] of [...AFTER.map((r) => [r, true] as const), [CALENDAR_ADD, false] as const]) {
    const m = re.exec(text);
    if (!m?.[1]) continue;
    const from = m.index + m[0].indexOf(m[1]);
    const v = cut(text, from, from + m[1].length, o, explicit);
    if (v) return v;
  }
  if (!o.awaiting) return undefined;
  const lead = ANSWER.exec(text)?.[0].length ?? 0;
  return cut(text, lead, text.length, o, true, true);
}
