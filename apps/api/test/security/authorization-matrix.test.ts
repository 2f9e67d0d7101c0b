import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import { setupCatalogue } from '../harness/catalogue';
import { inviteAndJoin, type SignedIn } from '../harness/staff';
import { ROUTE_RULES } from '../../src/platform/auth/route-rules';
import { isPermission, ROLE_PERMISSIONS, ROLES, type Role, type RouteRule } from '../../src/platform/auth/permissions';
import { tenantRows, ownIds, type TenantIds } from './matrix-fixtures';

/**
 * Every route × every kind of caller: nobody (401), each staff role and a scoped API key
 * (allowed, or 403), the platform key, and another tenant's ids (404, and nothing of theirs
 * changes). Routes come from the running server's OpenAPI document, so a new route is in.
 */
let app: TestApp;
let routes: { method: string; url: string; rule: RouteRule }[];
let staff: Record<Role, SignedIn>;
let scopedKey: string;
let own: TenantIds;
let other: TenantIds;
let otherTenantId: string;
let base: string;

/** Event streams without an id in the path stay open once allowed: they are called over a socket and judged by status. */
const OPEN_STREAMS = new Set(['/v1/stream']);
async function callStream(url: string, opts: { cookies?: Record<string, string>; headers?: Record<string, string> }): Promise<Pick<LightMyRequestResponse, 'statusCode' | 'json'>> {
  const controller = new AbortController();
  const cookie = Object.entries(opts.cookies ?? {}).map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(`${base}${url}`, { headers: { ...opts.headers, ...(cookie ? { cookie } : {}) }, signal: controller.signal });
  const body = res.ok ? {} : await res.json();
  controller.abort();
  return { statusCode: res.status, json: <T>() => body as T };
}

const DENIED = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'AUTH_CSRF_INVALID']);
const fill = (url: string, ids: Record<string, string> = {}) => url.replace(/:(\w+)/g, (_m, name: string) => ids[name] ?? randomUUID());

beforeAll(async () => {
  app = await startTestApp();
  base = await app.app.listen({ port: 0, host: '127.0.0.1' });
  const a = await createTenant(app);
  const b = await createTenant(app);
  otherTenantId = b.id;
  await setupCatalogue(app, a.key);
  own = await ownIds(app, a);
  other = await ownIds(app, b);
  staff = {} as Record<Role, SignedIn>;
  for (const role of ROLES) staff[role] = await inviteAndJoin(app, app.auth(a.key), { email: `${role}@matrix.test`, role });
  const scoped = await app.app.inject({ method: 'POST', url: '/v1/api-keys', headers: app.auth(a.key), payload: { name: 'reader', scopes: ['bookings.read'] } });
  scopedKey = scoped.json().key;
  const doc = (await app.app.inject({ method: 'GET', url: '/v1/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(doc.paths).filter(([path]) => path.startsWith('/v1/')).flatMap(([path, ops]) => Object.keys(ops).map((m) => {
    const url = path.replace(/\{(\w+)\}/g, ':$1');
    return { method: m.toUpperCase(), url, rule: ROUTE_RULES[`${m.toUpperCase()} ${url}`]! };
  }));
}, 120_000);

