/**
 * The locale the booking page formats dates, times and money in: the visitor's own regional
 * variant when it speaks the page's language (a British visitor reads 24-hour en-GB), else the
 * business's when the languages match (a Spanish page at a Buenos Aires shop reads es-AR), else
 * the page's language.
 */
import { formatLocale, type Language } from '../i18n/format';

const base = (tag: string) => tag.toLowerCase().split('-')[0];

export function visitorLocale(language: Language, preferred: readonly string[], businessLocale: string): string {
  const own = preferred.find((tag) => base(tag) === base(language) && tag.includes('-'));
  if (own) {
    try {
      return Intl.DateTimeFormat.supportedLocalesOf([own]).length ? own : formatLocale(language, businessLocale);
    } catch {
      return formatLocale(language, businessLocale); // not a well-formed tag
    }
  }
  return formatLocale(language, businessLocale);
}
