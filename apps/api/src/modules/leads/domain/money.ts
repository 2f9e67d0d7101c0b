/** A budget read from free text: "₹50,000 a month", "5 lakh per year", "R$ 2 mil por mês", "40-60k". */
export interface StatedBudget {
  /** The smallest amount mentioned, in whole units, per month. */
  monthly: number;
  amount: number;
  period: 'month' | 'year' | 'week' | 'once';
  currency: string | null;
}

const CURRENCIES: [RegExp, string][] = [
  [/₹|\brs\.?(?=\s|\d|$)|\binr\b|\brupees?\b/, 'INR'],
  [/r\$|\breais\b|\breal\b|\bbrl\b/, 'BRL'],
  [/£|\bgbp\b|\bpounds?\b|\bquid\b/, 'GBP'],
  [/€|\beur\b|\beuros?\b/, 'EUR'],
  [/\bars\b|\bpesos?\b/, 'ARS'],
  [/us\$|\$|\busd\b|\bdollars?\b|\bbucks\b/, 'USD'],
];
const MULTIPLIERS: [RegExp, number][] = [
  [/^(k|thousand|mil)$/, 1_000],
  [/^(l|lakhs?|lacs?)$/, 100_000],
  [/^(cr|crores?)$/, 10_000_000],
  [/^(m|mn|million|millions|mi|milh[aã]o|milh[oõ]es)$/, 1_000_000],
];
const PERIODS: [RegExp, StatedBudget['period']][] = [
  [/\b(a|per|each|every|\/)\s*(year|yr|annum)\b|\byearly\b|\bannual(ly)?\b|\bp\.?a\b|\b(por|ao|al|cada)\s+a[nñ]o\b|\banual\b/, 'year'],
  [/\b(a|per|each|every|\/)\s*week\b|\bweekly\b|\b(por|na|a)\s+semana\b|\bsemanal\b/, 'week'],
  [/\b(a|per|each|every|\/)\s*(month|mo)\b|\bmonthly\b|\bp\.?m\b|\bmo\b|\b(por|ao|al|cada)\s+m[eê]s\b|\bmensa(l|is)\b|\b\/\s*m[eê]s\b/, 'month'],
  [/\bone[- ]time\b|\bonce\b|\bone[- ]off\b|\bin total\b|\bupfront\b|\bvalor [uú]nico\b|\buma vez\b/, 'once'],
];
const NUMBER = /(\d{1,3}(?:[,.\s]\d{2,3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?)\s*(k|thousand|mil|lakhs?|lacs?|l|cr|crores?|mn|million|millions|m|mi|milh[aã]o|milh[oõ]es)?\b/g;

/** "50,000" → 50000, "1,00,000" → 100000, "1.500" → 1500, "2,5" → 2.5, "1.5" → 1.5. */
export function readNumber(text: string): number {
  const compact = text.replace(/\s/g, '');
  const groups = compact.split(/[,.]/);
  if (groups.length === 1) return Number(compact);
  const last = groups.at(-1)!;
  if (last.length === 3 && groups.slice(1, -1).every((g) => g.length === 2 || g.length === 3)) return Number(groups.join(''));
  // A final group of one or two digits is a decimal part: "2,5" / "1.5" / "1.500,50".
  return Number(`${groups.slice(0, -1).join('')}.${last}`);
}

/** The amounts in a budget answer, with "k"/"lakh"/"mil" applied (a range's multiplier applies to both ends). */
export function parseBudget(text: string): StatedBudget | null {
  const lower = text.toLowerCase();
  const found: { value: number; multiplier: number | null }[] = [];
  for (const m of lower.matchAll(NUMBER)) {
    const value = readNumber(m[1]!);
    if (!Number.isFinite(value)) continue;
    const word = m[2];
    const multiplier = word ? MULTIPLIERS.find(([re]) => re.test(word))?.[1] ?? null : null;
    found.push({ value, multiplier });
  }
  if (!found.length) return null;
  const lastMultiplier = [...found].reverse().find((f) => f.multiplier)?.multiplier ?? 1;
  const amounts = found.map((f) => f.value * (f.multiplier ?? (found.length > 1 ? lastMultiplier : 1)));
  const amount = Math.min(...amounts);
  if (amount <= 0) return null;
  const period = PERIODS.find(([re]) => re.test(lower))?.[1] ?? 'month';
  const currency = CURRENCIES.find(([re]) => re.test(lower))?.[1] ?? null;
  const monthly = period === 'year' ? amount / 12 : period === 'week' ? (amount * 52) / 12 : amount;
  return { monthly: Math.round(monthly), amount, period, currency };
}

const NO_BUDGET = /\bno budget\b|\bnot (decided|sure|fixed)\b|\bdon'?t know\b|\bno idea\b|\btbd\b|\bsem or[cç]amento\b|\bn[aã]o sei\b|\bainda n[aã]o\b|\bsin presupuesto\b|\bno s[eé]\b/;
export const saysNoBudget = (text: string): boolean => NO_BUDGET.test(text.toLowerCase());
