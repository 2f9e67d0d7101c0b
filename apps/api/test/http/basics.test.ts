import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, createTenant, startTestApp, type TestApp } from '../harness/app';
import { expectProblem } from '../harness/problem';


describe('HTTP basics', () => {
  let app: TestApp;
  let key: string;

  beforeAll(async () => {
    app = await startTestApp();
    app.clock.set(Date.parse('2030-01-01T12:00:00Z'));
    ({ key } = await createTenant(app));
  });

  describe('operations endpoints', () => {
    it('GET /healthz answers 200 without credentials', async () => {
      const res = await app.app.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toMatchObject({ status: 'ok' });
    });

    it('GET /readyz answers 200 when migrations are applied', async () => {
      const res = await app.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ready' });
    });
  });

  describe('API description', () => {
    it('serves an OpenAPI 3.1 document with every public path, without credentials', async () => {
      const res = await app.app.inject({ method: 'GET', url: '/v1/openapi.json' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const doc = res.json() as { openapi: string; info: { title: string; version: string }; paths: Record<string, Record<string, unknown>> };
      expect(doc.openapi).toMatch(/^3\.1\./);
      expect(doc.info.title).toEqual(expect.any(String));
      expect(doc.info.version).toEqual(expect.any(String));
      const paths = Object.keys(doc.paths);
      for (const p of [
        '/v1/tenants', '/v1/resources', '/v1/services', '/v1/bookings', '/v1/availability', '/v1/availability/explain',
        '/v1/resources/{id}/schedule', '/v1/bookings/{id}/reschedule', '/v1/bookings/{id}/cancel', '/v1/holds',
      ]) {
        expect(paths, p).toContain(p);
      }
      expect(doc.paths['/v1/tenants']).toHaveProperty('post');
      expect(doc.paths['/v1/resources/{id}/schedule']).toHaveProperty('put');
      expect(doc.paths['/v1/availability']).toHaveProperty('get');
      expect(doc.paths['/v1/holds']).toHaveProperty('post');
      // The document describes itself only through the top-level route list, not as an operation.
      expect(paths).not.toContain('/v1/openapi.json');
    });

    it('describes request bodies from the zod contracts', async () => {
      const doc = (await app.app.inject({ method: 'GET', url: '/v1/openapi.json' })).json() as {
        paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[] } }> } }>>;
      };
      const body = doc.paths['/v1/tenants']!.post!.requestBody!.content['application/json']!.schema;
      expect(body.required).toEqual(expect.arrayContaining(['name', 'slug', 'timeZone', 'locale', 'currency']));
    });

    it('serves the docs page as HTML (following redirects)', async () => {
      let url = '/docs';
      let res = await app.app.inject({ method: 'GET', url });
      for (let hops = 0; res.statusCode >= 300 && res.statusCode < 400 && hops < 5; hops++) {
        const location = res.headers.location;
        expect(location).toEqual(expect.any(String));
        url = new URL(String(location), `http://localhost${url}`).pathname;
        res = await app.app.inject({ method: 'GET', url });
      }
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toMatch(/<html/i);
      expect(res.body).toMatch(/swagger/i);
    });
  });

  describe('errors as problem+json', () => {
    it('answers an unknown route with 404 NOT_FOUND', async () => {
      const res = await app.app.inject({ method: 'GET', url: '/no/such/route?x=1' });
      const body = expectProblem(res, 404, 'NOT_FOUND');
      expect(body.detail).toContain('/no/such/route');
      expect(body.detail).not.toContain('x=1');
    });

    it('answers an unknown /v1 route with 404 for an authenticated caller', async () => {
      const res = await app.app.inject({ method: 'GET', url: '/v1/no-such-thing', headers: app.auth(key) });
      expectProblem(res, 404, 'NOT_FOUND');
    });

    it('answers an unknown id under a known route with 404 NOT_FOUND', async () => {
      const res = await app.app.inject({
        method: 'GET', url: '/v1/resources/00000000-0000-4000-8000-000000000000', headers: app.auth(key),
      });
      expectProblem(res, 404, 'NOT_FOUND');
    });

    it('rejects malformed JSON with 400 MALFORMED_JSON', async () => {
      const res = await app.app.inject({
        method: 'POST', url: '/v1/resources',
        headers: { ...app.auth(key), 'content-type': 'application/json' },
        payload: '{"name": "Ana", "kind": ',
      });
      expectProblem(res, 400, 'MALFORMED_JSON');
      const list = await app.app.inject({ method: 'GET', url: '/v1/resources', headers: app.auth(key) });
      expect(list.json().items).toEqual([]);
    });

    it('rejects an empty JSON body with 400 MALFORMED_JSON', async () => {
      const res = await app.app.inject({
        method: 'POST', url: '/v1/resources',
        headers: { ...app.auth(key), 'content-type': 'application/json' },
        payload: '',
      });
      expectProblem(res, 400, 'MALFORMED_JSON');
    });

    it('rejects a body over 256 KiB with 413 PAYLOAD_TOO_LARGE', async () => {
      const payload = JSON.stringify({ name: 'x'.repeat(256 * 1024 + 1), kind: 'staff', timeZone: 'UTC' });
      const res = await app.app.inject({
        method: 'POST', url: '/v1/resources',
        headers: { ...app.auth(key), 'content-type': 'application/json' },
        payload,
      });
      expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('accepts a body just under the limit (the limit is not lower than 256 KiB)', async () => {
      // A schema failure (name over 200 characters) proves the body got past the size limit and was parsed.
      const payload = JSON.stringify({ name: 'x'.repeat(250 * 1024), kind: 'staff', timeZone: 'UTC' });
      expect(Buffer.byteLength(payload)).toBeLessThan(256 * 1024);
      const res = await app.app.inject({
        method: 'POST', url: '/v1/resources',
        headers: { ...app.auth(key), 'content-type': 'application/json' },
        payload,
      });
      const body = expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(body.errors).toEqual([expect.objectContaining({ path: 'name' })]);
    });

    it('rejects a body of an unknown media type with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
      const res = await app.app.inject({
        method: 'POST', url: '/v1/resources',
        headers: { ...app.auth(key), 'content-type': 'application/xml' },
        payload: '<resource name="Ana"/>',
      });
      expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('reports schema violations as 400 VALIDATION_FAILED with one entry per field', async () => {
      const res = await app.app.inject({
        method: 'POST', url: '/v1/resources', headers: app.auth(key),
        payload: { name: '', kind: 'wizard', timeZone: 'UTC' },
      });
      const body = expectProblem(res, 400, 'VALIDATION_FAILED');
      const paths = (body.errors as { path: string; message: string }[]).map((e) => e.path).sort();
      expect(paths).toEqual(['kind', 'name']);
      for (const e of body.errors as { path: string; message: string }[]) expect(e.message.length).toBeGreaterThan(0);
    });

    it('names query parameters as query.<name>', async () => {
      const res = await app.app.inject({ method: 'GET', url: '/v1/availability?serviceId=nope', headers: app.auth(key) });
      const body = expectProblem(res, 400, 'VALIDATION_FAILED');
      const paths = (body.errors as { path: string }[]).map((e) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['query.serviceId', 'query.from', 'query.to']));
    });

    it('names path parameters as params.<name>', async () => {
      const res = await app.app.inject({ method: 'GET', url: '/v1/resources/not-a-uuid', headers: app.auth(key) });
      const body = expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(body.errors).toEqual([expect.objectContaining({ path: 'params.id' })]);
    });

    it('does not leak internals on a 500 (a NUL byte the database refuses)', async () => {
      const res = await app.app.inject({
        method: 'POST', url: '/v1/resources', headers: app.auth(key),
        payload: { name: 'A\u0000B', kind: 'staff', timeZone: 'UTC' },
      });
      // Whatever the status, the body is a problem document without driver messages or stack traces.
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      const body = expectProblem(res, res.statusCode, res.statusCode >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
      expect(res.body).not.toMatch(/invalid byte sequence|0x00|UTF8/i);
      if (res.statusCode >= 500) expect(body.detail).toBe('Something went wrong on our side; it has been logged');
    });

    it('rejects a NUL byte in a text field as 400 VALIDATION_FAILED naming the field', async () => {
      const res = await app.app.inject({
        method: 'POST', url: '/v1/resources', headers: app.auth(key),
        payload: { name: 'A\u0000B', kind: 'staff', timeZone: 'UTC' },
      });
      const body = expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(body.errors).toEqual([expect.objectContaining({ path: 'name' })]);
    });
  });

  describe('authentication', () => {
    const tenantRoutes = [
      ['GET', '/v1/tenant'], ['GET', '/v1/resources'], ['GET', '/v1/services'], ['GET', '/v1/holidays'],
      ['GET', '/v1/locations'], ['GET', '/v1/bookings'], ['GET', '/v1/tenants'],
    ] as const;

    it.each(tenantRoutes)('%s %s without Authorization is 401 UNAUTHENTICATED', async (method, url) => {
      const res = await app.app.inject({ method, url });
      expectProblem(res, 401, 'UNAUTHENTICATED');
    });

    it.each([
      ['a garbage key', 'Bearer not-a-real-key'],
      ['a well-formed but unknown tenant key', `Bearer fd_${'0'.repeat(32)}_${'a'.repeat(32)}`],
      ['an almost-admin key', `Bearer ${ADMIN_KEY}x`],
      ['a Basic credential', `Basic ${Buffer.from('admin:admin').toString('base64')}`],
      ['an empty Bearer', 'Bearer '],
    ])('rejects %s with 401 UNAUTHENTICATED', async (_what, authorization) => {
      const res = await app.app.inject({ method: 'GET', url: '/v1/resources', headers: { authorization } });
      expectProblem(res, 401, 'UNAUTHENTICATED');
    });

    it('rejects a real key with one character changed', async () => {
      const last = key.at(-1) === 'a' ? 'b' : 'a';
      const res = await app.app.inject({ method: 'GET', url: '/v1/tenant', headers: app.auth(key.slice(0, -1) + last) });
      expectProblem(res, 401, 'UNAUTHENTICATED');
    });

    it('checks credentials before the body: a POST with bad JSON and no key is 401', async () => {
      const res = await app.app.inject({
        method: 'POST', url: '/v1/resources', headers: { 'content-type': 'application/json' }, payload: '{oops',
      });
      expectProblem(res, 401, 'UNAUTHENTICATED');
    });

    it('accepts the scheme case-insensitively and the right key', async () => {
      const res = await app.app.inject({ method: 'GET', url: '/v1/tenant', headers: { authorization: `bearer ${key}` } });
      expect(res.statusCode).toBe(200);
    });

    it('forbids the admin key on tenant routes (403) and a tenant key on admin routes (403)', async () => {
      expectProblem(await app.app.inject({ method: 'GET', url: '/v1/resources', headers: app.admin }), 403, 'FORBIDDEN');
      expectProblem(await app.app.inject({ method: 'GET', url: '/v1/tenant', headers: app.admin }), 403, 'FORBIDDEN');
      expectProblem(await app.app.inject({ method: 'GET', url: '/v1/tenants', headers: app.auth(key) }), 403, 'FORBIDDEN');
    });

    it('never echoes the key back in an error', async () => {
      const secret = 'Bearer sup3r-s3cret-value-that-must-not-leak';
      const res = await app.app.inject({ method: 'GET', url: '/v1/resources', headers: { authorization: secret } });
      expectProblem(res, 401, 'UNAUTHENTICATED');
      expect(res.body).not.toContain('sup3r-s3cret');
    });
  });
});
