import { describe, expect, it } from 'vitest';
import { step } from './policy';
import { barber, fresh, heard, kumon, NOW, offers } from './testing';
import type { ConversationState, PolicyContext, PolicyEvent } from './types';

const say = (state: ConversationState, text: string, u: ReturnType<typeof heard>, ctx: PolicyContext = kumon) =>
  step(state, { kind: 'message', understanding: u, text }, ctx);
const tool = (state: ConversationState, event: PolicyEvent, ctx: PolicyContext = kumon) => step(state, event, ctx);

describe('answers questions from the catalogue', () => {
  it('greets in the customer language with the business name', () => {
    expect(say(fresh(), 'oi', heard('greet')).replies[0]!.text).toContain('Kumon Vila A');
    expect(say(fresh('es'), 'hola', heard('greet', 'es'), barber).replies[0]!.text).toMatch(/^¡Hola! .*BarberPro Palermo/);
  });

  it('quotes every price, or the asked service only, formatted in the local currency', () => {
    const all = say(fresh('es'), '¿precios?', heard('ask_price', 'es'), barber).replies[0]!;
    expect(all.text).toContain('Corte: $\u00a015.000,00');
    expect(all.text).toContain('Barba: $\u00a010.000,00');
    expect(all.sources).toEqual(['catalogue.prices']);
    const one = say(fresh('es'), '¿cuánto sale la barba?', heard('ask_price', 'es', { entities: { services: [{ id: 'barba', name: 'Barba', score: 0.9 }] } }), barber);
    expect(one.replies[0]!.text).not.toContain('Corte');
  });

  it('gives opening hours from the schedules with the lunch break', () => {
    const text = say(fresh(), 'que horas vocês abrem?', heard('ask_hours')).replies[0]!.text;
    expect(text).toContain('08:00–12:00, 14:00–17:00');
    expect(text).toMatch(/seg\./);
  });

  it('gives the address', () => {
    expect(say(fresh(), 'onde fica?', heard('ask_location')).replies[0]!.text).toContain('Rua Joaquim Távora, 812');
  });
});

