import { describe, expect, it } from 'vitest';
import { visitorLocale } from './locale';

describe('the locale the booking page formats in', () => {
  it("is the visitor's regional variant of the page's language", () => {
    expect(visitorLocale('en', ['en-GB', 'en'], 'pt-BR')).toBe('en-GB');
    expect(visitorLocale('es-AR', ['es-MX', 'en'], 'es-AR')).toBe('es-MX');
    expect(visitorLocale('en', ['de-DE', 'en-IN'], 'es-AR')).toBe('en-IN');
  });

  it("else the business's when it speaks the page's language, else the page's language", () => {
    expect(visitorLocale('es-AR', ['en-US'], 'es-AR')).toBe('es-AR'); // switched to Spanish by hand
    expect(visitorLocale('en', ['en'], 'en-GB')).toBe('en-GB');
    expect(visitorLocale('pt-BR', ['fr-FR'], 'es-AR')).toBe('pt-BR');
    expect(visitorLocale('en', ['en-x-!!'], 'es-AR')).toBe('en');
  });
});
