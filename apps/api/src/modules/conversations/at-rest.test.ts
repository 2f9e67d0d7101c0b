import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldKey, installFieldKeys } from '../../platform/crypto/fields';
import { openState, sealState } from './at-rest';
import type { ConversationState } from './domain/policy/types';

const state = {
  lang: 'pt', stage: 'confirming', fields: { student: 'Pedro, 9 anos' }, offers: [], bookingIds: ['b1'], cancelCandidates: [],
  customer: { name: 'Beatriz Rocha', phone: '+5511987650001' }, misses: 0, lastActivityAt: 1, holdId: 'h1',
  consent: { status: 'pending', held: { text: 'quero matricular meu filho', understanding: { intent: 'book', entities: {} } } },
} as unknown as ConversationState;

describe('the dialogue state at rest', () => {
  beforeAll(() => installFieldKeys({ current: fieldKey(randomBytes(32)), previous: [] }));

  it('seals what the customer told us and keeps the rest readable', () => {
    const stored = sealState(state);
    const text = JSON.stringify(stored);
    for (const secret of ['Beatriz', '98765', 'Pedro', 'matricular']) expect(text).not.toContain(secret);
    expect(stored).toMatchObject({ stage: 'confirming', holdId: 'h1', bookingIds: ['b1'], customer: {}, fields: {}, consent: { status: 'pending' } });
    expect(openState(stored)).toEqual(state);
  });

  it('reads a state stored before encryption as it is', () => {
    expect(openState(state as never)).toEqual(state);
  });
});
