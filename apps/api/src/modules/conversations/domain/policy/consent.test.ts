import { describe, expect, it } from 'vitest';
import { step } from './policy';
import { consentGateApplies, grantsConsent, refusesConsent, withdrawsConsent, withLedger } from './consent';
import { fresh, heard, kumon } from './testing';
import type { ConversationState, PolicyContext } from './types';
import type { Understanding } from '../nlu/types';

const LGPD = 'Você concorda com o tratamento dos seus dados conforme a LGPD? Responda SIM ou NÃO.';
const ctx: PolicyContext = { ...kumon, consent: { purposes: ['data_processing'], text: { pt: LGPD, en: 'Do you agree? YES or NO.' } } };
const friday = { text: 'sexta de manhã', start: 0, end: 14, date: '2026-11-27', time: undefined, period: 'morning' } as unknown as Understanding['dateTimes'][number];
const visit = { id: 'svc-visit', name: 'Avaliação diagnóstica', score: 1 };
const say = (state: ConversationState, text: string, u: Understanding, c: PolicyContext = ctx) => step(state, { kind: 'message', understanding: u, text }, c);

describe('reading the answer to the consent question', () => {
  it.each([
    ['sim', true], ['Sim!', true], ['sí', true], ['yes', true], ['YES please', true], ['aceito', true], ['acepto', true], ['ok', true],
    ['sim, pode marcar', true], ['Concordo', true], ['não', false], ['no', false], ['talvez', false], ['sim? não sei', false],
  ])('"%s" grants: %s', (text, grants) => expect(grantsConsent(text)).toBe(grants));

  it.each([['não', true], ['Não.', true], ['no', true], ['nope', true], ['não, obrigado', true], ['sim', false], ['quero marcar', false], ['no budget yet for this', false]])(
    '"%s" refuses: %s', (text, refuses) => expect(refusesConsent(text)).toBe(refuses));

  it.each([
    ['retiro meu consentimento', true], ['Quero revogar meu consentimento', true], ['revoco mi consentimiento', true],
    ['I withdraw my consent', true], ['retiro o meu filho às 17h', false], ['consent', false],
  ])('"%s" withdraws: %s', (text, withdraws) => expect(withdrawsConsent(text)).toBe(withdraws));
});

