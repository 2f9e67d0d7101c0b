import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { expectProblem } from '../harness/problem';

let app: TestApp;
let kumon: { authorization: string };
let barber: { authorization: string };
const SECRET = 'sk-live-do-not-leak-0123456789';

beforeAll(async () => {
  app = await startTestApp();
  kumon = app.auth((await seedTenant(app, 'kumon-vila-a')).key);
  barber = app.auth((await seedTenant(app, 'barberpro-palermo')).key);
});

const get = (headers: Record<string, string>) => app.app.inject({ url: '/v1/assistant/llm', headers });
const put = (headers: Record<string, string>, payload: Record<string, unknown>) =>
  app.app.inject({ method: 'PUT', url: '/v1/assistant/llm', headers, payload });
const openai = { baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', pricing: { inputPerMillion: 80, outputPerMillion: 320 } };

describe('tenant LLM settings', () => {
  it('starts disabled, with the daily cap from the Kumon blueprint', async () => {
    const res = await get(kumon);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      configured: false, enabled: false, baseUrl: null, hasApiKey: false, timeoutMs: 8000, dailyCap: { amount: 300, currency: 'BRL' },
    });
  });

  it('takes the key but never gives it back', async () => {
    const saved = await put(kumon, { ...openai, apiKey: SECRET });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ configured: true, enabled: true, hasApiKey: true, model: 'gpt-4o-mini', dailyCap: { amount: 300 } });
    for (const res of [saved, await get(kumon)]) expect(res.body).not.toContain(SECRET);
    // Stored sealed (AES-256-GCM), never as the key itself.
    const [row] = await app.db.query<{ api_key: string }>(`SELECT api_key FROM llm_settings`);
    expect(row!.api_key).not.toContain(SECRET);
    expect(row!.api_key).toMatch(/^v1:/);

    // Saving again without the key keeps it for the same endpoint, and drops it for another host.
    expect((await put(kumon, { ...openai, timeoutMs: 5000 })).json()).toMatchObject({ hasApiKey: true, timeoutMs: 5000 });
    expect((await put(kumon, { ...openai, baseUrl: 'http://127.0.0.1:11434/v1' })).json()).toMatchObject({ hasApiKey: false });
  });

  it('refuses invalid settings naming each field', async () => {
    const bad = expectProblem(await put(kumon, { baseUrl: 'ftp://example.com/v1', model: '', timeoutMs: 10, dailyCap: { amount: -1, currency: 'real' } }),
      400, 'VALIDATION_FAILED');
    expect(bad.errors!.map((e) => e.path)).toEqual(expect.arrayContaining(['baseUrl', 'model', 'timeoutMs', 'dailyCap.amount', 'dailyCap.currency']));
    expect(bad.errors!.find((e) => e.path === 'baseUrl')!.message).toMatch(/http/);

    // A cap in reais needs the model's price in reais.
    const unpriced = expectProblem(await put(kumon, { baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2' }), 400, 'VALIDATION_FAILED');
    expect(unpriced.errors).toEqual([{ path: 'pricing', message: expect.stringContaining('BRL') }]);
    // A tenant without a cap needs no price; a USD cap uses the list price of a known model.
    expect((await put(barber, { baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2' })).statusCode).toBe(200);
    expect((await put(barber, { ...openai, pricing: undefined, dailyCap: { amount: 100, currency: 'USD' } })).statusCode).toBe(200);
  });

  it("keeps each tenant's settings to itself", async () => {
    await put(kumon, { ...openai, apiKey: SECRET });
    await put(barber, { baseUrl: 'http://127.0.0.1:8080/v1', model: 'qwen2.5', dailyCap: null });
    expect((await get(kumon)).json()).toMatchObject({ baseUrl: 'https://api.openai.com/v1', hasApiKey: true });
    expect((await get(barber)).json()).toMatchObject({ baseUrl: 'http://127.0.0.1:8080/v1', hasApiKey: false, dailyCap: null });
    expectProblem(await get(app.admin), 403, 'FORBIDDEN');
    expectProblem(await get({}), 401, 'UNAUTHENTICATED');
  });

  it('forgets the endpoint and key on DELETE, and keeps the budget', async () => {
    expect((await app.app.inject({ method: 'DELETE', url: '/v1/assistant/llm', headers: kumon })).statusCode).toBe(204);
    expect((await get(kumon)).json()).toMatchObject({ configured: false, enabled: false, hasApiKey: false, dailyCap: { amount: 300, currency: 'BRL' } });
    const [row] = await app.db.query<{ api_key: string | null }>(`SELECT api_key FROM llm_settings s JOIN tenants t ON t.id = s.tenant_id WHERE t.slug = 'kumon-vila-a'`);
    expect(row!.api_key).toBeNull();
  });

  it("reports a day's usage, and refuses a malformed day", async () => {
    app.clock.set(Date.parse('2026-11-25T13:00:00Z'));
    expect((await app.app.inject({ url: '/v1/assistant/llm/usage', headers: kumon })).json()).toEqual({
      day: '2026-11-25', currency: 'BRL', cost: 0, dailyCap: { amount: 300, currency: 'BRL' }, capReached: false, models: [],
    });
    const bad = expectProblem(await app.app.inject({ url: '/v1/assistant/llm/usage?day=25/11/2026', headers: kumon }), 400, 'VALIDATION_FAILED');
    expect(bad.errors!.map((e) => e.path).join()).toMatch(/day/);
  });
});
