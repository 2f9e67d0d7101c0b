/** Readers of free-text qualification answers (en, pt, es): when, who decides, how big. */

export type TimelineTier = 'now' | 'soon' | 'quarter' | 'later' | 'exploring';
export interface StatedTimeline { tier: TimelineTier; words: string }

const N = '(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|um|uma|dois|duas|tr[eê]s|quatro|cinco|seis|uno|dos|tres)';
const WORD_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  um: 1, uma: 1, dois: 2, duas: 2, tres: 3, 'três': 3, quatro: 4, cinco: 5, seis: 6, uno: 1, dos: 2,
};
const count = (word: string) => WORD_NUMBERS[word] ?? Number(word);

const TIERS: [TimelineTier, RegExp][] = [
  ['exploring', /just (exploring|looking|browsing|researching)|not sure|no rush|no hurry|some ?day|eventually|no timeline|don'?t know|s[oó] (pesquisando|olhando)|sem pressa|n[aã]o sei|algum dia|solo (mirando|explorando)|sin apuro/],
  ['now', /\basap\b|as soon as possible|immediately|urgent|right away|right now|\btoday\b|\btomorrow\b|this week|\bnow\b|o quanto antes|urgente|\bhoje\b|amanh[aã]|(esta|essa) semana|\bj[aá]\b|\bagora\b|imediat|cuanto antes|\bhoy\b|ma[nñ]ana|esta semana|\bya\b/],
  ['soon', new RegExp(`next week|this month|within ${N} (weeks?|days?)|in ${N} (weeks?|days?)|fortnight|within (a|one|1) month|in (a|one|1) month|\\b(30|15) days|pr[oó]xima semana|(este|esse) m[eê]s|em ${N} semanas?|em (um|1) m[eê]s|dentro de (um|1) m[eê]s|pr[oó]xima semana|este mes|la semana que viene|en ${N} semanas?`)],
  ['quarter', new RegExp(`next month|within ${N} months|in ${N} months|next quarter|this quarter|\\bq[1-4]\\b|pr[oó]ximo m[eê]s|em ${N} meses|pr[oó]ximo trimestre|el mes que viene|en ${N} meses`)],
  ['later', /next year|later this year|end of (the )?year|six months|\b(6|12) months|ano que vem|pr[oó]ximo ano|fim do ano|el a[nñ]o que viene|fin de a[nñ]o/],
];

export function parseTimeline(text: string): StatedTimeline | null {
  const lower = text.toLowerCase();
  const months = new RegExp(`(within|in|em|en) ${N} (months|meses)`).exec(lower);
  if (months && count(months[2]!) > 3) return { tier: 'later', words: months[0] };
  const weeks = new RegExp(`(within|in|em|en) ${N} (weeks|semanas)`).exec(lower);
  if (weeks && count(weeks[2]!) > 4) return { tier: 'quarter', words: weeks[0] };
  for (const [tier, re] of TIERS) {
    const m = re.exec(lower);
    if (m) return { tier, words: m[0] };
  }
  return null;
}

export type DecisionRole = 'decides' | 'shares' | 'influences' | 'does_not_decide';
const NOT_DECIDER = /my (boss|manager|director|ceo|founder|owner|partner) decides|\bmy boss\b|need(s)? (approval|to ask)|not (me|the decision|the one)|someone else|above me|meu chefe|minha chefe|n[aã]o sou eu|preciso de aprova|mi jefe|no soy yo/;
const DECIDER = /\bfounder|\bco-?founder|\bowner\b|\bceo\b|\bcto\b|\bcoo\b|\bcfo\b|\bmd\b|managing director|\bdirector\b|head of|\bvp\b|vice president|\bpresident\b|\bpartner\b|proprietor|i decide|i('m| am) the decision|decision maker|my (decision|call|company|business)|\bi own\b|\bdon[oa]\b|propriet[aá]ri[oa]|\bs[oó]ci[oa]\b|diretor|eu decido|\bdue[nñ]o\b|yo decido|\bgerente general\b/;
const SHARES = /\bwith (our|my|the)\b|together|along with|\bjointly\b|\bwe decide\b|\band (my|our)\b|junto|\bcom (o|a|meu|minha|nosso)\b|\bcon (mi|el|la|nuestro)\b/;
const INFLUENCER = /\bmanager\b|team lead|\blead\b|i recommend|i evaluate|shortlist|\bgerente\b|coordenador|supervisor|\bencargad/;

export function parseDecisionRole(text: string): DecisionRole | null {
  const lower = text.toLowerCase();
  if (NOT_DECIDER.test(lower)) return 'does_not_decide';
  if (DECIDER.test(lower)) return SHARES.test(lower) ? 'shares' : 'decides';
  if (INFLUENCER.test(lower)) return 'influences';
  return null;
}

/** Head count: "about 40 people", "10-50", "200+", "1,200 employees", "just me". A range gives its middle. */
export function parseCompanySize(text: string): number | null {
  const lower = text.toLowerCase();
  if (/just me|only me|\bsolo\b|freelanc|myself|s[oó] eu|aut[oô]nom[oa]|yo solo/.test(lower)) return 1;
  const numbers = [...lower.matchAll(/(\d{1,3}(?:[,.]\d{3})+|\d+(?:\.\d+)?)\s*(k\b)?/g)]
    .map((m) => Number(m[1]!.replace(/[,.](?=\d{3}\b)/g, '')) * (m[2] ? 1000 : 1))
    .filter((n) => Number.isFinite(n) && n > 0);
  if (!numbers.length) return null;
  if (numbers.length >= 2) return Math.round((numbers[0]! + numbers[1]!) / 2);
  return numbers[0]!;
}

/** An age in years: "ele tem 8 anos", "8", "she's 10". */
export function parseAge(text: string): number | null {
  const m = /\b(\d{1,3})\b/.exec(text);
  if (!m) return null;
  const age = Number(m[1]);
  return age > 0 && age < 120 ? age : null;
}

const VAGUE = /not sure|no idea|dunno|don'?t know|n[aã]o sei|no s[eé]\b|^nothing|^nada|\bidk\b|just (looking|exploring|browsing)|s[oó] (olhando|pesquisando)|ainda n[aã]o sei/;
/** A described need is a few words that say something, not "not sure". */
export function describesNeed(text: string): boolean {
  const lower = text.trim().toLowerCase();
  return !VAGUE.test(lower) && lower.split(/\s+/).filter((w) => w.length > 1).length >= 3;
}