describe('books a visit', () => {
  it('takes a service and a time given with nothing before them as a booking request', () => {
    const corte = { id: 'corte', name: 'Corte', score: 1 };
    const tomorrow = { text: 'mañana a las 17', start: 9, end: 24, date: '2026-11-26', time: '17:00' };
    const r = say(fresh('es'), 'un corte mañana a las 17', heard('inform', 'es', { entities: { services: [corte] }, dateTimes: [tomorrow] }), barber);
    expect(r.commands).toEqual([{ kind: 'find_slots', serviceId: 'corte', staffId: undefined, when: tomorrow }]);
    const unclear = say(fresh('es'), 'bueno', heard('inform', 'es'), barber);
    expect(unclear.commands).toEqual([]);
    expect(unclear.state.misses).toBe(1);
  });

  it('asks for the day, then offers slots, holds the chosen one, asks the name and books', () => {
    let r = say(fresh(), 'quero marcar uma avaliação', heard('book', 'pt', { entities: { services: [{ id: 'svc-visit', name: 'Avaliação', score: 0.95 }] } }));
    expect(r.state.stage).toBe('asking_when');
    expect(r.replies[0]!.text).toContain('Avaliação diagnóstica');

    const friday = { text: 'sexta de manhã', start: 0, end: 14, date: '2026-11-27', partOfDay: 'morning' as const };
    r = say(r.state, 'sexta de manhã', heard('inform', 'pt', { dateTimes: [friday] }));
    expect(r.commands).toEqual([{ kind: 'find_slots', serviceId: 'svc-visit', staffId: undefined, when: friday }]);

    r = tool(r.state, { kind: 'slots', offers });
    expect(r.replies[0]!.options!.map((o) => o.id)).toEqual(['o1', 'o2', 'o3']);
    expect(r.replies[0]!.sources).toEqual(['availability.find_slots']);

    r = say(r.state, 'a das 9h', heard('choose_option', 'pt', { chosenOptionId: 'o2' }));
    expect(r.commands).toEqual([{ kind: 'hold', offer: offers[1], serviceId: 'svc-visit' }]);

    r = tool(r.state, { kind: 'held', holdId: 'h1' });
    expect(r.state.stage).toBe('asking_name');
    r = say(r.state, 'Maria Souza', heard('inform'));
    expect(r.state.customer.name).toBe('Maria Souza');
    expect(r.state.stage).toBe('confirming');
    expect(r.replies[0]!.text).toBe('Confirmo Avaliação diagnóstica em sex., 27 de nov., 09:00, em nome de Maria Souza?');
    r = say(r.state, 'isso', heard('affirm'));
    expect(r.commands).toEqual([{ kind: 'book', holdId: 'h1', offer: offers[1], serviceId: 'svc-visit', customer: { name: 'Maria Souza' } }]);
  });

  it('books straight after the hold when the name is known, then confirms with place and time', () => {
    const state: ConversationState = { ...fresh(), stage: 'offering', serviceId: 'svc-visit', offers, customer: { name: 'Maria' } };
    let r = say(state, '2', heard('choose_option', 'pt', { chosenOptionId: 'o2' }));
    r = tool(r.state, { kind: 'held', holdId: 'h1' });
    expect(r.state.stage).toBe('confirming');
    expect(r.replies[0]!.text).toContain('sex., 27 de nov., 09:00');
    r = say(r.state, 'sim', heard('affirm'));
    expect(r.commands).toEqual([{ kind: 'book', holdId: 'h1', offer: offers[1], serviceId: 'svc-visit', customer: { name: 'Maria' } }]);
    r = tool(r.state, { kind: 'booked', bookingId: 'b1' });
    expect(r.replies[0]!.text).toContain('Maria');
    expect(r.replies[0]!.text).toContain('Rua Joaquim Távora');
    expect(r.state).toMatchObject({ stage: 'idle', bookingIds: ['b1'], holdId: undefined });
  });

  it('releases the hold when the customer says no at the confirmation', () => {
    const state: ConversationState = { ...fresh(), stage: 'confirming', serviceId: 'svc-visit', holdId: 'h1', chosen: offers[0], customer: { name: 'M' } };
    const r = say(state, 'não', heard('deny'));
    expect(r.commands).toEqual([{ kind: 'release_hold', holdId: 'h1' }]);
    expect(r.state.holdId).toBeUndefined();
  });

  it('takes a weak but unambiguous service match, and asks when two are close', () => {
    const weak = say(fresh('es'), 'un corte', heard('book', 'es', { entities: { services: [{ id: 'corte', name: 'Corte', score: 0.45 }] } }), barber);
    expect(weak.state.serviceId).toBe('corte');
    const close = say(fresh('es'), 'corte o barba', heard('book', 'es', { entities: { services: [{ id: 'corte', name: 'Corte', score: 0.5 }, { id: 'barba', name: 'Barba', score: 0.45 }] } }), barber);
    expect(close.state.stage).toBe('choosing_service');
  });

  it('asks which service when there are several, with options', () => {
    const r = say(fresh('es'), 'quiero sacar un turno', heard('book', 'es'), barber);
    expect(r.state.stage).toBe('choosing_service');
    expect(r.replies[0]!.options).toEqual([{ id: 'corte', label: 'Corte' }, { id: 'barba', label: 'Barba' }]);
    const chosen = say(r.state, 'corte', heard('choose_option', 'es', { chosenOptionId: 'corte' }), barber);
    expect(chosen.state).toMatchObject({ serviceId: 'corte', stage: 'asking_when' });
  });

  it('never guesses a day: a time alone still searches, no time and no day asks', () => {
    const state: ConversationState = { ...fresh(), serviceId: 'svc-visit', stage: 'asking_when' };
    expect(say(state, 'pode ser', heard('affirm')).state.stage).toBe('asking_when');
  });

  it('offers other times when the slot was taken meanwhile', () => {
    const state: ConversationState = { ...fresh(), stage: 'offering', serviceId: 'svc-visit', offers, chosen: offers[0], when: { text: 'sexta', start: 0, end: 5, date: '2026-11-27' } };
    const r = tool(state, { kind: 'hold_failed' });
    expect(r.commands[0]).toMatchObject({ kind: 'find_slots', serviceId: 'svc-visit' });
  });
});

