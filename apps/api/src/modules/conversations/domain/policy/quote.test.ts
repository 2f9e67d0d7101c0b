import { describe, expect, it } from 'vitest';
import { priceAnswer, subjectCount } from './quote';
import { fresh, heard, kumon } from './testing';
import type { PolicyContext } from './types';

const kumonPrices: PolicyContext = {
  ...kumon, currency: 'BRL',
  priceList: [
    { id: 'mensalidade', name: { pt: 'Mensalidade por matéria', en: 'Monthly fee per subject' }, amount: 37500, period: 'month', perSubject: true },
    { id: 'matricula', name: { pt: 'Taxa de matrícula', en: 'Enrolment fee' }, amount: 10000, period: 'once', perSubject: false },
  ],
};
const maths = { id: 'matematica', name: 'Matemática', score: 0.95 };
const english = { id: 'ingles', name: 'Inglês', score: 0.9 };

describe('Kumon quotes only its configured prices', () => {
  it('quotes two subjects as R$ 750 a month plus R$ 100 once', () => {
    const u = heard('ask_price', 'pt', { entities: { subjects: [maths, english] } });
    expect(priceAnswer(fresh(), u, 'quanto fica matemática e inglês?', kumonPrices).text).toBe(
      'Para 2 disciplinas:\n• Mensalidade por matéria × 2: R$\u00a0750,00 por mês\n• Taxa de matrícula: R$\u00a0100,00 (uma vez)');
  });

  it('counts "duas matérias" and "3 subjects" as well as named subjects', () => {
    expect(subjectCount(heard('ask_price'), 'e para duas matérias?')).toBe(2);
    expect(subjectCount(heard('ask_price', 'en'), 'how much for 3 subjects')).toBe(3);
    expect(subjectCount(heard('ask_price', 'pt', { entities: { subjects: [maths] } }), 'matemática')).toBe(1);
    expect(subjectCount(heard('ask_price'), 'quanto custa?')).toBe(0);
  });

  it('lists the price list and the free assessment when no subject is named', () => {
    const text = priceAnswer(fresh(), heard('ask_price'), 'quanto custa?', kumonPrices).text;
    expect(text).toBe('• Mensalidade por matéria: R$\u00a0375,00 por mês\n• Taxa de matrícula: R$\u00a0100,00 (uma vez)\n• Avaliação diagnóstica: sem custo');
  });

  it('answers in English with the English names', () => {
    const u = heard('ask_price', 'en', { entities: { subjects: [maths] } });
    expect(priceAnswer(fresh('en'), u, 'how much is maths?', kumonPrices).text).toBe(
      'For 1 subject:\n• Monthly fee per subject: R$375.00 per month\n• Enrolment fee: R$100.00 (once)');
  });

  it('without a price list quotes the services, and a named service alone', () => {
    expect(priceAnswer(fresh(), heard('ask_price'), 'preço?', kumon).text).toBe('• Avaliação diagnóstica: sem custo');
  });
});
