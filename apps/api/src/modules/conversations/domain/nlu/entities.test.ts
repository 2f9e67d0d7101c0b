import { describe, expect, it } from 'vitest';
import { countryOfLocale, extractAge, extractEmail, extractPeople, extractPersonName, extractPhone, extractSchoolYear } from './entities';
import { normalise } from './normalise';

describe('phone numbers in E.164, read with the tenant country', () => {
  it.each([
    ['meu whats é (11) 98765-4321', 'pt-BR', '+5511987654321'],
    ['pode ligar no 11987654321', 'pt-BR', '+5511987654321'],
    ['mi cel es +54 9 11 5555-1234', 'es-AR', '+5491155551234'],
    ['call me on 07911 123456', 'en-GB', '+447911123456'],
    ['my number is 98765 43210', 'en-IN', '+919876543210'],
    ['+44 20 7946 0958 is the office', 'pt-BR', '+442079460958'],
  ])('%s (%s)', (text, locale, want) => {
    expect(extractPhone(text, locale)).toBe(want);
  });

  it.each([['às 10h30 do dia 12'], ['quero 2 cortes'], ['R$ 375,00'], ['']])('finds none in %j', (text) => {
    expect(extractPhone(text, 'pt-BR')).toBeUndefined();
  });

  it('knows the four markets', () => {
    expect(['pt-BR', 'es-AR', 'en-GB', 'en-IN', 'pt', 'en'].map(countryOfLocale)).toEqual(['BR', 'AR', 'GB', 'IN', 'BR', undefined]);
  });
});

describe('email', () => {
  it('extracts and lowercases', () => {
    expect(extractEmail('meu email: Ana.Souza+kumon@Gmail.com, obrigada')).toBe('ana.souza+kumon@gmail.com');
    expect(extractEmail('sem email aqui @ nada')).toBeUndefined();
  });
});

describe('party size', () => {
  it.each([
    ['para 3 pessoas', 'pt', 3], ['somos 4', 'es', 4], ['mesa para dos personas', 'es', 2],
    ['for two people please', 'en', 2], ['table for 6', 'en', 6], ['party of 12', 'en', 12],
  ] as const)('%s → %d', (text, lang, want) => {
    expect(extractPeople(normalise(text, lang))).toBe(want);
  });

  it('ignores other numbers', () => {
    expect(extractPeople(normalise('às 3 da tarde', 'pt'))).toBeUndefined();
  });
});

describe('age and school year', () => {
  it.each([
    ['meu filho tem 8 anos', 'pt', 8], ['tiene 10 años', 'es', 10], ['she is 8 years old', 'en', 8], ['aged 11', 'en', 11],
  ] as const)('age in %s', (text, lang, want) => {
    expect(extractAge(normalise(text, lang))).toBe(want);
  });

  it.each([
    ['ele está no 5º ano', '5º ano'], ['cursa a 3ª série', '3ª série'], ['va a 2do grado', '2do grado'],
    ['he is in year 5', 'year 5'], ['my daughter is in 3rd grade', '3rd grade'], ['está no quinto ano do fundamental', 'quinto ano'],
  ])('school year in %s', (text, want) => {
    expect(extractSchoolYear(text)).toBe(want);
  });

  it('does not read an age as a school year', () => {
    expect(extractSchoolYear('tem 8 anos')).toBeUndefined();
    expect(extractSchoolYear('tiene 10 años')).toBeUndefined();
    expect(extractAge(normalise('está no 5º ano', 'pt'))).toBeUndefined();
  });
});

describe('the person\'s name', () => {
  it.each([
    ['Meu nome é Ana Paula Souza e quero marcar', 'Ana Paula Souza'],
    ['oi, me chamo joão', 'João'],
    ['Sou a Mariana, mãe do Pedro', 'Mariana'],
    ['Hola, me llamo Juan Pérez', 'Juan Pérez'],
    ['soy Lucía', 'Lucía'],
    ['Hi, my name is Priya Patel, 07911 123456', 'Priya Patel'],
    ["I'm Tom and I need a van", 'Tom'],
  ])('%s', (text, want) => {
    expect(extractPersonName(text)).toBe(want);
  });

  it.each([["I'm looking for a van"], ['soy de Palermo'], ['sou nova aqui'], ['this is great'], ["I'm free on Friday"]])('no name in %j', (text) => {
    expect(extractPersonName(text)).toBeUndefined();
  });
});
