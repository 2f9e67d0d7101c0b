/**
 * Dates, times and money as the staff member reads them: in their language, with the tenant's
 * regional habits when the languages match (English for a London business reads 24-hour
 * en-GB), and always on the tenant's clock, wherever the browser is.
 */
export type Language = 'en' | 'pt-BR' | 'es-AR';
export const languages: readonly Language[] = ['en', 'pt-BR', 'es-AR'];

/** The browser's preferred languages → the first one the dashboard speaks (English otherwise). */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'pt') return 'pt-BR';
    if (base === 'es') return 'es-AR';
    if (base === 'en') return 'en';
  }
  return 'en';
}

export function formatLocale(language: Language, tenantLocale: string | undefined): string {
  const base = (tag: string) => tag.toLowerCase().split('-')[0];
  return tenantLocale && base(tenantLocale) === base(language) ? tenantLocale : language;
}

export interface Money { amount: number; currency: string }

/**
 * CLDR gives es-AR (and some other Spanish and Portuguese locales) a 12-hour clock, but the
 * businesses there write 24-hour times ("20:00"), as their blueprints and messages do.
 */
const hourCycleOf = (locale: string) => (/^(es|pt)\b/.test(locale) ? { hourCycle: 'h23' as const } : {});

export function formatters(locale: string, timeZone: string) {
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', ...hourCycleOf(locale) });
  const longDay = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const shortDay = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short' });
  const offset = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'shortOffset' });
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', ...hourCycleOf(locale) });
  const calendarDate = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
  return {
    time: (at: string | number) => time.format(new Date(at)),
    timeRange: (from: string, to: string) => time.formatRange(new Date(from), new Date(to)),
    dateTime: (at: string | number) => dateTime.format(new Date(at)),
    longDay: (ms: number) => longDay.format(ms),
    shortDay: (ms: number) => shortDay.format(ms),
    /** A day the API names as YYYY-MM-DD (already the tenant's local day). */
    localDate: (date: string) => calendarDate.format(Date.parse(`${date}T12:00:00Z`)),
    number: (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n),
    money(m: Money): string {
      const f = new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency });
      return f.format(m.amount / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2));
    },
    /** "Buenos Aires (GMT-3)" — the tenant's zone as people know it, with its offset at `ms`. */
    zone(ms: number): string {
      const city = timeZone.split('/').pop()!.replace(/_/g, ' ');
      const gmt = offset.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? '';
      return `${city} (${gmt})`;
    },
  };
}
export type Formatters = ReturnType<typeof formatters>;
