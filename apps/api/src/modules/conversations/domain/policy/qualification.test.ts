import { describe, expect, it } from 'vitest';
import { step } from './policy';
import { fresh, heard, kumon, offers } from './testing';
import type { ConversationState, PolicyContext } from './types';

const kumonQualifying: PolicyContext = {
  ...kumon,
  qualification: [
    { key: 'guardian_name', kind: 'name', ask: { pt: 'Qual é o seu nome?' }, bookingName: true },
    { key: 'student_name', kind: 'name', ask: { pt: 'Qual é o nome do aluno?' }, bookingName: false },
    { key: 'student_age', kind: 'age', ask: { pt: 'Quantos anos ele tem?' }, bookingName: false },
    { key: 'phone', kind: 'phone', ask: { pt: 'Qual o seu WhatsApp?' }, bookingName: false },
    { key: 'heard_from', kind: 'text', ask: { pt: 'Como conheceu o Kumon?' }, bookingName: false },
  ],
};
const say = (state: ConversationState, text: string, u: ReturnType<typeof heard>) =>
  step(state, { kind: 'message', understanding: u, text }, kumonQualifying);

describe('qualification questions after the booking', () => {
  it('asks each missing field once, keeps what was already said, and thanks at the end', () => {
    const held: ConversationState = { ...fresh(), stage: 'confirming', serviceId: 'svc-visit', holdId: 'h1', chosen: offers[0], customer: { name: 'Carla' } };
    // The phone came earlier in the conversation, with the booking request.
    const withPhone = say({ ...held, stage: 'idle' }, 'meu whats é 11 98765-4321', heard('inform', 'pt', { entities: { phone: '+5511987654321' } })).state;
    let r = step({ ...withPhone, stage: 'confirming', holdId: 'h1', chosen: offers[0] }, { kind: 'booked', bookingId: 'b1' }, kumonQualifying);
    expect(r.replies.map((x) => x.text)).toEqual([expect.stringMatching(/^Pronto, Carla!/), 'Qual é o nome do aluno?']);
    expect(r.state.fields).toMatchObject({ guardian_name: 'Carla', phone: '+5511987654321' });

    r = say(r.state, 'Pedro', heard('inform'));
    expect(r.replies[0]!.text).toBe('Quantos anos ele tem?');
    r = say(r.state, 'ele tem 8 anos', heard('inform', 'pt', { entities: { age: 8 } }));
    expect(r.replies[0]!.text).toBe('Como conheceu o Kumon?');
    r = say(r.state, 'Pela indicação de uma amiga', heard('out_of_scope'));
    expect(r.replies[0]!.text).toBe('Obrigado! Anotei tudo para a equipe.');
    expect(r.state).toMatchObject({
      stage: 'idle',
      fields: { guardian_name: 'Carla', student_name: 'Pedro', student_age: '8', phone: '+5511987654321', heard_from: 'Pela indicação de uma amiga' },
    });
  });

  it('answers an FAQ question in the middle, then asks again', () => {
    const asking: ConversationState = { ...fresh(), stage: 'qualifying', askingField: 'student_age', fields: { guardian_name: 'Carla', student_name: 'Pedro' }, customer: { name: 'Carla' } };
    const r = step(asking, { kind: 'message', understanding: heard('out_of_scope'), text: 'tem aula online?', knowledge: { id: 'online', answer: 'Só presencial.' } }, kumonQualifying);
    expect(r.replies.map((x) => x.text)).toEqual(['Só presencial.', 'Quantos anos ele tem?']);
  });

  it('re-asks when the answer does not fit the field', () => {
    const asking: ConversationState = { ...fresh(), stage: 'qualifying', askingField: 'student_age', fields: { guardian_name: 'Carla', student_name: 'Pedro' }, customer: { name: 'Carla' } };
    const r = say(asking, 'não sei', heard('deny'));
    expect(r.state.fields.student_age).toBeUndefined();
    expect(r.replies[0]!.text).toBe('Quantos anos ele tem?');
  });
});

describe('qualification questions before offering times (a sales call)', () => {
  const sales: PolicyContext = { ...kumonQualifying, qualifyBeforeOffering: true };
  const ask = (state: ConversationState, text: string, u: ReturnType<typeof heard>) =>
    step(state, { kind: 'message', understanding: u, text }, sales);

  it('asks the missing answers first, then goes on to the times with what was asked', () => {
    const friday = { text: 'sexta', start: 0, end: 5, date: '2026-11-27' };
    let r = ask(fresh(), 'quero marcar uma avaliação na sexta, sou a Carla', heard('book', 'pt', { dateTimes: [friday], entities: { personName: 'Carla' } }));
    expect(r.commands).toEqual([]);
    expect(r.replies[0]!.text).toBe('Qual é o nome do aluno?'); // her own name is already known
    r = ask(r.state, 'Pedro', heard('inform'));
    r = ask(r.state, '8', heard('inform'));
    r = ask(r.state, '11 98765-4321', heard('inform', 'pt', { entities: { phone: '+5511987654321' } }));
    expect(r.replies[0]!.text).toBe('Como conheceu o Kumon?');
    r = ask(r.state, 'pelo Instagram', heard('inform'));
    expect(r.replies.map((x) => x.text)).toEqual(['Obrigado! Anotei tudo para a equipe.']);
    expect(r.commands).toEqual([{ kind: 'find_slots', serviceId: 'svc-visit', staffId: undefined, when: friday }]);
    expect(r.state.fields).toEqual({ guardian_name: 'Carla', student_name: 'Pedro', student_age: '8', phone: '+5511987654321', heard_from: 'pelo Instagram' });

    // The booking that follows asks nothing more.
    r = step({ ...r.state, stage: 'confirming', holdId: 'h1', chosen: offers[0] }, { kind: 'booked', bookingId: 'b1' }, sales);
    expect(r.replies).toHaveLength(1);
    expect(r.state.stage).toBe('idle');
  });

  it('answers a question in the middle, then asks its own again', () => {
    let r = ask(fresh(), 'quero marcar', heard('book'));
    expect(r.replies[0]!.text).toBe('Qual é o seu nome?');
    r = ask(r.state, 'onde fica?', heard('ask_location'));
    expect(r.replies[0]!.text).toContain('Rua Joaquim Távora');
    r = ask(r.state, 'quero marcar', heard('book'));
    expect(r.replies[0]!.text).toBe('Qual é o seu nome?');
  });
});
