import type { Lang } from '../nlu/types';

const localeOf: Record<Lang, string> = { pt: 'pt-BR', es: 'es-AR', en: 'en-GB' };

/** The customer's language with the tenant's regional formats where they share the language. */
export function displayLocale(lang: Lang, tenantLocale: string): string {
  return tenantLocale.startsWith(lang) ? tenantLocale : localeOf[lang];
}

export { formatMoney, formatSlot } from '../../../../shared/time/format';

const WEEK: ['mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', number][] = [
  ['mon', 5], ['tue', 6], ['wed', 7], ['thu', 8], ['fri', 9], ['sat', 10], ['sun', 11],
];

/** "seg.: 08:00–12:00, 14:00–17:00" per open day, in the customer's language. */
export function formatHours(hours: Partial<Record<string, [string, string][]>>, locale: string): string[] {
  return WEEK.filter(([day]) => hours[day]?.length).map(([day, jan]) => {
    // 2026-01-05 was a Monday: format a known date to get the weekday's local name.
    const name = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2026, 0, jan));
    return `${name}: ${hours[day]!.map(([a, b]) => `${a}–${b}`).join(', ')}`;
  });
}
