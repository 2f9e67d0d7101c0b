import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import { expectProblem } from '../harness/problem';

let app: TestApp;
let headers: { authorization: string };
beforeAll(async () => {
  app = await startTestApp(); // the default: private destinations refused
  headers = app.auth((await createTenant(app)).key);
});
const create = (payload: unknown) => app.app.inject({ method: 'POST', url: '/v1/webhook-endpoints', headers, payload: payload as object });

describe('webhook endpoints', () => {
  it('are created, listed, changed and deleted', async () => {
    const res = await create({ url: 'https://93.184.216.34/hooks/frontdesk', events: ['booking.created', 'booking.*'], description: 'CRM' });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ url: 'https://93.184.216.34/hooks/frontdesk', events: ['booking.created', 'booking.*'], description: 'CRM', enabled: true, disabledReason: null });
    expect(created.secret).toMatch(/^whsec_/);
    const everything = await create({ url: 'http://93.184.216.34/all' });
    expect(everything.json()).toMatchObject({ events: ['*'], description: null, enabled: true });

    const patched = await app.app.inject({ method: 'PATCH', url: `/v1/webhook-endpoints/${created.id}`, headers,
      payload: { events: ['message.received'], description: null, enabled: false } });
    expect(patched.json()).toMatchObject({ events: ['message.received'], description: null, enabled: false, url: created.url });
    const list = await app.app.inject({ method: 'GET', url: '/v1/webhook-endpoints', headers });
    expect(list.json().items.map((e: { id: string }) => e.id)).toEqual([created.id, everything.json().id]);

    expect((await app.app.inject({ method: 'DELETE', url: `/v1/webhook-endpoints/${created.id}`, headers })).statusCode).toBe(204);
    expectProblem(await app.app.inject({ method: 'GET', url: `/v1/webhook-endpoints/${created.id}`, headers }), 404, 'NOT_FOUND');
    expectProblem(await app.app.inject({ method: 'DELETE', url: `/v1/webhook-endpoints/${created.id}`, headers }), 404, 'NOT_FOUND');
  });

  it.each([
    [{ events: ['*'] }, 'url'],
    [{ url: 'ftp://93.184.216.34/x' }, 'url'],
    [{ url: 'https://user:secret@93.184.216.34/x' }, 'url'],
    [{ url: 'https://93.184.216.34/x', events: [] }, 'events'],
    [{ url: 'https://93.184.216.34/x', events: ['Booking Created'] }, 'events[0]'],
    [{ url: 'https://93.184.216.34/x', events: ['booking.created', 'booking.'] }, 'events[1]'],
    [{ url: 'https://93.184.216.34/x', description: 'x'.repeat(501) }, 'description'],
    [{ url: 'https://93.184.216.34/x', enabled: 'yes' }, 'enabled'],
  ])('refuse %j naming %s', async (payload, path) => {
    const body = expectProblem(await create(payload), 400, 'VALIDATION_FAILED');
    expect(body.errors?.map((e) => e.path)).toEqual([path]);
  });

  it.each([
    'http://127.0.0.1:8080/hook', 'http://127.1/hook', 'http://localhost/hook', 'http://LOCALHOST./hook', 'http://api.localhost/hook',
    'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.5/', 'http://172.20.1.1/', 'http://192.168.0.10/', 'http://100.64.1.1/',
    'http://0.0.0.0/', 'http://[::1]/', 'http://[fd00::1]/', 'http://[fe80::1]/', 'http://[::ffff:127.0.0.1]/', 'http://[::ffff:a9fe:a9fe]/',
    'http://2130706433/',
  ])('refuse the private or loopback destination %s by default', async (url) => {
    const body = expectProblem(await create({ url }), 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual([{ path: 'url', message: expect.stringMatching(/^must not point at /) }]);
  });

  it('refuse the same on PATCH and keep the old URL', async () => {
    const { id, url } = (await create({ url: 'https://93.184.216.34/ok' })).json();
    const res = await app.app.inject({ method: 'PATCH', url: `/v1/webhook-endpoints/${id}`, headers, payload: { url: 'http://169.254.169.254/' } });
    expect(expectProblem(res, 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('url');
    expect((await app.app.inject({ method: 'GET', url: `/v1/webhook-endpoints/${id}`, headers })).json().url).toBe(url);
  });
});
