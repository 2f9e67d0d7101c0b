import { describe, expect, it } from 'vitest';
import { consentText, langOfLocale, missingConsent } from './consent';

const settings = (texts: Record<string, string>, required = true) => ({ required, purposes: ['data_processing'], texts });

describe('consent on the booking page', () => {
  it("shows the text in the visitor's language, else the business's, else whichever there is", () => {
    expect(consentText(settings({ pt: 'Aceito', en: 'I agree' }), 'en', 'pt')).toEqual({ lang: 'en', text: 'I agree' });
    expect(consentText(settings({ pt: 'Aceito' }), 'es', 'pt')).toEqual({ lang: 'pt', text: 'Aceito' });
    expect(consentText(settings({ en: 'I agree' }), 'es', 'pt')).toEqual({ lang: 'en', text: 'I agree' });
    expect(consentText(settings({}, false), 'es', 'pt')).toEqual({ lang: 'es', text: null });
  });

  it('names the field when a business requires consent and it was not given', () => {
    expect(missingConsent(settings({ pt: 'x' }), undefined)).toMatchObject({ path: 'consentAccepted' });
    expect(missingConsent(settings({ pt: 'x' }), false)).toMatchObject({ path: 'consentAccepted' });
    expect(missingConsent(settings({ pt: 'x' }), true)).toBeUndefined();
    expect(missingConsent(settings({}, false), undefined)).toBeUndefined();
  });

  it('reads the language of a locale', () => {
    expect([langOfLocale('pt-BR'), langOfLocale('es-AR'), langOfLocale('en-IN'), langOfLocale('fr')]).toEqual(['pt', 'es', 'en', 'en']);
  });
});
