import { describe, expect, it } from 'vitest';
import { dayLabel } from './days';
import { checkStep, type Observation } from './expect';

const start = { startDate: '2026-11-25', dayLabel: (date: string) => dayLabel(date, 'pt-BR') }; // a Wednesday
const seen = (o: Partial<Observation>): Observation => ({ replies: [], changes: [], ...o });
const failed = (checks: { ok: boolean; expected: string }[]) => checks.filter((c) => !c.ok).map((c) => c.expected);

describe('matching what the assistant did against a step\'s expectations', () => {
  const offer = seen({
    replies: [{ text: 'Tenho estes horários para Avaliação diagnóstica. Qual prefere?', options: [
      { id: 'slot-1', label: 'sex., 27 de nov., 08:00' }, { id: 'slot-2', label: 'sex., 27 de nov., 09:00' }] }],
  });

  it('finds mentions in replies and option labels, ignoring case, accents and spacing', () => {
    expect(failed(checkStep({ mentions: ['HORARIOS', 'avaliacao  diagnostica', '09:00'] }, offer, start))).toEqual([]);
    expect(failed(checkStep({ mentions: ['nome'], notMentions: ['qual prefere'] }, offer, start))).toEqual(['mentions "nome"', 'does not mention "qual prefere"']);
    expect(failed(checkStep({ mentions: ['R$ 750,00'] }, seen({ replies: [{ text: 'R$\u00a0750,00 por mês' }] }), start))).toEqual([]);
  });

  it('writes {day} placeholders as the assistant writes that day, so the same check works on any date', () => {
    expect(failed(checkStep({ options: { include: ['{friday}, 09:00'] }, mentions: ['{+2d}'], notMentions: ['{thursday}'] }, offer, start))).toEqual([]);
    const checks = checkStep({ options: { include: ['{monday}, 09:00'] } }, offer, start);
    expect(checks.map((c) => c.expected)).toEqual(['an option "seg., 30 de nov., 09:00"']);
    expect(dayLabel('2026-11-28', 'en-GB')).toBe('Sat 28 Nov');
    expect(dayLabel('2026-11-28', 'es-AR')).toBe('sáb, 28 nov');
    expect(dayLabel('2026-11-28', 'en-IN')).toBe('Sat, 28 Nov');
  });

  it('counts the options offered and looks for labels among them', () => {
    expect(failed(checkStep({ options: { count: 2, min: 1, max: 3, include: ['SEX.', '08:00'] } }, offer, start))).toEqual([]);
    const checks = checkStep({ options: { count: 3, include: ['10:00'] } }, offer, start);
    expect(failed(checks)).toEqual(['3 options', 'an option "10:00"']);
    expect(checks[0]!.actual).toBe('2 options: sex., 27 de nov., 08:00 | sex., 27 de nov., 09:00');
    expect(failed(checkStep({ options: { count: 0 } }, seen({ replies: [{ text: 'Não encontrei horários' }] }), start))).toEqual([]);
  });

  it('matches one booking change by action, service (part of the name), day and time', () => {
    const booked = seen({ changes: [{ action: 'created', service: 'Corte + barba', date: '2026-11-27', time: '18:00' }] });
    expect(failed(checkStep({ booking: { action: 'created', service: 'corte + BARBA', on: 'friday', at: '18:00' } }, booked, start))).toEqual([]);
    expect(failed(checkStep({ booking: { action: 'created', on: '+2d' } }, booked, start))).toEqual([]);
    const wrong = checkStep({ booking: { action: 'rescheduled', on: 'saturday', at: '18:00' } }, booked, start);
    expect(wrong[0]).toMatchObject({
      ok: false, expected: 'booking rescheduled on 2026-11-28 (saturday) at 18:00', actual: 'booking changes: created: Corte + barba on 2026-11-27 at 18:00',
    });
    expect(failed(checkStep({ booking: { action: 'created' } }, seen({}), start))).toEqual(['booking created']);
  });

  it('checks that nothing was booked, who holds the conversation, and silence', () => {
    expect(failed(checkStep({ noBooking: true, handedOff: false, silent: true }, seen({ handedOff: false }), start))).toEqual([]);
    const cancelled = seen({ changes: [{ action: 'cancelled', service: 'Corte', date: '2026-11-27', time: '10:00' }], handedOff: true, replies: [{ text: 'oi' }] });
    expect(failed(checkStep({ noBooking: true, handedOff: false, silent: true }, cancelled, start)))
      .toEqual(['no reply', 'no booking created, moved or cancelled', 'conversation with the assistant']);
  });
});
