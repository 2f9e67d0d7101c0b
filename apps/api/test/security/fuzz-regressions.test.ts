import { beforeAll, describe, expect, it } from 'vitest';
import { canonical, redact } from '../../src/modules/audit/domain/entry';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { expectProblem } from '../harness/problem';

// The inputs the fuzzer (fuzz.test.ts) found breaking the API, kept as plain regression tests.

let app: TestApp;
let key: string;
let slug: string;

beforeAll(async () => {
  app = await startTestApp();
  ({ key, slug } = await seedTenant(app, 'kumon-vila-a'));
});

const nestedObjects = (levels: number) => '{"a":'.repeat(levels) + '[1]' + '}'.repeat(levels);
const nestedArrays = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('URLs the router cannot read', () => {
  it('answers malformed percent-encoding in a path with problem+json, not a bare framework error', async () => {
    for (const url of ['/v1/bookings/%ZZ', '/v1/chat/%ZZ/conversations', '/v1/conversations/%E0%A4%A/stream']) {
      const res = await app.app.inject({ method: url.endsWith('conversations') ? 'POST' : 'GET', url, headers: app.auth(key) });
      expectProblem(res, 400, 'VALIDATION_FAILED');
    }
  });

  it('answers a path parameter over the router limit with problem+json', async () => {
    const res = await app.app.inject({ method: 'GET', url: `/v1/bookings/${'x'.repeat(120)}`, headers: app.auth(key) });
    expectProblem(res, 400, 'VALIDATION_FAILED');
  });
});

describe('bodies nested thousands of levels deep', () => {
  it('refuses a deeply nested chat message body with 400 (it overflowed the NUL check: 500)', async () => {
    const chat = (await app.app.inject({ method: 'POST', url: `/v1/chat/${slug}/conversations` })).json() as { conversationId: string; token: string };
    const res = await app.app.inject({
      method: 'POST', url: `/v1/chat/${slug}/conversations/${chat.conversationId}/messages`,
      headers: { authorization: `Bearer ${chat.token}`, 'content-type': 'application/json' }, payload: nestedObjects(2266),
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
  });

  it('still finds a NUL character under 100 000 levels of arrays, naming where it is', async () => {
    const res = await app.app.inject({
      method: 'POST', url: '/v1/resources', headers: { ...app.auth(key), 'content-type': 'application/json' },
      payload: `{"name":"a\\u0000b","kind":"staff","timeZone":"UTC","deep":${nestedArrays(100_000)}}`,
    });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual([{ path: 'name', message: expect.stringContaining('NUL') }]);
  });

  it('refuses a nested document as a channel config value (it reached the audit trail, whose reads then failed with 500)', async () => {
    const created = await app.app.inject({ method: 'POST', url: '/v1/channels', headers: app.auth(key), payload: { type: 'whatsapp_cloud',
      config: { phoneNumberId: '1', accessToken: 'a', appSecret: 'b', verifyToken: 'c' } } });
    expect(created.statusCode, created.body).toBe(201);
    const res = await app.app.inject({
      method: 'PATCH', url: `/v1/channels/${created.json().id}`, headers: { ...app.auth(key), 'content-type': 'application/json' },
      payload: `{"config":{"a":${nestedArrays(5000)}}}`,
    });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(body.errors?.map((e) => e.path)).toContain('config.a');
    const audit = await app.app.inject({ url: '/v1/audit?limit=500', headers: app.auth(key) });
    expect(audit.statusCode, audit.body).toBe(200);
  });

  it('keeps at most 32 levels of an audited body, so the hash chain and its reads never overflow', () => {
    const kept = redact(JSON.parse(nestedArrays(50_000)));
    let depth = 0;
    for (let v: unknown = kept; Array.isArray(v); v = v[0]) depth++;
    expect(depth).toBe(32);
    expect(canonical(kept)).toContain('"[nested too deep]"');
    expect(redact({ a: { password: 'p' } })).toEqual({ a: { password: '[redacted]' } });
  });
});

describe('dates PostgreSQL cannot store', () => {
  it('refuses year 0000 in a holiday date with 400 naming the field (the database failed: 500)', async () => {
    const res = await app.app.inject({ method: 'PUT', url: '/v1/holidays', headers: app.auth(key),
      payload: { holidays: [{ date: '4237-11-13', name: 'OrX#h' }, { date: '0000-02-29', name: 'Ada' }, { date: '6400-02-29', name: 'Van' }] } });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(body.errors?.map((e) => e.path)).toEqual(['holidays[1].date']);
  });

  it('refuses year 0000 in an instant (availability, bookings)', async () => {
    const serviceId = ((await app.app.inject({ url: '/v1/services', headers: app.auth(key) })).json().items as { id: string }[])[0]!.id;
    const res = await app.app.inject({ url: `/v1/availability?serviceId=${serviceId}&from=0000-01-01T00:00:00Z&to=0000-01-02T00:00:00Z`, headers: app.auth(key) });
    expectProblem(res, 400, 'VALIDATION_FAILED');
  });
});
