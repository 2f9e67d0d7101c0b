import { describe, expect, it } from 'vitest';
import { fold, hasPhrase, normalise } from './normalise';

describe('normalise', () => {
  it.each([
    ['Olá, VOCÊ pode às 10h?', 'pt', 'ola voce pode as 10h ?'],
    ['vc tem horário hj?', 'pt', 'voce tem horario hoje ?'],
    ['q onda, tenés turno x la tarde??', 'es', 'que onda tenes turno por la tarde ?'],
    ['¿Me podés pasar los precios?', 'es', 'me podes pasar los precios ?'],
    ["I'd like a cut tmrw pls", 'en', 'i would like a cut tomorrow please'],
    ["don't u open on Sundays?", 'en', 'do not you open on sundays ?'],
    ['siiiim, obrigadaaaa', 'pt', 'sim obrigada'],
    ['10:30 ok', 'en', '10:30 ok'],
    ['👍', 'pt', 'ok'],
    ['🙏🙏', 'es', 'gracias gracias'],
    ['   ', 'en', ''],
  ] as const)('%s', (text, lang, want) => {
    expect(normalise(text, lang)).toBe(want);
  });

  it('folds accents and case', () => {
    expect(fold('Ação Ñandú ÇÉ')).toBe('acao nandu ce');
  });

  it('finds phrases on word boundaries only', () => {
    expect(hasPhrase('quero marcar um corte', 'marcar um')).toBe(true);
    expect(hasPhrase('quero remarcar', 'marcar')).toBe(false);
  });
});
