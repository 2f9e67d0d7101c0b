import { describe, expect, it } from 'vitest';
import { extractDateTimes } from './datetime';
import { normalise } from './normalise';
import { pickOption } from './options';
import { NOW, offered } from './testing';
import type { Lang, UnderstandContext } from './types';

const pick = (text: string, lang: Lang = 'pt', options: NonNullable<UnderstandContext['offered']> = offered) =>
  pickOption(text, normalise(text, lang), extractDateTimes(text, lang, { now: NOW, timeZone: 'America/Sao_Paulo' }), options)?.id;

describe('which offered option was picked', () => {
  it.each([
    ['o primeiro', 'pt', 'o1'], ['a segunda opção', 'pt', 'o2'], ['opção 3', 'pt', 'o3'], ['2', 'pt', 'o2'], ['#1', 'en', 'o1'],
    ['la última', 'es', 'o3'], ['el primero', 'es', 'o1'], ['the second one', 'en', 'o2'], ['the last one please', 'en', 'o3'],
    ['a das 10h', 'pt', 'o1'], ['el de las 5', 'es', 'o3'], ['the 2pm one', 'en', 'o2'], ['14h', 'pt', 'o2'],
  ] as const)('%s → %s', (text, lang, want) => {
    expect(pick(text, lang)).toBe(want);
  });

  it('picks nothing when the answer fits none or several', () => {
    expect(pick('a das 9h')).toBeUndefined();
    expect(pick('4')).toBeUndefined();
    expect(pick('sexta')).toBeUndefined(); // all three are on Friday
    expect(pick('o primeiro', 'pt', [])).toBeUndefined();
  });

  it('matches a distinctive word of a label', () => {
    const staff = [{ id: 'm', label: 'Mariana' }, { id: 'r', label: 'Rafael' }];
    expect(pick('pode ser com a mariana', 'pt', staff)).toBe('m');
    expect(pick('qualquer um', 'pt', staff)).toBeUndefined();
  });
});
