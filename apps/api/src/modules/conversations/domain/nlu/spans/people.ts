/**
 * The professional or business a customer names, as written, whether or not the tenant's
 * catalogue has it: "with Dr. Lee", "con la Dra. Pérez", "com a Mariana", "at Great Clips",
 * "the salon's name is actually Hairapy". The catalogue match (entities.staff) is separate.
 *
 * Interpretation choices:
 *  - A title (Dr., Dra., Doctor, Doutora…) followed by a capitalised name is a name; "a doctor",
 *    "the doctor" (an article before the word) or "doctor." (the sentence ends) is not.
 *  - Otherwise a capitalised span after a trigger: with / con / com, see, visit, named, called,
 *    llamado, chamado, try, prefer, "go to", a sentence-opening "Book"; after "is" / "be" / "to"
 *    only when a name or a business word is close before ("the salon should be X", "change the
 *    dentist to X"), or when the span is a business ("It's the Revamp Salon"); a business word
 *    right before a capitalised name introduces it ("the salon Fig & Clover", "his office,
 *    Nisha Dharmani Dentistry"). A lower-case article between trigger and name is skipped.
 *  - The first word may not be ordinary vocabulary unless the span is a business name ("La
 *    Petite Hair Salon", "Salon Revel"); a date or time ends it ("Dr. Lee at 1:30"); a span that
 *    runs into one of the catalogue's service words is that service ("a Family Counselor"), and
 *    the place of the message is not a name ("at SFO"). A colon may join a practice and its
 *    dentist ("Premier Family Dental: Dr. Peter Han"); a possessive is dropped ("Dr. Sabi's").
 *  - Credentials after the name stay with it: "Jonathan S. Berek, MD, MMS".
 *  - When the assistant asked for the name, a capitalised answer is the name ("Thomas P Farris please").
 *  - "share … with Joshua" names a recipient, not a professional.
 */
import { ARTICLES, BUSINESS, BUSINESS_TAIL, CALENDAR_WORDS, CONNECT, CREDENTIAL, isOrdinary, SENTENCE_WORDS } from './vocab';
import { capitalisedSpan, endsClause, isCapitalised, type Range, type Span, type SpanOptions, type Tok } from './tokens';

export interface NameOptions {
  avoid: readonly Range[];
  /** The catalogue's service words: a span running into one is the service ("a Family Counselor"), not a name. */
  stop: ReadonlySet<string>;
  awaiting: boolean;
  /** The span is the place found in the same message ("at SFO"). */
  isPlace: (span: string) => boolean;
}

const TITLES = new Set(['dr', 'dr.', 'dra', 'dra.', 'doctor', 'doctora', 'doutor', 'doutora']);
const FEMININE = new Set(['dra', 'dra.', 'doctora', 'doutora']);
const DETERMINERS = new Set([...ARTICLES, 'my', 'any', 'another', 'your', 'this', 'that', 'mi', 'meu', 'minha', 'otro', 'outro', 'other']);
const TRIGGERS = new Set(['with', 'at', 'visit', 'see', 'named', 'called', 'try', 'prefer', 'con', 'com', 'llamado', 'llamada', 'chamado', 'chamada']);
/** "the salon Fig & Clover", "his office, Nisha Dharmani Dentistry": a business word, then the name. */
const APPOSITION = new Set(['salon', 'dentist', 'office', 'barbershop', 'clinic', 'salão', 'salao', 'barberia', 'barbearia', 'consultorio']);
const NEEDS_CONTEXT = new Set(['is', 'be', 'to', 'es', 'e', 'sea', 'seja']);
const NAME_CONTEXT = /\b(?:name|named|called|salon|salon's|dentist|dentist's|doctor|therapist|stylist|office|nombre|nome|llama|chama|peluquero|barbero|barbeiro|profesional|profissional)\b/iu;
const FILLER_AFTER_IS = new Set(['actually', 'really', 'just', 'now', 'realmente', 'mesmo']);

function options(o: NameOptions, ordinary: boolean): SpanOptions {
  return {
    max: 6, connect: CONNECT, tail: BUSINESS_TAIL, avoid: o.avoid, stop: o.stop, colonJoins: true,
    never: (w) => SENTENCE_WORDS.has(w) || (!ordinary && CALENDAR_WORDS.has(w)),
    ...(ordinary ? { ordinary: (w: string) => isOrdinary(w) || CALENDAR_WORDS.has(w), rescue: (s: string) => BUSINESS.test(s) } : {}),
  };
}

