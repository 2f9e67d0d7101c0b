import { describe, expect, it } from 'vitest';
import { moneyInput, parseMoney } from './money';

describe('money typed in the staff member\'s locale', () => {
  it.each([
    ['R$ 150,00', 'pt-BR', 'BRL', 15000],
    ['150', 'pt-BR', 'BRL', 15000],
    ['1.250,5', 'pt-BR', 'BRL', 125050],
    ['R$\u00a01.250,50', 'pt-BR', 'BRL', 125050],
    ['$ 12.000', 'es-AR', 'ARS', 1200000],
    ['12000,99', 'es-AR', 'ARS', 1200099],
    ['$1,250.50', 'en', 'USD', 125050],
    ['£12', 'en-GB', 'GBP', 1200],
    ['1,23,456', 'en-IN', 'INR', 12345600],
    ['¥1,500', 'en', 'JPY', 1500],
    ['0', 'en', 'USD', 0],
  ])('%s in %s (%s) is %i minor units', (text, locale, currency, minor) => {
    expect(parseMoney(text, locale, currency)).toBe(minor);
  });

  it.each([
    ['12.5', 'es-AR', 'ARS'], // a group of two digits: a slip, not twelve thousand five hundred
    ['1,5', 'en', 'USD'],
    ['150,001', 'pt-BR', 'BRL'], // more decimals than centavos
    ['', 'en', 'USD'],
    ['abc', 'en', 'USD'],
    ['-10', 'en', 'USD'],
    ['1.5', 'en', 'JPY'], // yen have no minor unit
    ['1,2,3', 'en', 'USD'],
  ])('refuses %j in %s (%s)', (text, locale, currency) => {
    expect(parseMoney(text, locale, currency)).toBeNull();
  });

  it('writes an amount back the way it is typed, and reads it again unchanged', () => {
    expect(moneyInput(125050, 'pt-BR', 'BRL')).toBe('1.250,50');
    expect(moneyInput(1200000, 'es-AR', 'ARS')).toBe('12.000,00');
    expect(moneyInput(125050, 'en', 'USD')).toBe('1,250.50');
    expect(moneyInput(1500, 'en', 'JPY')).toBe('1,500');
    for (const [amount, locale, currency] of [[125050, 'pt-BR', 'BRL'], [99, 'es-AR', 'ARS'], [123456789, 'en-IN', 'INR']] as const) {
      expect(parseMoney(moneyInput(amount, locale, currency), locale, currency)).toBe(amount);
    }
  });
});
