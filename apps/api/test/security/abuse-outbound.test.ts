import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { says, startFakeOpenAI, type FakeOpenAI } from '../harness/fake-openai';
import { configureLlm, lastTurnRecord, llmEntries, startChat } from '../conversations/llm-chat';

let llm: FakeOpenAI;
beforeAll(async () => {
  llm = await startFakeOpenAI();
  llm.otherwise(says('Olá da LLM'));
});
afterAll(() => llm?.close());

async function appWithLlm(outboundAllowPrivate: boolean): Promise<TestApp> {
  const app = await startTestApp({ config: { outboundAllowPrivate } });
  const { key } = await seedTenant(app, 'kumon-vila-a');
  await app.app.inject({ method: 'PUT', url: '/v1/privacy/consent-settings', headers: app.auth(key), payload: { required: false } });
  await configureLlm(app, key, { baseUrl: llm.baseUrl, model: 'fake', apiKey: 'sk-outbound', pricing: { inputPerMillion: 0, outputPerMillion: 0 } });
  return app;
}

describe('tenant-configured URLs on private networks', () => {
  it('are not reached unless the operator allows them: the LLM on loopback is refused and the built-in engine answers', async () => {
    const app = await appWithLlm(false);
    const chat = await startChat(app, 'kumon-vila-a');
    const replies = await chat.send('Oi, quanto custa?');
    expect(replies.length).toBeGreaterThan(0);
    expect(llm.requests).toHaveLength(0);
    expect(JSON.stringify(llmEntries(await lastTurnRecord(app, chat.conversationId)))).toMatch(/provider_network/); // the LLM client reports it as unreachable
  });

  it('are reached with FRONTDESK_OUTBOUND_ALLOW_PRIVATE', async () => {
    const app = await appWithLlm(true);
    const chat = await startChat(app, 'kumon-vila-a');
    expect((await chat.send('Oi, tudo bem?')).map((r) => r.text)).toContain('Olá da LLM');
    expect(llm.requests.length).toBeGreaterThan(0);
  });
});
