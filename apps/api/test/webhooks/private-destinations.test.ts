import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestApp } from '../harness/app';
import { expectProblem } from '../harness/problem';
import { startAppWithResolver } from './app-with-resolver';
import { startReceiver, until, type Receiver } from './receiver';

// Names resolved by this table instead of the system's DNS; `rebound` answers publicly once, then with loopback.
const lookups: string[] = [];
let reboundCalls = 0;
async function resolve(host: string): Promise<string[]> {
  lookups.push(host);
  if (host === 'rebound.example') return ++reboundCalls === 1 ? ['93.184.216.34'] : ['127.0.0.1'];
  const table: Record<string, string[]> = {
    'intranet.example': ['10.1.2.3'],
    'metadata.example': ['169.254.169.254'],
    'mixed.example': ['93.184.216.34', '192.168.1.1'],
    'v6-loop.example': ['::1'],
    'mapped.example': ['::ffff:127.0.0.1'],
    'public.example': ['93.184.216.34'],
  };
  const found = table[host];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return found;
}

let app: TestApp;
let receiver: Receiver;
let headers: { authorization: string };
beforeAll(async () => {
  receiver = await startReceiver();
  app = await startAppWithResolver(resolve, { webhooks: { allowPrivate: false, timeoutMs: 500, retryBaseMs: 60_000 } });
  headers = app.auth((await createTenant(app)).key);
});
afterAll(() => receiver.close());
const create = (url: string) => app.app.inject({ method: 'POST', url: '/v1/webhook-endpoints', headers, payload: { url } });

describe('private destinations, refused by default', () => {
  it.each([
    ['intranet.example', /a private network: intranet.example resolves to 10.1.2.3/],
    ['metadata.example', /link-local \(cloud metadata\): metadata.example resolves to 169.254.169.254/],
    ['mixed.example', /a private network: mixed.example resolves to 192.168.1.1/],
    ['v6-loop.example', /loopback: v6-loop.example resolves to ::1/],
    ['mapped.example', /loopback: mapped.example resolves to ::ffff:127.0.0.1/],
    ['nowhere.example', /nowhere.example does not resolve \(ENOTFOUND\)/],
  ])('refuse a name that resolves to one: %s', async (host, message) => {
    const body = expectProblem(await create(`https://${host}/hook`), 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual([{ path: 'url', message: expect.stringMatching(message) }]);
  });

  it('accept a public name', async () => {
    expect((await create('https://public.example/hook')).statusCode).toBe(201);
  });

  it('check again at delivery, so a name rebound to loopback after the check reaches nothing', async () => {
    const port = receiver.port;
    const created = await create(`http://rebound.example:${port}/rebound`);
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    expect((await app.app.inject({ method: 'POST', url: `/v1/webhook-endpoints/${id}/test`, headers })).statusCode).toBe(202);
    const delivery = await until(async () => {
      const [d] = (await app.app.inject({ method: 'GET', url: `/v1/webhook-endpoints/${id}/deliveries`, headers })).json().items;
      // The attempt is recorded before the delivery's outcome: wait for both.
      return d?.attempts.length && d.lastError ? d : undefined;
    });
    expect(delivery).toMatchObject({ status: 'pending', lastError: expect.stringMatching(/loopback: rebound.example resolves to 127.0.0.1/) });
    expect(delivery.attempts[0]).toMatchObject({ responseStatus: null, error: expect.stringMatching(/^refused: must not point at loopback/) });
    expect(reboundCalls).toBe(2);
    expect(receiver.received).toEqual([]);
  });
});

describe('when the operator allows private destinations', () => {
  let open: TestApp;
  beforeAll(async () => {
    open = await startAppWithResolver(async (host) => (host === 'hooks.internal' ? ['127.0.0.1'] : resolve(host)),
      { webhooks: { allowPrivate: true, timeoutMs: 2000, retryBaseMs: 200 } });
  });

  it('deliver to a name on the private network, connecting to the address it resolved to', async () => {
    const key = app.auth((await createTenant(open)).key);
    const created = await open.app.inject({ method: 'POST', url: '/v1/webhook-endpoints', headers: key, payload: { url: `http://hooks.internal:${receiver.port}/internal` } });
    expect(created.statusCode, created.body).toBe(201);
    await open.app.inject({ method: 'POST', url: `/v1/webhook-endpoints/${created.json().id}/test`, headers: key });
    // hooks.internal exists only in this test's resolver: reaching the receiver means the connection used its answer.
    const [request] = await until(() => (receiver.to('/internal').length ? receiver.to('/internal') : undefined));
    expect(request!.headers.host).toBe(`hooks.internal:${receiver.port}`);
    expect(JSON.parse(request!.raw).type).toBe('webhook.test');
  });
});