describe('cancels and reschedules', () => {
  it('asks for a phone first, then lists the bookings and cancels the chosen one', () => {
    let r = say(fresh(), 'quero cancelar', heard('cancel'));
    expect(r.replies[0]!.text).toMatch(/telefone/);
    r = say(r.state, '11 98765-4321', heard('inform', 'pt', { entities: { phone: '+5511987654321' } }));
    expect(r.commands).toEqual([{ kind: 'find_bookings', phone: '+5511987654321', email: undefined, name: undefined }]);
    r = tool(r.state, { kind: 'bookings', bookings: [{ id: 'b1', label: 'sex., 27 de nov., 09:00', serviceId: 'svc-visit' }] });
    expect(r.replies[0]!.options).toEqual([{ id: 'b1', label: 'sex., 27 de nov., 09:00' }]);
    r = say(r.state, 'essa', heard('choose_option', 'pt', { chosenOptionId: 'b1' }));
    expect(r.commands).toEqual([{ kind: 'cancel_booking', bookingId: 'b1' }]);
    r = tool(r.state, { kind: 'cancelled', bookingId: 'b1', label: 'sex., 27 de nov., 09:00' });
    expect(r.replies[0]!.text).toBe('Cancelado: sex., 27 de nov., 09:00. Se quiser marcar outro horário, é só falar.');
  });

  it('moves a booking to a newly chosen time', () => {
    const state: ConversationState = { ...fresh(), stage: 'choosing_cancel', pendingAction: 'reschedule', cancelCandidates: [{ id: 'b1', label: 'x', serviceId: 'svc-visit' }] };
    let r = say(state, 'essa', heard('choose_option', 'pt', { chosenOptionId: 'b1' }));
    expect(r.state).toMatchObject({ changingBookingId: 'b1', stage: 'asking_when' });
    r = tool({ ...r.state, stage: 'offering' }, { kind: 'slots', offers });
    r = say(r.state, 'o primeiro', heard('choose_option', 'pt', { chosenOptionId: 'o1' }));
    expect(r.commands).toEqual([{ kind: 'reschedule_booking', bookingId: 'b1', offer: offers[0] }]);
  });
});

describe('answers from the knowledge base, never invented', () => {
  it('gives the configured FAQ answer word for word, naming it as the source', () => {
    const r = step(fresh(), { kind: 'message', understanding: heard('out_of_scope'), text: 'tem aula online?', knowledge: { id: 'online', answer: 'Não, só presencial.' } }, kumon);
    expect(r.replies).toEqual([{ text: 'Não, só presencial.', sources: ['knowledge.online'] }]);
  });

  it('passes an unanswered question to a person', () => {
    const r = say(fresh(), 'vocês dão aula de xadrez?', heard('out_of_scope'));
    expect(r.commands).toEqual([{ kind: 'hand_off', reason: 'question without a configured answer' }]);
  });

  it('keeps structured answers first: a price question is quoted from prices even if an FAQ entry matches', () => {
    const r = step(fresh(), { kind: 'message', understanding: heard('ask_price'), text: 'quanto custa?', knowledge: { id: 'x', answer: 'FAQ' } }, kumon);
    expect(r.replies[0]!.sources).toEqual(['catalogue.prices']);
  });
});

describe('policy refusals', () => {
  it('explains a change the cancellation policy refuses and passes to a person', () => {
    const state: ConversationState = { ...fresh(), stage: 'choosing_cancel', pendingAction: 'cancel' };
    const r = tool(state, { kind: 'change_refused' });
    expect(r.replies[0]!.text).toMatch(/política de cancelamento/);
    expect(r.commands).toEqual([{ kind: 'hand_off', reason: 'change refused by the cancellation policy' }]);
    expect(r.state.stage).toBe('handoff');
  });
});

describe('hands off and stops', () => {
  it('hands off when asked, or after two messages it cannot understand', () => {
    expect(say(fresh(), 'quero falar com uma pessoa', heard('ask_human')).commands).toEqual([{ kind: 'hand_off', reason: 'customer asked for a person' }]);
    const once = say(fresh(), '???', heard('out_of_scope'));
    expect(once.commands).toEqual([]);
    expect(say(once.state, '!!!', heard('out_of_scope')).commands[0]).toMatchObject({ kind: 'hand_off' });
  });

  it('goes quiet after an opt-out', () => {
    const out = say(fresh(), 'PARAR', heard('opt_out'));
    expect(out.state.stage).toBe('opted_out');
    expect(say(out.state, 'quanto custa?', heard('ask_price')).replies).toEqual([]);
  });

  it('greets again when an opted-out customer writes VOLTAR', () => {
    const out = say(fresh(), 'PARAR', heard('opt_out'));
    const back = say(out.state, 'VOLTAR', heard('inform'));
    expect(back.state.stage).toBe('idle');
    expect(back.replies).toHaveLength(1);
  });

  it('restarts gracefully after days of silence instead of continuing an old booking', () => {
    const old: ConversationState = { ...fresh(), stage: 'confirming', holdId: 'h-old', serviceId: 'svc-visit', lastActivityAt: NOW - 5 * 86400_000 };
    const r = say(old, 'oi', heard('greet'));
    expect(r.state.stage).toBe('idle');
    expect(r.state.holdId).toBeUndefined();
  });
});
