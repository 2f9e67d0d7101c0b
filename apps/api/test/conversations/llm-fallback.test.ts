import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { says, startFakeOpenAI, type FakeOpenAI } from '../harness/fake-openai';
import { configureLlm, lastTurnRecord, llmEntries, startChat } from './llm-chat';

let app: TestApp;
let fake: FakeOpenAI;
let key: string;

beforeAll(async () => {
  app = await startTestApp({ config: { llm: { defaultTimeoutMs: 8000, breaker: { failures: 3, cooldownMs: 60_000 } } } });
  fake = await startFakeOpenAI();
  key = (await seedTenant(app, 'kumon-vila-a')).key;
  // This suite is about the assistant itself; consent on first contact (the blueprint's LGPD question) is tested in test/privacy.
  await app.app.inject({ method: 'PUT', url: '/v1/privacy/consent-settings', headers: app.auth(key), payload: { required: false } });
  await configureLlm(app, key, {
    baseUrl: fake.baseUrl, model: 'test-model', timeoutMs: 300, pricing: { inputPerMillion: 0, outputPerMillion: 0 },
  });
});
afterAll(() => fake.close());

const fallbackOf = async (conversationId: string) => llmEntries(await lastTurnRecord(app, conversationId)).find((e) => e.fallback || e.skipped);

