import { describe, expect, it } from 'vitest';
import { editDistance, matchCatalogue } from './catalogue-match';
import { LEXICON_WORDS } from './intent';
import { normalise } from './normalise';
import { barber, kumon, van } from './testing';
import type { CatalogueEntry, Lang } from './types';

const ids = (text: string, lang: Lang, entries: CatalogueEntry[] | undefined, kind: 'service' | 'staff' | 'subject' = 'service') =>
  matchCatalogue(normalise(text, lang), entries, kind, LEXICON_WORDS).map((m) => m.id);
const best = (text: string, lang: Lang, entries: CatalogueEntry[] | undefined, kind: 'service' | 'staff' | 'subject' = 'service') =>
  ids(text, lang, entries, kind)[0];

describe('services', () => {
  it.each([
    ['quiero un corte', 'corte'], ['cortarme el pelo', 'corte'], ['corte y barba', 'corte-barba'], ['corte + barba', 'corte-barba'],
    ['arreglarme la barba', 'barba'], ['hacen coloración?', 'color'], ['coloracion', 'color'], ['colorasion', 'color'],
    ['teñirme el pelo', 'color'],
  ])('%s → %s', (text, want) => {
    expect(best(text, 'es', barber.services)).toBe(want);
  });

  it('drops an entry whose words sit inside a better one', () => {
    expect(ids('cuánto sale corte y barba?', 'es', barber.services)).toEqual(['corte-barba']);
    expect(ids('corte', 'es', barber.services)).toEqual(['corte']);
  });

  it.each([
    ['small van please', 'small'], ['medium van with two helpers', 'medium-2'], ['a medium van and 1 crew', 'medium-1'],
    ['full day luton', 'luton-full'], ['large van for half a day', 'luton-half'],
  ])('%s → %s', (text, want) => {
    expect(best(text, 'en', van.services)).toBe(want);
  });

  it('maps a move to every van service', () => {
    expect(ids('I need a removal next week', 'en', van.services).sort()).toEqual(['luton-full', 'luton-half', 'medium-1', 'medium-2', 'small']);
    expect(ids('quero fazer uma mudança', 'pt', van.services)).toHaveLength(5);
  });

  it('finds the assessment', () => {
    expect(best('queria marcar uma avaliação', 'pt', kumon.services)).toBe('aval');
    expect(best('posso fazer o teste diagnóstico?', 'pt', kumon.services)).toBe('aval');
  });

  it('uses the entry\'s own synonyms', () => {
    expect(best('a fade please', 'en', [{ id: 'x', name: 'Degradê', synonyms: ['fade', 'degrade'] }])).toBe('x');
  });
});

describe('subjects', () => {
  it.each([
    ['matemática', ['mat']], ['mat e port', ['mat', 'por']], ['math and english', ['mat', 'ing']],
    ['matemtica e ingles', ['ing', 'mat']], ['Português', ['por']],
  ] as const)('%s', (text, want) => {
    expect(ids(text, 'pt', kumon.subjects, 'subject').sort()).toEqual([...want].sort());
  });
});

describe('staff', () => {
  it.each([
    ['con Nico', 'es', barber, 'nico'], ['con matias', 'es', barber, 'matias'], ['Lucas Romero', 'es', barber, 'lucas'],
    ['a Mariana pode?', 'pt', kumon, 'mariana'], ['com o Rafael', 'pt', kumon, 'rafael'], ['is Tom free?', 'en', van, 'tom'],
  ] as const)('%s → %s', (text, lang, ctx, want) => {
    expect(best(text, lang, ctx.staff, 'staff')).toBe(want);
  });

  it('does not mistake ordinary words for names', () => {
    expect(ids('cuánto es el costo?', 'es', kumon.staff, 'staff')).toEqual([]);
    expect(ids('tomorrow at 10', 'en', van.staff, 'staff')).toEqual([]);
    expect(ids('amanhã de manhã', 'pt', kumon.staff, 'staff')).toEqual([]);
  });
});

describe('editDistance', () => {
  it('counts a transposition as one edit and stops early', () => {
    expect(editDistance('barba', 'barba', 1)).toBe(0);
    expect(editDistance('corte', 'croet', 2)).toBe(2);
    expect(editDistance('corte', 'ocrte', 1)).toBe(1);
    expect(editDistance('matematica', 'xyz', 2)).toBe(3);
  });

  it('is empty for an empty catalogue or message', () => {
    expect(matchCatalogue('', barber.services, 'service')).toEqual([]);
    expect(matchCatalogue('corte', [], 'service')).toEqual([]);
    expect(matchCatalogue('corte', undefined, 'service')).toEqual([]);
  });
});
