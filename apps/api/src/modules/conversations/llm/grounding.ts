/**
 * Grounding of an LLM reply, pure: every clock time and money amount it states must appear in
 * what this turn's tools returned, the offers on the table, or the customer's own words.
 */

const AMPM = String.raw`(a\.?\s?m\.?|p\.?\s?m\.?)(?!\p{L})`;
// 10:00 · 10h30 · 3:30pm | 10h · 15 h · 10hs | 3pm · 3 p.m.
const TIME = new RegExp(String.raw`(?<![\d:.,$£€₹])(\d{1,2})\s?(?:[:h]\s?([0-5]\d)(?!\d)\s?(?:${AMPM})?|(hs?)(?!\p{L})|${AMPM})`, 'giu');

const NUMBER = String.raw`(\d[\d.,]*\d|\d)`;
const SYMBOL = String.raw`(?:R\$|US\$|AR\$|U\$S|\$|£|€|₹|Rs\.?|INR|BRL|USD|GBP|EUR|ARS)`;
const WORD = String.raw`(?:reais|real|pesos?|d[oó]lares|dollars?|libras?|pounds?|rupees?|rupias?|euros?|BRL|USD|GBP|EUR|ARS|INR)(?!\p{L})`;
const MONEY = new RegExp(String.raw`${SYMBOL}\s?${NUMBER}|${NUMBER}\s?${WORD}`, 'giu');

export interface Claim { text: string; kind: 'time' | 'money'; values: number[] }

/** Clock times as minutes of the day; without am/pm an hour up to 11 may also mean the afternoon. */
export function timesIn(text: string): Claim[] {
  return [...text.matchAll(TIME)].flatMap((m) => {
    const hour = Number(m[1]);
    const minute = Number(m[2] ?? 0);
    const meridiem = (m[3] ?? m[5])?.toLowerCase().replace(/[^ap]/g, '');
    if (hour > 24 || (meridiem && (hour < 1 || hour > 12))) return [];
    const value = meridiem ? ((hour % 12) + (meridiem === 'p' ? 12 : 0)) * 60 + minute : hour * 60 + minute;
    const values = !meridiem && hour >= 1 && hour < 12 ? [value, value + 12 * 60] : [value];
    return [{ text: m[0].trim(), kind: 'time' as const, values }];
  });
}

/** "1.500,00", "1,500.00", "4.500", "1,50,000": a last group of one or two digits is the decimals. */
export function parseAmount(written: string): number {
  const groups = written.split(/[.,]/);
  const last = groups[groups.length - 1]!;
  if (groups.length > 1 && last.length <= 2) return Number(`${groups.slice(0, -1).join('')}.${last}`);
  return Number(groups.join(''));
}

export function amountsIn(text: string): Claim[] {
  return [...text.matchAll(MONEY)].map((m) => ({ text: m[0].trim(), kind: 'money' as const, values: [parseAmount((m[1] ?? m[2])!)] }));
}

/** What the reply states that none of the facts do (each as written in the reply). */
export function unsupportedClaims(reply: string, facts: string[]): string[] {
  const allowedTimes = new Set(facts.flatMap((f) => timesIn(f).map((c) => c.values[0]!)));
  const allowedAmounts = facts.flatMap((f) => amountsIn(f).map((c) => c.values[0]!));
  const timeOk = (c: Claim) => c.values.some((v) => allowedTimes.has(v));
  const moneyOk = (c: Claim) => allowedAmounts.some((a) => Math.abs(a - c.values[0]!) < 0.005);
  return [...timesIn(reply).filter((c) => !timeOk(c)), ...amountsIn(reply).filter((c) => !moneyOk(c))].map((c) => c.text);
}
