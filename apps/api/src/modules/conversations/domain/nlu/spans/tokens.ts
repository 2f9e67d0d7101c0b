/**
 * Words of a message with their offsets, and the capitalised-span scanner the name, place and
 * title finders share. A "span" is a run of capitalised words ("Great Clips", "San José",
 * "Dr. Ana Souza") with a few connectors between them ("Miller and Mane", "Casa de Pedra").
 *
 * Interpretation choices:
 *  - A period glued to the next capitalised word ends a sentence ("No.Sunrise Dental" is "No." +
 *    "Sunrise Dental"); initials and abbreviations keep their period ("A.", "St.", "Dr.", "Av.").
 *  - A span never runs into a date or time the message gives ("Dr. Lee at 1:30", "Half past 4"):
 *    the caller passes the date-time mentions' character ranges in `avoid`.
 */
import { fold } from '../normalise';

export interface Tok { raw: string; word: string; low: string; start: number; end: number }
export type Range = readonly [number, number];

/** Abbreviations that keep their period inside a name or address. */
const ABBREV = /^(?:\p{Lu}|St|Dr|Dra|Jr|Sr|Sra|Mt|Inc|Av|Ave|Mr|Mrs|Ms|Prof|Profa)\.$/u;

export function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(/\S+/gu)) {
    // "No.Sunrise" / "Inc.I" → two words (a missing space after a sentence's full stop).
    const parts = m[0].split(/(?<=\p{L}\p{Ll}\.)(?=\p{Lu})/u);
    let at = m.index;
    for (const raw of parts) {
      const word = cleanWord(raw);
      out.push({ raw, word, low: /^[\x20-\x7e]*$/.test(word) ? word.toLowerCase() : fold(word), start: at, end: at + raw.length });
      at += raw.length;
    }
  }
  return out;
}

/** The word without surrounding quotes/brackets and trailing punctuation (abbreviations keep their period). */
export function cleanWord(raw: string): string {
  const bare = raw.replace(/^[("'“‘«¿¡]+|[)"'”’»,;:!?]+$/gu, '');
  return ABBREV.test(bare) ? bare : bare.replace(/\.+$/u, '');
}

/** The word ends its clause: a comma, colon, ! or ?, or a full stop that is not an abbreviation's. */
export function endsClause(t: Tok): boolean {
  const bare = t.raw.replace(/[)"'”’»]+$/u, '');
  return /[,;:!?]$/u.test(bare) || (/\.$/u.test(bare) && !ABBREV.test(bare));
}

export const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);
export const inRanges = (t: Tok, avoid: readonly Range[]) => avoid.some(([s, e]) => t.start < e && s < t.end);

export interface SpanOptions {
  max: number;
  /** A lowercase word that may still belong to the span (a place written in lower case). */
  lowerOk?: (low: string, first: boolean) => boolean;
  /** Lowercase words that continue a span ("Redwood city", "C K Dental lab"). */
  tail?: ReadonlySet<string>;
  /** Words joining two capitalised parts ("Miller and Mane", "Casa de Pedra"). */
  connect?: ReadonlySet<string>;
  /** First words that never start a span ("Thanks", "Maybe"). */
  never?: (low: string) => boolean;
  /** First words that are ordinary vocabulary: rejected … */
  ordinary?: (low: string) => boolean;
  /** … unless the span turns out to be a business name ("La Petite Hair Salon"). */
  rescue?: (span: string) => boolean;
  /** Words that never belong to the span (the catalogue's service words: "Oakland gynecologist"). */
  stop?: ReadonlySet<string>;
  avoid?: readonly Range[];
  /** A colon may join two capitalised parts ("Premier Family Dental: Dr. Peter Han"). */
  colonJoins?: boolean;
}

/** `stopped`: the span ended at one of the `stop` words. */
export interface Span { text: string; from: number; to: number; start: number; end: number; stopped: boolean }

/** "It's", "What's", "I'd": a pronoun's contraction, never the start of a name. */
const CONTRACTION = /^(?:i|it|what|that|there|here|let|he|she|we|you|they|who|where|how|this)['’]\p{L}{1,2}$/u;

function continues(t: Tok, next: Tok | undefined, o: SpanOptions): boolean {
  if (/^[\p{Lu}\d]/u.test(t.word) || o.tail?.has(t.low) || o.lowerOk?.(t.low, false)) return true;
  return !!(o.connect?.has(t.low) && next && isCapitalised(next.word) && !/^I\b/u.test(next.word) && !inRanges(next, o.avoid ?? []));
}

/** Capitalised words from token `from` (see the header); undefined when none. */
export function capitalisedSpan(toks: readonly Tok[], from: number, o: SpanOptions): Span | undefined {
  const taken: Tok[] = [];
  let stopped = false;
  for (let i = from; i < toks.length && taken.length < o.max; i++) {
    const t = toks[i]!;
    stopped = !!o.stop?.has(t.low.replace(/s$/u, '')) || !!o.stop?.has(t.low);
    if (!t.word || /^I(?:['’]\p{L}+)?$/u.test(t.word) || inRanges(t, o.avoid ?? []) || stopped) break;
    const next = toks[i + 1];
    if (taken.length === 0) {
      const initial = /^\p{Lu}\.?$/u.test(t.word) && !!next && isCapitalised(next.word);
      const cap = isCapitalised(t.word) && !CONTRACTION.test(t.low) && (initial || !o.never?.(t.low));
      if (!cap && !o.lowerOk?.(t.low, true)) break;
    } else if (!continues(t, next, o)) break;
    taken.push(t);
    const colon = o.colonJoins && /:$/u.test(t.raw) && !!next && isCapitalised(next.word);
    if (endsClause(t) && !colon) break;
  }
  while (taken.length && o.connect?.has(taken[taken.length - 1]!.low)) taken.pop();
  if (!taken.length) return undefined;
  const text = taken.map((t) => (o.colonJoins && /:$/u.test(t.raw) && t !== taken[taken.length - 1] ? `${t.word}:` : t.word)).join(' ');
  if (o.ordinary?.(taken[0]!.low) && !(taken.length >= 2 && o.rescue?.(text))) return undefined;
  return { text, from, to: from + taken.length, start: taken[0]!.start, end: taken[taken.length - 1]!.end, stopped };
}
