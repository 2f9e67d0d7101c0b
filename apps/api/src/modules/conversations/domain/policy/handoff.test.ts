import { describe, expect, it } from 'vitest';
import { step } from './policy';
import { barber, fresh, heard, kumon } from './testing';
import type { ConversationState, HandoffRules, PolicyContext } from './types';

const rules = (overrides: Partial<HandoffRules>): HandoffRules =>
  ({ afterMisunderstandings: 2, unansweredQuestions: 'handoff', keywords: [], intents: [], ...overrides });
const say = (ctx: PolicyContext, text: string, u = heard('out_of_scope', 'es'), state: ConversationState = fresh('es')) =>
  step(state, { kind: 'message', understanding: u, text }, ctx);

describe("the business's hand-off rules", () => {
  it('brings a person in when the customer uses one of its words, accents and case ignored', () => {
    const ctx = { ...barber, handoff: rules({ keywords: ['queja', 'me lastimó'] }) };
    const r = say(ctx, 'Quiero hacer una QUEJA por el corte', heard('book', 'es'));
    expect(r.commands).toEqual([{ kind: 'hand_off', reason: 'the business hands "queja" to a person' }]);
    expect(r.state.stage).toBe('handoff');
    expect(say(ctx, 'el barbero me lastimo con la navaja').commands[0]).toMatchObject({ kind: 'hand_off' });
    // Only whole words: "quejas" in another word does not count, and without rules nothing changes.
    expect(say(ctx, 'hola', heard('greet', 'es')).commands).toEqual([]);
    expect(say(barber, 'Quiero hacer una queja', heard('book', 'es')).commands).toEqual([]);
  });

  it('passes the requests the business wants handled in person', () => {
    const ctx = { ...barber, handoff: rules({ intents: ['cancel'] }) };
    expect(say(ctx, 'quiero cancelar mi turno', heard('cancel', 'es')).commands).toEqual([
      { kind: 'hand_off', reason: 'the business handles cancel requests in person' }]);
    expect(say(ctx, 'quiero reprogramar', heard('reschedule', 'es')).commands[0]?.kind).not.toBe('hand_off');
  });

  it('waits for as many misunderstandings as the business allows', () => {
    const ctx = { ...kumon, handoff: rules({ afterMisunderstandings: 3 }) };
    let r = say(ctx, 'blá', heard('out_of_scope'), fresh());
    r = say(ctx, 'blé', heard('out_of_scope'), r.state);
    expect(r.commands).toEqual([]);
    r = say(ctx, 'bli', heard('out_of_scope'), r.state);
    expect(r.commands).toEqual([{ kind: 'hand_off', reason: 'did not understand 3 times' }]);
    expect(say(kumon, 'blé', heard('out_of_scope'), say(kumon, 'blá', heard('out_of_scope'), fresh()).state).commands[0]?.kind).toBe('hand_off');
  });

  it('can say it does not know instead of passing an unanswered question on', () => {
    const ctx = { ...barber, handoff: rules({ unansweredQuestions: 'say_unknown' }) };
    const r = say(ctx, '¿tienen estacionamiento para bicis?');
    expect(r.commands).toEqual([]);
    expect(r.replies[0]!.text).toMatch(/^Eso no lo sé/);
    expect(say(barber, '¿tienen estacionamiento para bicis?').commands[0]?.kind).toBe('hand_off');
  });
});