describe('the LLM is checked, and the embedded engine answers when it fails', () => {
  it('rejects a reply stating times no tool returned; the customer gets the embedded answer', async () => {
    app.clock.set(Date.parse('2026-11-25T13:00:00Z'));
    const chat = await startChat(app, 'kumon-vila-a');
    fake.enqueue(says('Tenho sexta às 09:30 ou às 11h15, qual prefere?'));
    const [reply] = await chat.send('Oi, queria marcar uma avaliação na sexta de manhã');
    expect(reply!.text).not.toContain('09:30');
    expect(reply!.options!.length).toBeGreaterThan(0);
    expect(reply!.options!.every((o) => /^sex\., 27 de nov\./.test(o.label))).toBe(true);
    expect(await fallbackOf(chat.conversationId)).toMatchObject({ fallback: 'ungrounded', unsupported: ['09:30', '11h15'] });
    const commands = (await lastTurnRecord(app, chat.conversationId)).filter((r) => 'command' in r);
    expect(commands.map((r) => (r.command as { kind: string }).kind)).toEqual(['find_slots']);
  });

  it('rejects a made-up price; the embedded engine quotes the configured one', async () => {
    const chat = await startChat(app, 'kumon-vila-a');
    fake.enqueue(says('A mensalidade é R$ 300,00 por disciplina.'));
    const replies = await chat.send('qual o valor da mensalidade?');
    expect(replies.at(-1)!.text).toContain('R$\u00a0375,00 por mês');
    expect(replies.map((r) => r.text).join('\n')).not.toContain('300');
    expect(await fallbackOf(chat.conversationId)).toMatchObject({ fallback: 'ungrounded', unsupported: ['R$ 300,00'] });
  });

  it('answers with the embedded engine when the provider fails, then stops calling it, then tries again after the cooldown', async () => {
    app.clock.set(Date.parse('2026-11-25T14:00:00Z'));
    const chat = await startChat(app, 'kumon-vila-a');
    const embedded = (await startChat(app, 'kumon-vila-a'));
    const failures = [
      [{ status: 500, body: '{"error":{"message":"boom"}}' }, 'provider_http'],
      [{ ...says('late'), delayMs: 3000 }, 'provider_timeout'],
      [{ raw: '{"choices": [ {"message": ' }, 'provider_malformed'],
    ] as const;
    for (const [response, reason] of failures) {
      fake.enqueue(response);
      const replies = await chat.send('qual o horário de funcionamento?');
      expect(replies.at(-1)!.text).toMatch(/08:00–12:00/);
      expect(await fallbackOf(chat.conversationId)).toMatchObject({ fallback: reason });
    }

    // Three failures in a row: the breaker is open and the provider is not called at all.
    const calledBefore = fake.requests.length;
    fake.enqueue(says('Olá! Sou o assistente (LLM).'));
    const whileOpen = await embedded.send('qual o horário de funcionamento?');
    expect(whileOpen.at(-1)!.text).toMatch(/08:00–12:00/);
    expect(fake.requests.length).toBe(calledBefore);
    expect(await fallbackOf(embedded.conversationId)).toEqual({ skipped: 'breaker_open' });

    // After the cooldown one trial goes out; it succeeds and the breaker closes.
    app.clock.advance(60_000);
    expect((await chat.send('oi'))[0]!.text).toBe('Olá! Sou o assistente (LLM).');
    expect(fake.requests.length).toBe(calledBefore + 1);
    fake.enqueue(says('Posso ajudar em algo mais?'));
    expect((await chat.send('obrigado'))[0]!.text).toBe('Posso ajudar em algo mais?');
  });

  it('falls back when the model keeps calling tools or answers nothing', async () => {
    const chat = await startChat(app, 'kumon-vila-a');
    fake.otherwise({ content: null, toolCalls: [{ name: 'business_info', arguments: { topic: 'hours' } }] });
    const replies = await chat.send('qual o horário de funcionamento?');
    expect(replies.at(-1)!.text).toMatch(/08:00–12:00/);
    expect(await fallbackOf(chat.conversationId)).toMatchObject({ fallback: 'too_many_rounds' });
    fake.otherwise({ status: 500 });

    fake.enqueue({ content: '   ' });
    expect((await chat.send('onde fica a unidade?')).at(-1)!.text).toContain('Joaquim Távora');
    expect(await fallbackOf(chat.conversationId)).toMatchObject({ fallback: 'empty_reply' });
  });

  it('lets the embedded engine phrase what the model\'s tools already did when the provider fails mid-turn', async () => {
    app.clock.set(Date.parse('2026-11-25T13:00:00Z'));
    const services = (await app.app.inject({ url: '/v1/services', headers: app.auth(key) })).json().items as { id: string }[];
    const chat = await startChat(app, 'kumon-vila-a');
    fake.enqueue(
      { content: null, toolCalls: [{ name: 'find_slots', arguments: { serviceId: services[0]!.id, date: '2026-11-30', partOfDay: 'afternoon' } }] },
      { status: 503 },
    );
    const [reply] = await chat.send('tem horário segunda à tarde?');
    expect(reply!.options!.length).toBeGreaterThan(0);
    expect(reply!.options!.every((o) => /^seg\., 30 de nov\., 1[4-6]:/.test(o.label))).toBe(true);
    expect(await fallbackOf(chat.conversationId)).toMatchObject({ fallback: 'provider_http' });
    // The offers are the ones the model's find_slots got: the embedded engine phrased them, it did not search again.
    const record = await lastTurnRecord(app, chat.conversationId);
    expect(record.filter((r) => 'command' in r).map((r) => (r.command as { kind: string }).kind)).toEqual(['find_slots']);
    expect(llmEntries(record).some((e) => e.tool === 'find_slots')).toBe(true);
  });

  it('tells the customer a person is coming when the model called one and then the provider failed', async () => {
    const chat = await startChat(app, 'kumon-vila-a');
    fake.enqueue({ content: null, toolCalls: [{ name: 'hand_off', arguments: { reason: 'asked for a person' } }] }, { status: 502 });
    expect((await chat.send('oi, tudo bem?'))[0]!.text).toMatch(/pessoa da equipe/); // the embedded engine alone would greet
    const conversation = (await app.app.inject({ url: '/v1/conversations', headers: app.auth(key) })).json().items
      .find((c: { id: string }) => c.id === chat.conversationId);
    expect(conversation.handledBy).toBe('human');
    expect(await fallbackOf(chat.conversationId)).toMatchObject({ fallback: 'provider_http' });
  });

  it("leaves the business's hand-off rules to the embedded engine, without calling the model", async () => {
    const mover = app.auth((await seedTenant(app, 'speedy-van')).key);
    const put = await app.app.inject({ method: 'PUT', url: '/v1/assistant/llm', headers: mover, payload: { baseUrl: fake.baseUrl, model: 'test-model' } });
    expect(put.statusCode, put.body).toBe(200);
    const chat = await startChat(app, 'speedy-van');
    const calledBefore = fake.requests.length;
    expect((await chat.send('I want to book a van to move my piano on Friday')).at(-1)!.text).toMatch(/member of the team/);
    expect(fake.requests.length).toBe(calledBefore);
    expect(await fallbackOf(chat.conversationId)).toEqual({ skipped: 'handoff_rule' });
  });
});