describe('consent on first contact', () => {
  const first = heard('book', 'pt', { entities: { services: [visit] }, dateTimes: [friday] });

  it('asks with the tenant text first, keeps the request and books nothing', () => {
    const r = say(fresh(), 'Oi, queria marcar uma avaliação na sexta de manhã', first);
    expect(r.replies).toHaveLength(1);
    expect(r.replies[0]!.text).toBe(LGPD);
    expect(r.replies[0]!.options?.map((o) => o.label)).toEqual(['Sim', 'Não']);
    expect(r.commands).toEqual([]);
    expect(r.state.consent?.status).toBe('pending');
    expect(r.state.consent?.held?.text).toBe('Oi, queria marcar uma avaliação na sexta de manhã');
    expect(r.state.serviceId).toBeUndefined();
  });

  it('after "sim" thanks and continues the first request: looks for Friday morning slots', () => {
    const asked = say(fresh(), 'Oi, queria marcar uma avaliação na sexta de manhã', first).state;
    const r = say(asked, 'sim', heard('affirm'));
    expect(r.state.consent).toEqual({ status: 'granted' });
    expect(r.replies[0]!.text).toContain('consentimento foi registrado');
    expect(r.commands).toEqual([{ kind: 'find_slots', serviceId: 'svc-visit', when: expect.objectContaining({ date: '2026-11-27' }) }]);
  });

  it('after "não" says it cannot continue, offers a person and forgets the request', () => {
    const asked = say(fresh(), 'Oi, sou a Maria, queria marcar', { ...first, entities: { ...first.entities, personName: 'Maria' } }).state;
    const r = say(asked, 'não', heard('deny'));
    expect(r.state.consent).toEqual({ status: 'refused' });
    expect(r.state.customer).toEqual({});
    expect(r.replies[0]!.text).toContain('não posso continuar');
    expect(r.replies[0]!.options?.[0]!.label).toBe('Falar com uma pessoa');
    expect(r.commands).toEqual([]);
  });

  it.each([
    ['an unclear answer asks again, keeping the first request', 'pending', 'talvez depois', heard('inform'), LGPD],
    ['after a refusal anything else is not acted on', 'refused', 'quero marcar amanhã', heard('book'), 'Sem o seu consentimento'],
    ['after a withdrawal the same', 'withdrawn', 'quanto custa?', heard('ask_price'), 'Sem o seu consentimento'],
  ] as const)('%s', (_name, status, text, u, reply) => {
    const state: ConversationState = { ...fresh(), consent: { status, ...(status === 'pending' ? { held: { understanding: first, text: 'x' } } : {}) } };
    const r = say(state, text, u);
    expect(r.replies[0]!.text).toContain(reply);
    expect(r.commands).toEqual([]);
    expect(r.state.consent?.status).toBe(status);
    if (status === 'pending') expect(r.state.consent?.held?.text).toBe('x');
  });

  // Regression: email and SMS show the choices as "1. Sim / 2. Não — reply with the number"; "1" used to ask again.
  it.each([
    ['"1" to the question grants it and continues the first request', 'pending', '1', 'granted', 'find_slots'],
    ['"2." to the question refuses it', 'pending', '2.', 'refused', undefined],
    ['"1" after a refusal is the person offered', 'refused', '1', 'refused', 'hand_off'],
    ['"3" is no choice: the question is asked again', 'pending', '3', 'pending', undefined],
  ] as const)('a numbered menu: %s', (_name, status, text, after, command) => {
    const state: ConversationState = { ...fresh(), consent: { status, ...(status === 'pending' ? { held: { understanding: first, text: 'x' } } : {}) } };
    const r = say(state, text, heard('out_of_scope'));
    expect(r.state.consent?.status).toBe(after);
    expect(r.commands.map((c) => c.kind)).toEqual(command ? [command] : []);
  });

  it('a number under a reminder that awaits its own answer is not taken as consent', () => {
    const awaiting = { kind: 'booking_reply' as const, bookingId: 'b1', serviceId: 'svc-visit', label: 'sex 08:00', options: [{ id: 'booking-confirm', label: 'Confirmar' }] };
    const r = say({ ...fresh(), awaiting, consent: { status: 'pending', held: { understanding: first, text: 'x' } } }, '1', heard('out_of_scope'));
    expect(r.state.consent?.status).toBe('pending');
  });

  it('a person or an opt-out always gets through', () => {
    expect(say(fresh(), 'quero falar com um atendente', heard('ask_human')).commands[0]).toMatchObject({ kind: 'hand_off' });
    expect(say(fresh(), 'parar', heard('opt_out')).state.stage).toBe('opted_out');
  });

  it('"retiro meu consentimento" after granting withdraws it; "sim" later grants it again', () => {
    const withdrawn = say({ ...fresh(), consent: { status: 'granted' } }, 'retiro meu consentimento', heard('inform'));
    expect(withdrawn.state.consent).toEqual({ status: 'withdrawn' });
    expect(withdrawn.replies[0]!.text).toContain('retirada do seu consentimento');
    const again = say(withdrawn.state, 'sim', heard('affirm'));
    expect(again.state.consent).toEqual({ status: 'granted' });
  });

  it('answers in the customer language with that language text', () => {
    const r = say(fresh('en'), 'hi, I want to book', heard('book', 'en'));
    expect(r.replies[0]!.text).toBe('Do you agree? YES or NO.');
    expect(r.replies[0]!.options?.map((o) => o.label)).toEqual(['Yes', 'No']);
  });

  it('changes nothing for a tenant that does not ask, or once granted', () => {
    expect(say(fresh(), 'oi', heard('greet'), kumon).replies[0]!.text).toContain('Kumon Vila A');
    expect(say({ ...fresh(), consent: { status: 'granted' } }, 'oi', heard('greet')).replies[0]!.text).toContain('Kumon Vila A');
    expect(consentGateApplies({ ...fresh(), stage: 'opted_out' }, 'ok', ctx)).toBe(false);
  });

  it.each([
    ['none keeps a pending question', { status: 'pending' } as const, 'none', { status: 'pending' }],
    ['none forgets a grant the ledger does not have', { status: 'granted' } as const, 'none', undefined],
    ['a grant recorded elsewhere (staff, another channel) is taken', { status: 'pending' } as const, 'granted', { status: 'granted' }],
    ['a withdrawal recorded by staff is taken', { status: 'granted' } as const, 'withdrawn', { status: 'withdrawn' }],
  ] as const)('the ledger: %s', (_name, consent, ledger, expected) => {
    expect(withLedger({ ...fresh(), consent }, ledger).consent).toEqual(expected);
  });
});
