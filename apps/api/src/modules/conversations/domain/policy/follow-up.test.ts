import { describe, expect, it } from 'vitest';
import { step } from './policy';
import { messageWhen, refineWhen } from './follow-up';
import { fresh, heard, kumon, offers } from './testing';
import type { ConversationState } from './types';

const monday = { text: 'segunda', start: 0, end: 7, date: '2026-11-30' };
const nine = { text: 'às 9h', start: 0, end: 5, time: '09:00' };
const offering: ConversationState = {
  ...fresh(), stage: 'offering', serviceId: 'svc-visit', offers, when: { text: 'sexta', start: 0, end: 5, date: '2026-11-27' },
};
const say = (state: ConversationState, text: string, u: ReturnType<typeof heard>) => step(state, { kind: 'message', understanding: u, text }, kumon);

describe('follow-ups refine the day and time asked before', () => {
  it('keeps the day when only a time follows, and the time when only a day follows', () => {
    expect(refineWhen(monday, nine)).toMatchObject({ date: '2026-11-30', time: '09:00' });
    expect(refineWhen({ ...nine, time: '15:00' }, monday)).toMatchObject({ date: '2026-11-30', time: '15:00' });
    expect(refineWhen({ ...monday, partOfDay: 'morning' }, { text: 'sexta à tarde', start: 0, end: 5, date: '2026-11-27', partOfDay: 'afternoon' }))
      .toEqual({ text: 'sexta à tarde', start: 0, end: 5, date: '2026-11-27', partOfDay: 'afternoon' });
    expect(refineWhen(undefined, nine)).toBe(nine);
    expect(refineWhen(monday, undefined)).toBe(monday);
  });

  it('reads the mentions of one message as one request', () => {
    const friday = { text: 'sexta', start: 11, end: 16, date: '2026-11-27' };
    const morning = { text: 'de manhã', start: 28, end: 36, partOfDay: 'morning' as const };
    expect(messageWhen([friday, morning])).toMatchObject({ date: '2026-11-27', partOfDay: 'morning' });
    expect(messageWhen([friday])).toBe(friday);
    expect(messageWhen([])).toBeUndefined();
    const afternoon = { ...offering, when: { text: 'quinta à tarde', start: 0, end: 5, date: '2026-11-26', partOfDay: 'afternoon' as const } };
    const r = say(afternoon, 'na verdade sexta é melhor, de manhã', heard('inform', 'pt', { dateTimes: [friday, morning] }));
    expect(r.commands).toEqual([expect.objectContaining({ kind: 'find_slots', when: expect.objectContaining({ date: '2026-11-27', partOfDay: 'morning' }) })]);
  });

  it('takes "às 9h" while Friday slots are on offer as the 09:00 one, not a new search on any day', () => {
    const r = say(offering, 'pode ser às 9h', heard('inform', 'pt', { dateTimes: [nine] }));
    expect(r.commands).toEqual([{ kind: 'hold', offer: offers[1], serviceId: 'svc-visit' }]);
  });

  it('takes a thank-you naming an offered time as that slot', () => {
    const ten = { text: '10am', start: 0, end: 4, time: '10:00' };
    expect(say(offering, '10am is gr8 thx', heard('thanks', 'en', { dateTimes: [ten] })).commands).toEqual([{ kind: 'hold', offer: offers[2], serviceId: 'svc-visit' }]);
  });

  it('takes a yes to the time the customer asked for as that slot', () => {
    const asked = { ...offering, when: { text: 'sexta às 10h', start: 0, end: 5, date: '2026-11-27', time: '10:00' } };
    expect(say(asked, 'pode ser', heard('affirm')).commands).toEqual([{ kind: 'hold', offer: offers[2], serviceId: 'svc-visit' }]);
    expect(say(offering, 'pode ser', heard('affirm')).commands.map((c) => c.kind)).toEqual(['find_slots']);
  });

  it('searches again when the time names no offered slot', () => {
    const r = say(offering, 'tem às 15h?', heard('book', 'pt', { dateTimes: [{ text: 'às 15h', start: 4, end: 10, time: '15:00' }] }));
    expect(r.commands).toEqual([{ kind: 'find_slots', serviceId: 'svc-visit', staffId: undefined, when: expect.objectContaining({ date: '2026-11-27', time: '15:00' }) }]);
  });
});

