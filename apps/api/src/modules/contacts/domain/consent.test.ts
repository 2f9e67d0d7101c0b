import { describe, expect, it } from 'vitest';
import { consentChange, isOptInWord, mayMessage, optOutSourceOf, type MessageKind } from './consent';
import { toE164 } from './phone';

const optedOut = { optedOut: { at: '2026-11-24T13:00:00.000Z', source: { kind: 'keyword' as const, word: 'STOP' } } };
const subscribed = { optedOut: null };

describe('mayMessage', () => {
  it.each<[string, { optedOut: unknown }, MessageKind, boolean]>([
    ['a reply to a subscribed contact', subscribed, 'transactional', true],
    ['marketing to a subscribed contact', subscribed, 'marketing', true],
    ['a reply to their own question after opting out', optedOut, 'transactional', true],
    ['a follow-up or marketing after opting out', optedOut, 'marketing', false],
  ])('%s → %s', (_, contact, kind, allowed) => {
    expect(mayMessage(contact, kind)).toBe(allowed);
  });
});

describe('consent from a turn', () => {
  it.each([
    ['PARAR', 'opt_out', false, { kind: 'opted_out', source: { kind: 'keyword', word: 'PARAR' } }],
    ['baja.', 'opt_out', false, { kind: 'opted_out', source: { kind: 'keyword', word: 'BAJA' } }],
    ['não quero mais receber mensagens', 'opt_out', false, { kind: 'opted_out', source: { kind: 'request' } }],
    ['STOP', 'opt_out', true, undefined],
    ['START', 'out_of_scope', true, { kind: 'opted_in', reason: 'keyword' }],
    ['voltar', 'inform', true, { kind: 'opted_in', reason: 'keyword' }],
    ['ALTA', 'out_of_scope', true, { kind: 'opted_in', reason: 'keyword' }],
    ['oi', 'greet', true, { kind: 'opted_in', reason: 'greeting' }],
    ['oi', 'greet', false, undefined],
    ['START', 'out_of_scope', false, undefined],
    ['quanto custa?', 'ask_price', true, undefined],
  ])('%s (%s, opted out: %s)', (text, intent, isOut, change) => {
    expect(consentChange({ text, intent, optedOut: isOut })).toEqual(change);
  });

  it('knows opt-in words only as the whole message', () => {
    expect(isOptInWord(' Start! ')).toBe(true);
    expect(isOptInWord('start my booking tomorrow')).toBe(false);
    expect(optOutSourceOf('stop texting me')).toEqual({ kind: 'request' });
  });
});

describe('toE164', () => {
  it.each([
    ['11 5555-1234', 'es-AR', '+541155551234'],
    ['(11) 98765-4321', 'pt-BR', '+5511987654321'],
    ['07911 123456', 'en-GB', '+447911123456'],
    ['+44 7911 123456', 'pt-BR', '+447911123456'],
    ['12', 'en-GB', undefined],
  ])('%s in %s → %s', (raw, locale, e164) => {
    expect(toE164(raw, locale)).toBe(e164);
  });
});
