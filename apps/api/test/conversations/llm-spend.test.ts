import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { says, startFakeOpenAI, type FakeOpenAI } from '../harness/fake-openai';
import { configureLlm, lastTurnRecord, llmEntries, startChat } from './llm-chat';

let app: TestApp;
let fake: FakeOpenAI;
let key: string;

beforeAll(async () => {
  app = await startTestApp();
  fake = await startFakeOpenAI();
  key = (await seedTenant(app, 'kumon-vila-a')).key;
  // This suite is about the assistant itself; consent on first contact (the blueprint's LGPD question) is tested in test/privacy.
  await app.app.inject({ method: 'PUT', url: '/v1/privacy/consent-settings', headers: app.auth(key), payload: { required: false } });
  // R$ 1 (100 centavos) per 1,000 prompt tokens: every call below costs exactly R$ 1.
  await configureLlm(app, key, { baseUrl: fake.baseUrl, model: 'test-model', pricing: { inputPerMillion: 100_000, outputPerMillion: 0 } });
  fake.otherwise(says('Olá! Sou o assistente do Kumon Vila A.', { prompt: 1000, completion: 0 }));
});
afterAll(() => fake.close());

const usage = async (day?: string) =>
  (await app.app.inject({ url: `/v1/assistant/llm/usage${day ? `?day=${day}` : ''}`, headers: app.auth(key) })).json();

describe('LLM spend per tenant per day', () => {
  it("stops calling the model at Kumon's R$ 3 daily cap and the embedded engine carries on", async () => {
    app.clock.set(Date.parse('2026-12-01T13:00:00Z')); // 10:00 in São Paulo
    const chat = await startChat(app, 'kumon-vila-a');
    for (let turn = 1; turn <= 3; turn++) expect((await chat.send('oi'))[0]!.text).toBe('Olá! Sou o assistente do Kumon Vila A.');
    expect(fake.requests).toHaveLength(3);

    const fourth = await chat.send('oi');
    expect(fourth[0]!.text).not.toBe('Olá! Sou o assistente do Kumon Vila A.');
    expect(fourth[0]!.text).toContain('Kumon Vila A');
    expect(fake.requests).toHaveLength(3);
    expect(llmEntries(await lastTurnRecord(app, chat.conversationId))).toEqual([{ skipped: 'daily_cap' }]);

    expect(await usage()).toEqual({
      day: '2026-12-01', currency: 'BRL', cost: 300, dailyCap: { amount: 300, currency: 'BRL' }, capReached: true,
      models: [{ model: 'test-model', calls: 3, promptTokens: 3000, completionTokens: 0, cost: 300 }],
    });
  });

  it("starts a new budget at midnight in the tenant's time zone, not UTC", async () => {
    const chat = await startChat(app, 'kumon-vila-a');
    app.clock.set(Date.parse('2026-12-02T02:30:00Z')); // already the 2nd in UTC, still 23:30 on the 1st in São Paulo
    await chat.send('oi');
    expect(fake.requests).toHaveLength(3);

    app.clock.set(Date.parse('2026-12-02T03:30:00Z')); // 00:30 on the 2nd in São Paulo
    expect((await chat.send('oi'))[0]!.text).toBe('Olá! Sou o assistente do Kumon Vila A.');
    expect(fake.requests).toHaveLength(4);
    expect(await usage()).toMatchObject({ day: '2026-12-02', cost: 100, capReached: false });
    expect(await usage('2026-12-01')).toMatchObject({ cost: 300, capReached: true });
  });

  it('counts usage the provider leaves out by estimating it', async () => {
    app.clock.set(Date.parse('2026-12-03T13:00:00Z'));
    const chat = await startChat(app, 'kumon-vila-a');
    fake.enqueue({ content: 'Olá!', usage: null });
    expect((await chat.send('oi'))[0]!.text).toBe('Olá!');
    const day = await usage();
    expect(day.models[0].promptTokens).toBeGreaterThan(0);
    expect(day.cost).toBeGreaterThan(0);
  });
});