describe('changing one\'s mind about a booking in progress', () => {
  const held: ConversationState = { ...offering, stage: 'confirming', holdId: 'h1', chosen: offers[0], customer: { name: 'Juliana' } };

  it('reads "cancel" without a day as dropping this booking: the hold is released and nothing is looked up', () => {
    const r = say(held, 'pensando bem, não. deixa pra outra hora', heard('cancel'));
    expect(r.commands).toEqual([{ kind: 'release_hold', holdId: 'h1' }]);
    expect(r.replies[0]!.text).toMatch(/não marquei nada/);
    expect(r.state).toMatchObject({ holdId: undefined, chosen: undefined });
  });

  it('reads "another time" without a day as dropping it too, and with a day as a new search', () => {
    expect(say(held, 'deixa pra outra hora', heard('reschedule')).commands).toEqual([{ kind: 'release_hold', holdId: 'h1' }]);
    const r = say(offering, 'na verdade quero remarcar pra segunda', heard('reschedule', 'pt', { dateTimes: [monday] }));
    expect(r.commands).toEqual([expect.objectContaining({ kind: 'find_slots', when: expect.objectContaining({ date: '2026-11-30' }) })]);
    expect(r.state.pendingAction).toBeUndefined();
  });

  it('searches again when, with a slot put aside, the customer names another time; a yes to the same slot books', () => {
    const ten = { text: '10am', start: 0, end: 4, time: '10:00' };
    const r = say({ ...held, stage: 'asking_name', customer: {} }, '10am', heard('inform', 'en', { dateTimes: [ten] }));
    // The slot put aside is let go first, so it is free again for the new search and for others.
    expect(r.commands).toEqual([{ kind: 'release_hold', holdId: 'h1' },
      expect.objectContaining({ kind: 'find_slots', when: expect.objectContaining({ date: '2026-11-27', time: '10:00' }) })]);
    expect(r.state).toMatchObject({ holdId: undefined, chosen: undefined });
    const same = { text: 'sexta às 8h', start: 0, end: 11, date: '2026-11-27', time: '08:00' };
    expect(say(held, 'sim, sexta às 8h', heard('affirm', 'pt', { dateTimes: [same] })).commands.map((c) => c.kind)).toEqual(['book']);
  });

  it('still looks up an existing booking when the customer names its day', () => {
    const r = say(held, 'quero cancelar a avaliação de segunda', heard('cancel', 'pt', { dateTimes: [monday] }));
    expect(r.state.pendingAction).toBe('cancel');
  });

  it('releases the hold when the customer says no while asked for their name', () => {
    const asking: ConversationState = { ...held, stage: 'asking_name', customer: {} };
    expect(say(asking, 'não, deixa', heard('deny')).commands).toEqual([{ kind: 'release_hold', holdId: 'h1' }]);
  });
});

describe('a moved booking', () => {
  it('says where it is now, without an empty name, and does not start the intake questions', () => {
    const withQuestions = { ...kumon, qualification: [{ key: 'guardian_name', kind: 'name' as const, ask: { pt: 'Qual é o seu nome?' }, bookingName: true }] };
    const moving: ConversationState = { ...offering, changingBookingId: 'b1', pendingAction: 'reschedule', chosen: offers[2] };
    const r = step(moving, { kind: 'rescheduled', bookingId: 'b1' }, withQuestions);
    expect(r.replies.map((x) => x.text)).toEqual(['Pronto! Avaliação diagnóstica remarcado para sex., 27 de nov., 10:00 — Kumon Vila A, Rua Joaquim Távora, 812.']);
    expect(r.state).toMatchObject({ stage: 'idle', changingBookingId: undefined, pendingAction: undefined });
  });
});

describe('a question in the middle of the qualification questions', () => {
  it('gets the FAQ answer and is not taken as the answer to the free-text question asked', () => {
    const flexoraa = {
      ...kumon, locale: 'en-IN', qualification: [
        { key: 'need', kind: 'text' as const, ask: { en: 'What would you like Flexoraa to help you with?' }, bookingName: false },
        { key: 'budget', kind: 'text' as const, ask: { en: 'Do you have a monthly budget in mind for this?' }, bookingName: false },
      ],
    };
    const asking: ConversationState = { ...fresh('en'), stage: 'qualifying', askingField: 'need' };
    const knowledge = { id: 'what', answer: 'Flexoraa is a sales operating system for inbound leads.' };
    const r = step(asking, { kind: 'message', understanding: heard('out_of_scope', 'en'), text: 'What does Flexoraa do exactly?', knowledge }, flexoraa);
    expect(r.state.fields).toEqual({});
    expect(r.replies.map((x) => x.text)).toEqual([knowledge.answer, 'What would you like Flexoraa to help you with?']);
    const next = step(r.state, { kind: 'message', understanding: heard('inform', 'en'), text: 'lead follow-up for our sales team' }, flexoraa);
    expect(next.state.fields).toEqual({ need: 'lead follow-up for our sales team' });
  });
});