describe('the authorisation matrix', () => {
  it('knows every route, and every rule names a route that exists', () => {
    expect(routes.length).toBeGreaterThan(120);
    expect(routes.filter((r) => r.rule === undefined).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    const served = new Set(routes.map((r) => `${r.method} ${r.url}`));
    expect(Object.keys(ROUTE_RULES).filter((k) => k !== 'GET /v1/openapi.json' && !served.has(k))).toEqual([]);
  });

  it("follows the business's policy, stated here independently of the rule table", () => {
    const may = (role: Role, r: { rule: RouteRule }) => isPermission(r.rule) ? ROLE_PERMISSIONS[role].has(r.rule) : r.rule === 'member';
    const tenantRoutes = routes.filter((r) => isPermission(r.rule) || r.rule === 'member');
    const changes = tenantRoutes.filter((r) => r.method !== 'GET');
    const ownersOnly = /^\/v1\/(api-keys|webhook-endpoints|webhook-deliveries)|^(POST|PATCH|DELETE) \/v1\/channels|^(PUT|DELETE) \/v1\/assistant\/llm/;
    const agentsWork = /^\/v1\/(bookings|holds)|^POST \/v1\/conversations\/|^GET \/v1\/(conversations|contacts|leads|tickets|services|resources|availability)/;
    const violations = [
      ...changes.filter((r) => may('viewer', r)).map((r) => `viewer may ${r.method} ${r.url}`),
      ...tenantRoutes.filter((r) => ownersOnly.test(`${r.method} ${r.url}`) || ownersOnly.test(r.url))
        .filter((r) => may('manager', r)).map((r) => `manager may ${r.method} ${r.url}`),
      ...tenantRoutes.filter((r) => (agentsWork.test(`${r.method} ${r.url}`) || agentsWork.test(r.url)) && !r.url.endsWith('/export'))
        .filter((r) => !may('agent', r)).map((r) => `agent may not ${r.method} ${r.url}`),
      ...tenantRoutes.filter((r) => r.method === 'GET' && !/audit|api-keys|webhook|invitations|export|erasure-requests/.test(r.url))
        .filter((r) => !may('viewer', r)).map((r) => `viewer may not read ${r.url}`),
      ...tenantRoutes.filter((r) => /erasure-requests\/:id\/approve/.test(r.url)).filter((r) => may('agent', r) || !may('manager', r))
        .map((r) => `erasure approval is not the manager's: ${r.url}`),
      ...tenantRoutes.filter((r) => r.url.startsWith('/v1/audit') || r.url.endsWith('/export')).filter((r) => may('agent', r))
        .map((r) => `agent may read ${r.url}`),
    ];
    expect(violations).toEqual([]);
  });

  it('asks for credentials on every route that is not public', async () => {
    const open = [];
    for (const r of routes.filter((x) => x.rule !== 'public')) {
      const res = await app.app.inject({ method: r.method as 'GET', url: fill(r.url), payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
      if (res.statusCode !== 401 || res.json().code !== 'UNAUTHENTICATED') open.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(open).toEqual([]);
  });

  it('lets each role do exactly what its permissions say, and a scoped key only its scopes', async () => {
    const wrong: string[] = [];
    const callers = [
      ...ROLES.map((role) => ({ name: role, may: (rule: RouteRule) => isPermission(rule) ? ROLE_PERMISSIONS[role].has(rule) : rule !== 'platform',
        opts: { cookies: staff[role].cookies, headers: staff[role].headers } })),
      { name: 'scoped key', may: (rule: RouteRule) => rule === 'bookings.read' || rule === 'member' || rule === 'signed-in', opts: { headers: app.auth(scopedKey) } },
      { name: 'platform key', may: (rule: RouteRule) => rule === 'platform' || rule === 'signed-in', opts: { headers: app.admin } },
    ];
    for (const r of routes.filter((x) => x.rule !== 'public' && !x.url.startsWith('/v1/auth/'))) {
      for (const caller of callers) {
        const res = OPEN_STREAMS.has(r.url) ? await callStream(r.url, caller.opts)
          : await app.app.inject({ method: r.method as 'GET', url: fill(r.url), ...caller.opts, payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
        const code = res.statusCode >= 400 ? res.json().code : undefined;
        const denied = DENIED.has(code);
        if (res.statusCode >= 500 || denied === caller.may(r.rule) || (denied && res.statusCode !== 403)) {
          wrong.push(`${caller.name}: ${r.method} ${r.url} (${r.rule}) → ${res.statusCode} ${code ?? ''}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it("answers another tenant's ids exactly as ids that do not exist, and changes nothing of theirs", async () => {
    const before = await tenantRows(app, otherTenantId);
    const leaks: string[] = [];
    const owner = { cookies: staff.owner.cookies, headers: staff.owner.headers };
    for (const r of routes.filter((x) => isPermission(x.rule) && x.url.includes(':'))) {
      const payload = r.method === 'GET' || r.method === 'DELETE' ? undefined : own.bodies[`${r.method} ${r.url}`] ?? {};
      const theirs = await app.app.inject({ method: r.method as 'GET', url: fill(r.url, other.params(r.url)), ...owner, payload });
      const missing = await app.app.inject({ method: r.method as 'GET', url: fill(r.url), ...owner, payload });
      const seen = `${theirs.statusCode} ${theirs.json().code ?? ''}`;
      if (seen !== `${missing.statusCode} ${missing.json().code ?? ''}` || ![400, 404].includes(theirs.statusCode) || (!payload && theirs.statusCode !== 404)) {
        leaks.push(`${r.method} ${r.url} → theirs ${seen}, missing ${missing.statusCode}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(await tenantRows(app, otherTenantId)).toEqual(before);
  }, 120_000);
});