/** The name as it will be returned: a title normalised ("Doctor Lee" → "Dr. Lee"), credentials kept, no possessive. */
function render(toks: readonly Tok[], span: Span): string {
  const creds: string[] = [];
  for (let i = span.to; i < toks.length && CREDENTIAL.test(toks[i]!.word); i++) creds.push(toks[i]!.word);
  let text = span.text.replace(/['’]s$/u, '');
  const first = toks[span.from]!.low;
  if (TITLES.has(first) && span.to - span.from > 1) text = `${FEMININE.has(first) ? 'Dra.' : 'Dr.'} ${text.slice(text.indexOf(' ') + 1)}`;
  return creds.length ? [text, ...creds].join(', ') : text;
}

const usable = (span: Span | undefined, o: NameOptions): span is Span =>
  !!span && !span.stopped && !o.isPlace(span.text) && !TITLES.has(span.text.toLowerCase());

/** "Dr. Lee", "la Dra. Pérez" — not "a doctor", "the doctor", "doctor." */
function afterTitle(toks: readonly Tok[], o: NameOptions): string | undefined {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!TITLES.has(t.low) || endsClause(t)) continue;
    const abbreviated = t.low.startsWith('dr');
    if (!abbreviated && (DETERMINERS.has(toks[i - 1]?.low ?? '') || !isCapitalised(toks[i + 1]?.word ?? ''))) continue;
    const span = capitalisedSpan(toks, i + 1, { ...options(o, false), max: 5 });
    if (!usable(span, o) || /^(?:appointment|visit|office)$/i.test(span.text)) continue;
    return `${FEMININE.has(t.low) ? 'Dra.' : 'Dr.'} ${render(toks, span)}`;
  }
  return undefined;
}

/** Whether token i introduces a name; 'business' when only a business name may follow ("It's the Revamp Salon"). */
function trigger(toks: readonly Tok[], i: number): 'any' | 'business' | false {
  const t = toks[i]!;
  if (APPOSITION.has(t.low) && (/,$/u.test(t.raw) || (!endsClause(t) && isCapitalised(toks[i + 1]?.word ?? '')))) return 'any';
  if (endsClause(t)) return false;
  if (TRIGGERS.has(t.low)) return 'any';
  if (t.low === 'book') return i === 0 || endsClause(toks[i - 1]!) ? 'any' : false;
  if (t.low === 'to' && toks[i - 1]?.low === 'go') return 'any';
  if (NEEDS_CONTEXT.has(t.low) && NAME_CONTEXT.test(toks.slice(Math.max(0, i - 3), i).map((x) => x.word).join(' '))) return 'any';
  return t.low === 'is' || t.low === "it's" || t.low === 'its' ? 'business' : false;
}

function afterTrigger(toks: readonly Tok[], text: string, o: NameOptions): string | undefined {
  for (let i = 0; i < toks.length; i++) {
    const kind = trigger(toks, i);
    if (!kind) continue;
    if (['with', 'con', 'com'].includes(toks[i]!.low) && /\bshar(?:e|ing)\b|\bcompart/iu.test(text)) continue;
    let j = i + 1;
    while (j < toks.length - 1 && (FILLER_AFTER_IS.has(toks[j]!.low) || (ARTICLES.has(toks[j]!.word) && isCapitalised(toks[j + 1]!.word)))) j++;
    const span = capitalisedSpan(toks, j, options(o, true));
    if (!usable(span, o) || (kind === 'business' && !(BUSINESS.test(span.text) && span.to - span.from >= 2))) continue;
    return render(toks, span);
  }
  return undefined;
}

export function findProviderName(toks: readonly Tok[], o: NameOptions, text: string): string | undefined {
  const named = afterTrigger(toks, text, o) ?? afterTitle(toks, o);
  if (named) return named;
  const start = toks[0] && SENTENCE_WORDS.has(toks[0].low) && endsClause(toks[0]) ? 1 : 0;
  const whole = capitalisedSpan(toks, start, options(o, !o.awaiting));
  if (!usable(whole, o)) return undefined;
  if (o.awaiting) return render(toks, whole);
  const isTheName = /^(?:is|es|e)$/u.test(toks[whole.to]?.low ?? '') && /^(?:the|el|o)$/u.test(toks[whole.to + 1]?.low ?? '') && /^(?:name|nombre|nome)$/u.test(toks[whole.to + 2]?.low ?? '');
  return (BUSINESS.test(whole.text) && whole.to - whole.from >= 2) || isTheName ? render(toks, whole) : undefined;
}
