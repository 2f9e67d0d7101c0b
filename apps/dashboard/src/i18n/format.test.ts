import { describe, expect, it } from 'vitest';
import { formatLocale, formatters, pickLanguage } from './format';

describe('languages and formats', () => {
  it('starts in the browser’s language when the dashboard speaks it', () => {
    expect(pickLanguage(['pt-PT', 'en'])).toBe('pt-BR');
    expect(pickLanguage(['es-MX'])).toBe('es-AR');
    expect(pickLanguage(['de-DE', 'en-GB'])).toBe('en');
    expect(pickLanguage(['fr-FR'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });

  it('uses the tenant’s regional habits when the languages match', () => {
    expect(formatLocale('en', 'en-GB')).toBe('en-GB');
    expect(formatLocale('en', 'en-IN')).toBe('en-IN');
    expect(formatLocale('en', 'pt-BR')).toBe('en');
    expect(formatLocale('es-AR', 'es-AR')).toBe('es-AR');
    expect(formatLocale('pt-BR', 'es-AR')).toBe('pt-BR');
  });

  it('writes times on the tenant’s clock and money from minor units', () => {
    const at = Date.parse('2026-12-09T23:00:00Z');
    const ba = formatters('es-AR', 'America/Argentina/Buenos_Aires');
    expect(ba.time(at)).toBe('20:00');
    expect(ba.money({ amount: 1200000, currency: 'ARS' })).toMatch(/^\$\s12\.000,00$/);
    expect(ba.zone(at)).toBe('Buenos Aires (GMT-3)');
    const london = formatters('en-GB', 'Europe/London');
    expect(london.time(Date.parse('2026-07-01T12:00:00Z'))).toBe('13:00'); // BST
    expect(london.time(Date.parse('2026-12-01T12:00:00Z'))).toBe('12:00');
    expect(london.money({ amount: 8500, currency: 'GBP' })).toBe('£85.00');
    expect(formatters('en', 'Asia/Tokyo').money({ amount: 1500, currency: 'JPY' })).toBe('¥1,500');
    expect(formatters('pt-BR', 'America/Sao_Paulo').money({ amount: 37500, currency: 'BRL' })).toMatch(/^R\$\s375,00$/);
    expect(formatters('en-IN', 'Asia/Kolkata').time(Date.parse('2026-12-01T12:00:00Z'))).toMatch(/^05:30\spm$/i);
  });
});
