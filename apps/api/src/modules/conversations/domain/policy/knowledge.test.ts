import { describe, expect, it } from 'vitest';
import { buildKnowledge, type KnowledgeEntry } from './knowledge';

const faq: KnowledgeEntry[] = [
  { id: 'online', lang: 'pt', question: 'Vocês têm aulas online?', answer: 'Não, as aulas são presenciais.', keywords: ['online', 'remoto', 'internet'] },
  { id: 'idade', lang: 'pt', question: 'A partir de que idade a criança pode começar?', answer: 'A partir dos 3 anos.', keywords: ['idade', 'anos', 'criança'] },
  { id: 'tarjeta', lang: 'es', question: '¿Aceptan tarjeta de crédito?', answer: 'Sí, débito, crédito y Mercado Pago.', keywords: ['tarjeta', 'pago', 'efectivo'] },
  { id: 'parking', lang: 'en', question: 'Is there parking?', answer: 'Yes, two spaces behind the depot.', keywords: ['parking', 'park', 'car'] },
];
const kb = buildKnowledge(faq);

describe('FAQ answers', () => {
  it.each([
    ['tem aula online?', 'pt', 'online'],
    ['com quantos anos meu filho pode comecar', 'pt', 'idade'],
    ['¿puedo pagar con tarjeta?', 'es', 'tarjeta'],
    ['where can I park my car?', 'en', 'parking'],
  ] as const)('"%s" → %s', (text, lang, id) => {
    expect(kb.search(text, lang)?.id).toBe(id);
  });

  it('only answers in the asked language', () => {
    expect(kb.search('tarjeta', 'pt')).toBeUndefined();
  });

  it('stays silent when little of the question matches, rather than guessing', () => {
    expect(kb.search('vocês fazem reforço de redação para vestibular online à noite?', 'pt')).toBeUndefined();
    expect(kb.search('do you move pianos?', 'en')).toBeUndefined();
    expect(kb.search('???', 'en')).toBeUndefined();
  });
});
