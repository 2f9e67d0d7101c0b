/** What the booking page shows and asks about consent, from the tenant's consent settings. Pure. */
import type { ConsentSettings } from '@frontdesk/contracts';
import type { FieldError } from '../../../shared/errors';

export type Lang = 'pt' | 'es' | 'en';

/** pt-BR → pt, es-AR → es, anything else → en. */
export const langOfLocale = (locale: string): Lang => (locale.startsWith('pt') ? 'pt' : locale.startsWith('es') ? 'es' : 'en');

/** The consent question in the wanted language, else the business's, else whichever exists. */
export function consentText(settings: ConsentSettings, wanted: Lang, business: Lang): { lang: Lang; text: string | null } {
  for (const lang of [wanted, business, 'pt', 'es', 'en'] as const) {
    const text = settings.texts[lang];
    if (text) return { lang, text };
  }
  return { lang: wanted, text: null };
}

/** The field to name when a business requires consent and the visitor did not tick it. */
export function missingConsent(settings: ConsentSettings, accepted: boolean | undefined): FieldError | undefined {
  if (!settings.required || accepted === true) return undefined;
  return { path: 'consentAccepted', message: 'this business needs your consent to process your details: send true after showing the consent text' };
}
