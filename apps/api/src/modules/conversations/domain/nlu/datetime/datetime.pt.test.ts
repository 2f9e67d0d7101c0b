import { describe, expect, it } from 'vitest';
import { type Expect, texts, values } from './test-helpers';

// Reference: Wednesday 2026-11-25 10:00 America/Sao_Paulo.
const CASES: [string, Expect[]][] = [
  // PLATFORM-NOTES §7 failures of chrono-node
  ['amanhã às 15h', [{ date: '2026-11-26', time: '15:00' }]],
  ['sexta-feira de manhã', [{ date: '2026-11-27', partOfDay: 'morning' }]],
  ['sexta de manhã', [{ date: '2026-11-27', partOfDay: 'morning' }]],
  ['amanhã de manhã', [{ date: '2026-11-26', partOfDay: 'morning' }]],
  ['depois de amanhã 8h', [{ date: '2026-11-27', time: '08:00' }]],
  ['daqui a 2 horas', [{ date: '2026-11-25', time: '12:00' }]],
  ['terça-feira que vem às 14:00', [{ date: '2026-12-01', time: '14:00' }]],
  // chrono's successes must still hold
  ['amanhã às 15:00', [{ date: '2026-11-26', time: '15:00' }]],
  ['amanhã às 15 horas', [{ date: '2026-11-26', time: '15:00' }]],
  ['sexta-feira às 9h30', [{ date: '2026-11-27', time: '09:30' }]],
  ['próxima terça às 14h', [{ date: '2026-12-01', time: '14:00' }]],
  ['hoje à tarde', [{ date: '2026-11-25', partOfDay: 'afternoon' }]],
  ['amanhã à noite', [{ date: '2026-11-26', partOfDay: 'evening' }]],
  ['dia 3/12 às 10:00', [{ date: '2026-12-03', time: '10:00' }]],
  ['03/12/2026 10:00', [{ date: '2026-12-03', time: '10:00' }]],
  ['sexta às 15:00', [{ date: '2026-11-27', time: '15:00' }]],
  // relative days, weekdays, parts of day
  ['hoje', [{ date: '2026-11-25' }]],
  ['amanhã', [{ date: '2026-11-26' }]],
  ['ontem', [{ date: '2026-11-24' }]],
  ['sábado', [{ date: '2026-11-28' }]],
  ['na quarta', [{ date: '2026-12-02' }]], // today is Wednesday and no time: next week's
  ['quarta às 18h', [{ date: '2026-11-25', time: '18:00' }]], // later today
  ['quarta às 9h', [{ date: '2026-12-02', time: '09:00' }]], // already past today
  ['nesta sexta', [{ date: '2026-11-27' }]],
  ['sexta que vem', [{ date: '2026-11-27' }]],
  ['sexta da semana que vem', [{ date: '2026-12-04' }]],
  ['segunda da próxima semana', [{ date: '2026-11-30' }]],
  ['à tarde', [{ partOfDay: 'afternoon' }]],
  ['de manhã cedo', [{ partOfDay: 'morning' }]],
  ['esta noite', [{ date: '2026-11-25', partOfDay: 'evening' }]],
  // times
  ['às 5', [{ time: '17:00' }]],
  ['às 5 da manhã', [{ time: '05:00' }]],
  ['às 7h', [{ time: '19:00' }]],
  ['às 07:00', [{ time: '07:00' }]],
  ['meio-dia', [{ time: '12:00' }]],
  ['ao meio-dia de sexta', [{ date: '2026-11-27', time: '12:00' }]],
  ['meia-noite', [{ time: '00:00' }]],
  ['às duas da tarde', [{ time: '14:00' }]],
  ['sete e meia da noite', [{ time: '19:30' }]],
  ['quinze para as nove', [{ time: '08:45' }]],
  ['depois das 17h', [{ timeRange: { from: '17:00' } }]],
  ['antes das 10', [{ timeRange: { to: '10:00' } }]],
  ['entre 14h e 16h', [{ timeRange: { from: '14:00', to: '16:00' } }]],
  ['das 9 às 11 da manhã', [{ timeRange: { from: '09:00', to: '11:00' }, partOfDay: 'morning' }]],
  ['em 30 minutos', [{ date: '2026-11-25', time: '10:30' }]],
  ['em meia hora', [{ date: '2026-11-25', time: '10:30' }]],
  // ranges and explicit dates
  ['este fim de semana', [{ dateRange: { from: '2026-11-28', to: '2026-11-29' } }]],
  ['no próximo fim de semana', [{ dateRange: { from: '2026-12-05', to: '2026-12-06' } }]],
  ['semana que vem', [{ dateRange: { from: '2026-11-30', to: '2026-12-06' } }]],
  ['esta semana', [{ dateRange: { from: '2026-11-23', to: '2026-11-29' } }]],
  ['mês que vem', [{ dateRange: { from: '2026-12-01', to: '2026-12-31' } }]],
  ['3 de dezembro', [{ date: '2026-12-03' }]],
  ['dia 15', [{ date: '2026-12-15' }]],
  ['22/11', [{ date: '2027-11-22' }]], // already past this year: next year's
  ['primeira semana de dezembro', [{ dateRange: { from: '2026-11-30', to: '2026-12-06' } }]],
  ['no início da semana que vem', [{ dateRange: { from: '2026-11-30', to: '2026-12-02' } }]],
  ['no final do mês', [{ dateRange: { from: '2026-11-16', to: '2026-11-30' } }]],
  ['de segunda a sexta', [{ dateRange: { from: '2026-11-30', to: '2026-12-04' } }]],
  ['natal', [{ date: '2026-12-25' }]],
  ['ao meio-dia e meia', [{ time: '12:30' }]],
  ['amanhã cedo', [{ date: '2026-11-26', partOfDay: 'morning' }]],
  ['do dia 3 ao dia 5 do mês que vem', [{ dateRange: { from: '2026-12-03', to: '2026-12-05' } }]],
  ['terça-feira dia 8', [{ date: '2026-12-08' }]],
  ['as 15 para as 8 de amanhã', [{ date: '2026-11-26', time: '07:45' }]],
  ['ao final do dia', [{ date: '2026-11-25', partOfDay: 'evening' }]],
  ['o mais rápido possível', [{ date: '2026-11-25', time: '10:00' }]],
  // a bare hour after "pra/para" next to a day (1–7 → pm)
  ['me marca pra 10 amanhã', [{ date: '2026-11-26', time: '10:00' }]],
  ['para 10 amanhã', [{ date: '2026-11-26', time: '10:00' }]],
  ['amanhã para 3', [{ date: '2026-11-26', time: '15:00' }]],
  ['para 2 pessoas amanhã', [{ date: '2026-11-26' }]],
  ['em menos de 3 dias', [{ dateRange: { from: '2026-11-26', to: '2026-11-28' } }]],
  // weekdays written as ordinals after a preposition, and abbreviations inside a list of days
  ['na 6a', [{ date: '2026-11-27' }]],
  ['pode ser na 3ª?', [{ date: '2026-12-01' }]],
  ['ele está na 6a série', []],
  ['pega a 2ª via do boleto', []],
  ['terça, qua, qui ou sexta', [{ date: '2026-12-01' }, { date: '2026-12-02' }, { date: '2026-11-26' }, { date: '2026-11-27' }]],
  ['dom, amanhã', [{ date: '2026-11-29' }, { date: '2026-11-26' }]],
  ['um dom natural', []],
  ['ao final do dia de amanhã', [{ date: '2026-11-26', partOfDay: 'evening' }]],
  ['nos próximos 3 dias úteis', [{ dateRange: { from: '2026-11-26', to: '2026-11-30' } }]],
  ['neste 3/11', [{ date: '2026-11-03' }]],
  // no date/time at all
  ['Agora quero saber o preço', []],
  ['nota de 1 a 5 estrelas', []],
  ['Boa tarde, quero marcar um corte', []],
  ['vou com as duas filhas', []],
  ['somos 5 pessoas', []],
  ['custa R$ 5,00?', []],
];

describe('extractDateTimes pt', () => {
  it.each(CASES)('%s', (text, want) => {
    expect(values(text, 'pt')).toEqual(want);
  });

  it('covers the whole expression', () => {
    expect(texts('Pode ser amanhã às 15h? Obrigado', 'pt')).toEqual(['amanhã às 15h']);
    expect(texts('quero sexta-feira que vem de manhã, ou sábado', 'pt')).toEqual(['sexta-feira que vem de manhã', 'sábado']);
  });
});
