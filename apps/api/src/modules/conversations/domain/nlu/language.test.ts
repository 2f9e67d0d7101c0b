import { describe, expect, it } from 'vitest';
import { detectLanguage, langOfLocale } from './language';

describe('detectLanguage', () => {
  it.each([
    ['Queria marcar uma avaliação pro meu filho', 'es', 'pt'],
    ['vcs abrem sábado?', 'en', 'pt'],
    ['Não, obrigado', 'es', 'pt'],
    ['quería sacar un turno', 'pt', 'es'],
    ['¿tenés lugar el martes?', 'pt', 'es'],
    ['Hola, ¿cuánto sale el corte?', 'en', 'es'],
    ['can I book a cut for Friday after 5', 'pt', 'en'],
    ['Hi, what are your opening hours?', 'es', 'en'],
  ] as const)('%s → %s', (text, hint, want) => {
    expect(detectLanguage(text, hint)).toBe(want);
  });

  it.each([['ok'], ['2'], ['sí'], ['👍'], [''], ['10h'], ['Ana'], ['thanks']])('keeps the conversation language for %j', (text) => {
    expect(detectLanguage(text, 'pt')).toBe('pt');
    expect(detectLanguage(text, 'es')).toBe('es');
  });

  it('maps locales to languages', () => {
    expect([langOfLocale('pt-BR'), langOfLocale('es-AR'), langOfLocale('en-GB'), langOfLocale('en-IN'), langOfLocale('')]).toEqual(['pt', 'es', 'en', 'en', 'en']);
  });
});
