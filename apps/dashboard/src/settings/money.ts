/**
 * Money typed by staff, in their locale: "R$ 150,00" (pt-BR), "$ 12.000" (es-AR), "$1,250.50" (en).
 * The API keeps integer minor units, so the parse is exact: no floating point on the way.
 */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

function separators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  return { group: /\s/.test(group) ? ' ' : group, decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.' };
}

/** Groups as people write them: 1.234.567, or 12,34,567 in India; the last group always has three digits. */
function wellGrouped(groups: string[]): boolean {
  return groups.every((g, i) => (i === 0 ? /^\d{1,3}$/.test(g) : i === groups.length - 1 ? /^\d{3}$/.test(g) : /^\d{2,3}$/.test(g)));
}

/** The amount in minor units, or null when the text is not an amount in this locale (e.g. "12.5" in es-AR). */
export function parseMoney(text: string, locale: string, currency: string): number | null {
  const { group, decimal } = separators(locale);
  // Drop the symbol or code ("R$", "US$", "ARS") and the spaces around it; keep digits and separators.
  const cleaned = text.replace(/[\s\u00a0\u202f]+/g, ' ').replace(/[^\d.,' ]/g, '').trim();
  if (!/\d/.test(cleaned) || /-/.test(text)) return null;
  const normal = group === ' ' ? cleaned : cleaned.replace(/ /g, '');
  const at = normal.lastIndexOf(decimal);
  const whole = at >= 0 ? normal.slice(0, at) : normal;
  const fraction = at >= 0 ? normal.slice(at + 1) : '';
  const digits = minorDigits(currency);
  if (!/^\d*$/.test(fraction) || fraction.length > digits) return null;
  const groups = whole.split(group);
  if (groups.length > 1 ? !wellGrouped(groups) : !/^\d+$/.test(whole || '0')) return null;
  const units = Number(groups.join('') || '0');
  const minor = units * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units as they go back into an input: "150,00" in pt-BR, "12.000,00" in es-AR. */
export function moneyInput(amount: number, locale: string, currency: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount / 10 ** digits);
}
