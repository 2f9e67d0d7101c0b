import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatCompletions } from '../../src/modules/conversations';
import { LlmError } from '../../src/modules/conversations/llm/client';
import { toolSpecs } from '../../src/modules/conversations/llm/tool-specs';
import { calls, startFakeOpenAI, type FakeOpenAI } from '../harness/fake-openai';

let fake: FakeOpenAI;
beforeAll(async () => void (fake = await startFakeOpenAI()));
afterAll(() => fake.close());

const complete = chatCompletions();
const endpoint = () => ({ baseUrl: `${fake.baseUrl}/`, model: 'llama3.2', apiKey: null, timeoutMs: 2000 });
const hello = [{ role: 'user' as const, content: 'oi' }];

describe('the OpenAI-compatible client', () => {
  it('parses tool calls and usage from a real HTTP answer', async () => {
    fake.enqueue(calls({ name: 'business_info', arguments: { topic: 'hours' } }));
    const answer = await complete(endpoint(), hello, toolSpecs);
    expect(answer).toEqual({
      content: null, usage: { promptTokens: 100, completionTokens: 20 },
      toolCalls: [{ id: expect.any(String), type: 'function', function: { name: 'business_info', arguments: '{"topic":"hours"}' } }],
    });
    // No key configured (Ollama): no Authorization header at all.
    expect(fake.requests.at(-1)!.headers.authorization).toBeUndefined();
  });

  it('turns every provider failure into a typed error that carries no body', async () => {
    const failure = async () => complete(endpoint(), hello, toolSpecs).then(() => undefined, (err: unknown) => err);
    fake.enqueue({ status: 429, body: '{"error":{"message":"rate limited for key sk-abc"}}' });
    const limited = await failure();
    expect(limited).toBeInstanceOf(LlmError);
    expect(limited).toMatchObject({ kind: 'http', status: 429 });
    expect((limited as Error).message).not.toContain('sk-abc');
    fake.enqueue({ raw: 'not json' });
    expect(await failure()).toMatchObject({ kind: 'malformed' });
    fake.enqueue({ raw: '{"choices": []}' });
    expect(await failure()).toMatchObject({ kind: 'malformed' });
    fake.enqueue({ content: 'tarde demais', delayMs: 1000 });
    expect(await complete({ ...endpoint(), timeoutMs: 100 }, hello, toolSpecs).catch((e: unknown) => e)).toMatchObject({ kind: 'timeout' });
    const closed = await complete({ ...endpoint(), baseUrl: 'http://127.0.0.1:9/v1' }, hello, toolSpecs).catch((e: unknown) => e);
    expect(closed).toMatchObject({ kind: 'network' });
  });
});
