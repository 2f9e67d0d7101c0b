import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { expectProblem } from '../harness/problem';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ config: { chatLimits: { startsPerMinute: 3, messagesPerMinute: 2 } } });
  await seedTenant(app, 'flexoraa');
});

const start = () => app.app.inject({ method: 'POST', url: '/v1/chat/flexoraa/conversations', remoteAddress: '203.0.113.7' });

describe('public chat limits', () => {
  it('limits new conversations per address with 429, Retry-After and a problem body', async () => {
    for (let i = 0; i < 3; i++) expect((await start()).statusCode).toBe(201);
    const limited = await start();
    expectProblem(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const other = await app.app.inject({ method: 'POST', url: '/v1/chat/flexoraa/conversations', remoteAddress: '198.51.100.9' });
    expect(other.statusCode).toBe(201);
  });

  it('limits messages per conversation, not per business', async () => {
    const open = async (ip: string) => {
      const r = (await app.app.inject({ method: 'POST', url: '/v1/chat/flexoraa/conversations', remoteAddress: ip })).json();
      return (text: string) => app.app.inject({
        method: 'POST', url: `/v1/chat/flexoraa/conversations/${r.conversationId}/messages`,
        headers: { authorization: `Bearer ${r.token}` }, payload: { text },
      });
    };
    const chatty = await open('192.0.2.1');
    const quiet = await open('192.0.2.2');
    expect((await chatty('hi')).statusCode).toBe(200);
    expect((await chatty('hello?')).statusCode).toBe(200);
    expectProblem(await chatty('anyone?'), 429, 'RATE_LIMITED');
    expect((await quiet('hi')).statusCode).toBe(200);
  });
});
