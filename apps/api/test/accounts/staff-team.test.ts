import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import { asSignedIn, inviteAndJoin, login, PASSWORD, type SignedIn } from '../harness/staff';

let app: TestApp;
let a: { id: string; key: string; slug: string };
let b: { id: string; key: string; slug: string };
let owner: SignedIn;

beforeAll(async () => {
  app = await startTestApp();
  a = await createTenant(app);
  b = await createTenant(app);
  owner = await inviteAndJoin(app, app.auth(a.key), { email: 'olga@team.test', role: 'owner' });
});

const as = (s: SignedIn) => ({ cookies: s.cookies, headers: s.headers });
const call = (s: SignedIn, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  app.app.inject({ method, url, ...as(s), ...(payload ? { payload } : {}) });

describe('the team', () => {
  it('gives roles only up to your own, and keeps one owner', async () => {
    const manager = await inviteAndJoin(app, app.auth(a.key), { email: 'mara@team.test', role: 'manager' });
    const asOwner = await call(manager, 'POST', '/v1/team/invitations', { email: 'new-owner@team.test', role: 'owner' });
    expect(asOwner.json().code).toBe('TEAM_ROLE_TOO_HIGH');
    const agent = await inviteAndJoin(app, as(manager).headers, { email: 'aldo@team.test', role: 'agent' }, manager.cookies);
    expect((await call(manager, 'PATCH', `/v1/team/members/${owner.userId}`, { role: 'viewer' })).json().code).toBe('TEAM_ROLE_TOO_HIGH');
    expect((await call(owner, 'PATCH', `/v1/team/members/${owner.userId}`, { role: 'manager' })).json().code).toBe('TEAM_LAST_OWNER');
    expect((await call(owner, 'DELETE', `/v1/team/members/${owner.userId}`)).json().code).toBe('TEAM_LAST_OWNER');
    expect((await call(agent, 'POST', '/v1/team/invitations', { email: 'x@team.test', role: 'viewer' })).statusCode).toBe(403);

    const members = (await call(agent, 'GET', '/v1/team/members')).json().items;
    expect(members.map((m: { email: string; role: string }) => `${m.email}:${m.role}`).sort())
      .toEqual(['aldo@team.test:agent', 'mara@team.test:manager', 'olga@team.test:owner']);
    expect((await call(owner, 'POST', '/v1/team/invitations', { email: 'aldo@team.test', role: 'viewer' })).json().code).toBe('TEAM_ALREADY_MEMBER');
  });

  it('takes access away at once when a member is removed or demoted', async () => {
    const vera = await inviteAndJoin(app, app.auth(a.key), { email: 'vera@team.test', role: 'agent' });
    const booking = { serviceId: '00000000-0000-4000-8000-000000000000', start: '2030-01-01T10:00:00Z', customer: { name: 'X', phone: '+5511999990000' } };
    expect((await call(vera, 'POST', '/v1/bookings', booking)).statusCode).toBe(404); // allowed to try: the service does not exist
    expect((await call(owner, 'PATCH', `/v1/team/members/${vera.userId}`, { role: 'viewer' })).statusCode).toBe(204);
    expect((await call(vera, 'POST', '/v1/bookings', booking)).json().code).toBe('FORBIDDEN');
    expect((await call(owner, 'DELETE', `/v1/team/members/${vera.userId}`)).statusCode).toBe(204);
    const after = await call(vera, 'GET', '/v1/services');
    expect(after.statusCode).toBe(403);
    expect((await call(vera, 'GET', '/v1/auth/session')).json().activeTenant).toBeNull();
  });

  it('lets a person of two tenants switch between them, never into a third, and never reach the other tenant from the first', async () => {
    const tomas = await inviteAndJoin(app, app.auth(a.key), { email: 'tomas@team.test', role: 'manager' });
    const secondInvite = await app.app.inject({ method: 'POST', url: '/v1/team/invitations', headers: app.auth(b.key), payload: { email: 'tomas@team.test', role: 'viewer' } });
    const token = new URL(secondInvite.json().acceptUrl).hash.replace('#token=', '');
    expect((await app.app.inject({ url: `/v1/invitations/${token}` })).json()).toMatchObject({ accountExists: true, role: 'viewer' });
    const wrong = await app.app.inject({ method: 'POST', url: `/v1/invitations/${token}/accept`, payload: { password: 'not my password' } });
    expect(wrong.json().code).toBe('AUTH_INVALID_CREDENTIALS');
    const joined = asSignedIn(await app.app.inject({ method: 'POST', url: `/v1/invitations/${token}/accept`, payload: { password: PASSWORD } }), tomas.email);
    expect((await app.app.inject({ method: 'POST', url: `/v1/invitations/${token}/accept`, payload: { password: PASSWORD } })).json().code).toBe('AUTH_TOKEN_INVALID');

    const session = (await call(joined, 'GET', '/v1/auth/session')).json();
    expect(session.activeTenant).toMatchObject({ tenantSlug: b.slug, role: 'viewer' });
    expect(session.memberships.map((m: { tenantSlug: string }) => m.tenantSlug).sort()).toEqual([a.slug, b.slug].sort());

    // Working in B, A's objects are out of reach; switching to A brings the manager role back.
    const location = await app.app.inject({ method: 'POST', url: '/v1/locations', headers: app.auth(a.key), payload: { name: 'A only' } });
    expect((await call(joined, 'GET', '/v1/locations')).json().items).toEqual([]);
    expect((await call(joined, 'POST', '/v1/locations', { name: 'no' })).json().code).toBe('FORBIDDEN');
    const switched = await call(joined, 'POST', '/v1/auth/session/tenant', { tenant: a.slug });
    expect(switched.json().activeTenant).toMatchObject({ tenantSlug: a.slug, role: 'manager' });
    expect((await call(joined, 'GET', '/v1/locations')).json().items.map((l: { id: string }) => l.id)).toContain(location.json().id);

    const third = await createTenant(app);
    expect((await call(joined, 'POST', '/v1/auth/session/tenant', { tenant: third.slug })).json().code).toBe('AUTH_NOT_A_MEMBER');
    expect((await login(app, tomas.email, { tenant: third.slug })).json().code).toBe('AUTH_NOT_A_MEMBER');
  });

  it('scopes API keys, and a revoked key stops at once', async () => {
    const issue = await app.app.inject({ method: 'POST', url: '/v1/api-keys', headers: app.auth(a.key), payload: { name: 'reports', scopes: ['bookings.read', 'bookings.read'] } });
    expect(issue.statusCode).toBe(201);
    const key = issue.json();
    expect(key.scopes).toEqual(['bookings.read']);
    expect((await app.app.inject({ url: '/v1/bookings', headers: app.auth(key.key) })).statusCode).toBe(200);
    const refused = await app.app.inject({ url: '/v1/contacts', headers: app.auth(key.key) });
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN', detail: "This API key's scopes do not include contacts.read" });
    const unknown = await app.app.inject({ method: 'POST', url: '/v1/api-keys', headers: app.auth(a.key), payload: { name: 'x', scopes: ['bookings.delete_all'] } });
    expect(unknown.json()).toMatchObject({ code: 'API_KEY_SCOPE_UNKNOWN', errors: [{ path: 'scopes' }] });
    const listed = (await app.app.inject({ url: '/v1/api-keys', headers: app.auth(a.key) })).json().items;
    expect(JSON.stringify(listed)).not.toContain(key.key);
    expect((await app.app.inject({ method: 'DELETE', url: `/v1/api-keys/${key.id}`, headers: app.auth(a.key) })).statusCode).toBe(204);
    expect((await app.app.inject({ url: '/v1/bookings', headers: app.auth(key.key) })).statusCode).toBe(401);
  });

  it('gives platform operators the platform routes and no tenant data', async () => {
    const link = await app.staff.createOperator({ email: 'ops@platform.test', name: 'Ops' });
    const token = new URL(link).hash.replace('#token=', '');
    await app.app.inject({ method: 'POST', url: '/v1/auth/password-reset/confirm', payload: { token, newPassword: PASSWORD } });
    const ops = asSignedIn(await login(app, 'ops@platform.test'), 'ops@platform.test');
    expect((await call(ops, 'GET', '/v1/tenants')).statusCode).toBe(200);
    expect((await call(ops, 'GET', '/v1/bookings')).statusCode).toBe(403);
  });
});
