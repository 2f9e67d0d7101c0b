import { describe, expect, it } from 'vitest';
import { newConversationState } from '../domain/policy/types';
import { barber } from '../domain/policy/testing';
import { promptMessages, systemPrompt } from './prompt';

describe('LLM prompt', () => {
  const ctx = barber;
  const state = { ...newConversationState('pt', ctx.now), customer: { name: 'Maria' },
    offers: [{ id: 'slot-1', start: '2026-11-27T13:00:00.000Z', end: '2026-11-27T14:00:00.000Z', resourceIds: [], label: 'sex., 27 de nov., 10:00' }] };

  it('names the business, the local time, the services with ids and durations, and no prices', () => {
    const text = systemPrompt(ctx, state);
    expect(text).toContain(ctx.tenantName);
    expect(text).toContain(`Wednesday 2026-11-25 10:00 in ${ctx.timeZone}`);
    for (const s of ctx.services) expect(text).toContain(`${s.id}: ${s.name} (${s.durationMinutes} min)`);
    expect(text).not.toMatch(/15\.?000|\$/);
    expect(text).toContain("Reply in the customer's language");
    expect(text).toContain('Never state a time, date or price that a tool did not return');
  });

  it('carries the offers on the table and what the customer told us', () => {
    const text = systemPrompt(ctx, state);
    expect(text).toContain('offer slot-1: sex., 27 de nov., 10:00');
    expect(text).toContain("customer's name: Maria");
  });

  it('maps the history to chat roles and ends with the customer message', () => {
    const messages = promptMessages(ctx, state, [
      { author: 'assistant', text: 'Olá!' }, { author: 'customer', text: 'oi' }, { author: 'staff', text: 'Aqui é a Ana' },
    ], 'quero marcar');
    expect(messages.map((m) => m.role)).toEqual(['system', 'assistant', 'user', 'assistant', 'user']);
    expect(messages.at(-1)).toEqual({ role: 'user', content: 'quero marcar' });
    expect(messages[3]!.content).toContain('Aqui é a Ana');
  });
});
