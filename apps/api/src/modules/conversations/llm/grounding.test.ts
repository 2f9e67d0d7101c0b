import { describe, expect, it } from 'vitest';
import { amountsIn, parseAmount, timesIn, unsupportedClaims } from './grounding';

const minutes = (text: string) => timesIn(text).map((c) => c.values[0]);

describe('grounding: clock times', () => {
  it.each([
    ['às 10:00', 600], ['10h', 600], ['10h30', 630], ['15 h', 900], ['10hs', 600], ['3pm', 900], ['3:30 pm', 930],
    ['3 p.m.', 900], ['12am', 0], ['12 pm', 720], ['09:05', 545],
  ])('reads %s', (text, value) => {
    expect(minutes(text)).toEqual([value]);
  });

  it('ignores numbers that are not times', () => {
    expect(timesIn('2 matérias, 60 min, R$ 375,00, (11) 98765-4321, 2026-11-27, 3 horas, 45 h')).toEqual([]);
  });

  it('lets an hour without am/pm stand for the afternoon too', () => {
    expect(timesIn('at 3:00')[0]!.values).toEqual([180, 900]);
  });
});

describe('grounding: money', () => {
  it.each([
    ['R$ 375,00', 375], ['R$\u00a0750,00 por mês', 750], ['₹1,500', 1500], ['£85', 85], ['$ 4.500', 4500], ['$4.50', 4.5],
    ['₹1,50,000', 150000], ['R$ 1.234,56', 1234.56], ['US$ 20', 20], ['300 reais', 300], ['15.000 pesos', 15000],
  ])('reads %s', (text, value) => {
    expect(amountsIn(text).map((c) => c.values[0])).toEqual([value]);
  });

  it('parses separators by the length of the last group', () => {
    expect(parseAmount('1,234.56')).toBe(1234.56);
    expect(parseAmount('4.500')).toBe(4500);
    expect(parseAmount('85')).toBe(85);
  });
});

describe('grounding: a reply against the facts', () => {
  const facts = ['{"offers":[{"offerId":"slot-1","label":"sex., 27 de nov., 10:00"},{"offerId":"slot-2","label":"sex., 27 de nov., 15:00"}]}',
    '{"quote":"• Mensalidade: R$\u00a0375,00 por mês"}', 'tem às 11h?'];

  it('accepts times and prices that tools returned, in any common spelling', () => {
    expect(unsupportedClaims('Tenho sexta às 10h ou às 3pm. A mensalidade é R$ 375 por mês.', facts)).toEqual([]);
    expect(unsupportedClaims('Às 11h não tenho, mas tenho às 10:00.', facts)).toEqual([]);
  });

  it('returns each time or amount no fact supports', () => {
    expect(unsupportedClaims('Tenho às 09:30 e custa R$ 300,00.', facts)).toEqual(['09:30', 'R$ 300,00']);
  });

  it('does not let a 24-hour fact support a different reading', () => {
    expect(unsupportedClaims('Posso às 22:00', ['10:00'])).toEqual(['22:00']);
  });
});
