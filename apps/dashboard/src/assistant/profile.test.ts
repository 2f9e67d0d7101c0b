import { describe, expect, it } from 'vitest';
import { errorsByPath, fieldMessage, forSaving, move, parseKeywords, slugId } from './profile';
import { fillTemplate, templateVariables } from './templates';

describe('assistant settings helpers', () => {
  const words = { required: 'required', tooShort: 'short', tooLong: 'long', format: 'format', oneLanguage: 'one language', invalid: 'invalid' };
  it('keys API field errors by path, the first message winning, in the dashboard\'s words', () => {
    expect(errorsByPath([
      { path: 'faq[1].question', message: 'Too small: expected string to have >=3 characters' }, { path: 'faq[1].question', message: 'other' },
      { path: 'body.greeting', message: 'give at least one of pt, es, en' },
    ], words)).toEqual({ 'faq[1].question': 'short', greeting: 'one language' });
  });

  it('words the kinds of validation message the API gives', () => {
    expect(fieldMessage('Too big: expected string to have <=500 characters', words)).toBe('long');
    expect(fieldMessage('Invalid string: must match pattern /^[a-z0-9-]+$/', words)).toBe('format');
    expect(fieldMessage("lower-case letters, digits and _ (Meta's rule)", words)).toBe('format');
    expect(fieldMessage('Invalid input: expected string, received undefined', words)).toBe('required');
    expect(fieldMessage('something else', words)).toBe('invalid');
  });

  it('moves an item up or down, and leaves the list alone at its ends', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(move(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });

  it('makes ids the API accepts, unique among the taken ones', () => {
    expect(slugId('Tem estacionamento?', [])).toBe('tem-estacionamento');
    expect(slugId('Tem estacionamento?', ['tem-estacionamento'])).toBe('tem-estacionamento-2');
    expect(slugId('¿¡!?', [], 'faq')).toBe('faq');
  });

  it('reads keywords separated by commas, without blanks or repeats', () => {
    expect(parseKeywords(' vaga, estacionar ,, vaga')).toEqual(['vaga', 'estacionar']);
  });

  it('drops empty greeting languages before saving, and the greeting when all are empty', () => {
    const base = { subjects: [], priceList: [], qualification: [], qualifyBeforeOffering: false, faq: [],
      handoff: { afterMisunderstandings: 2, unansweredQuestions: 'handoff' as const, keywords: [], intents: [] } };
    expect(forSaving({ ...base, greeting: { pt: ' Olá! ', es: '', en: '  ' } }).greeting).toEqual({ pt: 'Olá!' });
    expect('greeting' in forSaving({ ...base, greeting: { pt: '' } })).toBe(false);
  });
});

describe('template preview', () => {
  it('lists variables once, in order, numbered or named', () => {
    expect(templateVariables('Oi {{1}}, seu {{2}} é {{3}}. Até {{1}}! {{name}}')).toEqual(['1', '2', '3', 'name']);
  });

  it('fills the variables it has values for and leaves the rest visible', () => {
    expect(fillTemplate('Oi {{1}}, até {{ 2 }}', { 1: 'Maria', 2: ' ' })).toBe('Oi Maria, até {{ 2 }}');
  });
});
