import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import { asSignedIn, inviteAndJoin, login, PASSWORD } from '../harness/staff';
import { startFakeSmtp, type FakeSmtp } from '../harness/fakes/smtp';
import { totpCodeAt } from '../../src/platform/auth/totp';

let app: TestApp;
let smtp: FakeSmtp;
let tenant: { id: string; key: string; slug: string };

beforeAll(async () => {
  smtp = await startFakeSmtp();
  app = await startTestApp({ config: { mail: { smtpUrl: `smtp://${smtp.host}:${smtp.port}`, from: 'Frontdesk <no-reply@test>' } } });
  tenant = await createTenant(app);
});
afterAll(() => smtp.close());

const get = (url: string, cookies: Record<string, string>) => app.app.inject({ method: 'GET', url, cookies });

describe('staff sign-in and sessions', () => {
  it('an invited person joins, signs in and works through the session cookie, with CSRF on changes', async () => {
    const owner = await inviteAndJoin(app, app.auth(tenant.key), { email: 'Ana.Owner@Example.com'.toLowerCase(), role: 'owner' });
    const me = await get('/v1/auth/session', owner.cookies);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email: 'ana.owner@example.com', totpEnabled: false }, activeTenant: { tenantSlug: tenant.slug, role: 'owner' } });

    const cookie = (await app.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: owner.email, password: PASSWORD } })).cookies[0]!;
    expect(cookie).toMatchObject({ name: 'fd_session', httpOnly: true, sameSite: 'Lax', path: '/' });

    expect((await get('/v1/services', owner.cookies)).statusCode).toBe(200);
    const noCsrf = await app.app.inject({ method: 'POST', url: '/v1/locations', cookies: owner.cookies, payload: { name: 'Sede' } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('AUTH_CSRF_INVALID');
    const wrongCsrf = await app.app.inject({ method: 'POST', url: '/v1/locations', cookies: owner.cookies, headers: { 'x-csrf-token': 'x'.repeat(32) }, payload: { name: 'Sede' } });
    expect(wrongCsrf.json().code).toBe('AUTH_CSRF_INVALID');
    const ok = await app.app.inject({ method: 'POST', url: '/v1/locations', cookies: owner.cookies, headers: owner.headers, payload: { name: 'Sede' } });
    expect(ok.statusCode).toBe(201);

    const audit = () => app.app.inject({ method: 'GET', url: '/v1/audit', headers: app.auth(tenant.key) }).then((r) => r.json().items[0]);
    await expect.poll(audit).toMatchObject({ action: 'POST /v1/locations', actor: { kind: 'user', userId: owner.userId, role: 'owner' } });
  });

  it('refuses wrong credentials alike for known and unknown addresses', async () => {
    await inviteAndJoin(app, app.auth(tenant.key), { email: 'bruno@example.com', role: 'agent' });
    for (const [email, password] of [['bruno@example.com', 'wrong password!'], ['nobody@example.com', PASSWORD]] as const) {
      const res = await login(app, email, {}, password);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('AUTH_INVALID_CREDENTIALS');
      expect(res.cookies).toHaveLength(0);
    }
  });

  it('never adopts a session id the browser brings (fixation), and ends sessions on logout and logout-all', async () => {
    const carla = await inviteAndJoin(app, app.auth(tenant.key), { email: 'carla@example.com', role: 'agent' });
    const planted = await app.app.inject({ method: 'POST', url: '/v1/auth/login', cookies: { fd_session: 'attacker-chosen-value-0123456789' }, payload: { email: carla.email, password: PASSWORD } });
    const fresh = asSignedIn(planted, carla.email);
    expect(fresh.cookies.fd_session).not.toBe('attacker-chosen-value-0123456789');
    expect((await get('/v1/auth/session', { fd_session: 'attacker-chosen-value-0123456789' })).statusCode).toBe(401);

    // Signing in again with a live session replaces it.
    const again = asSignedIn(await app.app.inject({ method: 'POST', url: '/v1/auth/login', cookies: fresh.cookies, payload: { email: carla.email, password: PASSWORD } }), carla.email);
    expect((await get('/v1/auth/session', fresh.cookies)).statusCode).toBe(401);

    const logout = await app.app.inject({ method: 'POST', url: '/v1/auth/logout', cookies: again.cookies, headers: again.headers });
    expect(logout.statusCode).toBe(204);
    expect((await get('/v1/auth/session', again.cookies)).statusCode).toBe(401);

    const phone = asSignedIn(await login(app, carla.email), carla.email);
    const laptop = asSignedIn(await login(app, carla.email), carla.email);
    expect((await app.app.inject({ method: 'POST', url: '/v1/auth/logout-all', cookies: laptop.cookies, headers: laptop.headers })).statusCode).toBe(204);
    for (const s of [phone, laptop, carla]) expect((await get('/v1/services', s.cookies)).statusCode).toBe(401);
  });

  it('resets a forgotten password by an e-mailed one-time link, ending every session', async () => {
    const dani = await inviteAndJoin(app, app.auth(tenant.key), { email: 'dani@example.com', role: 'viewer' });
    const unknown = await app.app.inject({ method: 'POST', url: '/v1/auth/password-reset', payload: { email: 'ghost@example.com' } });
    const known = await app.app.inject({ method: 'POST', url: '/v1/auth/password-reset', payload: { email: 'dani@example.com' } });
    expect([unknown.statusCode, known.statusCode]).toEqual([202, 202]);
    expect(unknown.body).toBe(known.body);
    const resets = () => smtp.received.filter((m) => m.subject === 'Reset your Frontdesk password');
    await expect.poll(() => resets().length).toBe(1);
    const mail = resets()[0]!;
    expect(mail.to).toEqual(['dani@example.com']);
    expect(smtp.received.find((m) => m.to.includes('dani@example.com') && m.subject.startsWith('You are invited'))?.text).toContain('as viewer');
    const token = /#token=([\w-]+)/.exec(mail.text)![1]!;

    const confirm = (newPassword: string) => app.app.inject({ method: 'POST', url: '/v1/auth/password-reset/confirm', payload: { token, newPassword } });
    expect((await confirm('short')).json().errors[0].path).toBe('newPassword');
    const done = await confirm('a brand new passphrase');
    expect(done.statusCode).toBe(204);
    expect((await confirm('another new passphrase')).json().code).toBe('AUTH_TOKEN_INVALID');
    expect((await get('/v1/services', dani.cookies)).statusCode).toBe(401);
    expect((await login(app, dani.email)).statusCode).toBe(401);
    expect((await login(app, dani.email, {}, 'a brand new passphrase')).statusCode).toBe(200);
  });

  it('asks for an authenticator code once the second factor is on', async () => {
    const eva = await inviteAndJoin(app, app.auth(tenant.key), { email: 'eva@example.com', role: 'manager' });
    const setup = await app.app.inject({ method: 'POST', url: '/v1/auth/totp/setup', cookies: eva.cookies, headers: eva.headers });
    const { secret, otpauthUrl } = setup.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Frontdesk:eva%40example\.com\?/);
    const enable = (code: string) => app.app.inject({ method: 'POST', url: '/v1/auth/totp/enable', cookies: eva.cookies, headers: eva.headers, payload: { code } });
    const wrong = totpCodeAt(secret, Date.now() - 10 * 60_000);
    expect((await enable(wrong)).json().code).toBe('AUTH_MFA_INVALID');
    expect((await enable(totpCodeAt(secret, Date.now()))).statusCode).toBe(204);

    expect((await login(app, eva.email)).json().code).toBe('AUTH_MFA_REQUIRED');
    expect((await login(app, eva.email, { totpCode: wrong })).json().code).toBe('AUTH_MFA_INVALID');
    // The code that turned it on, or one already used to sign in, is spent: waiting for the next one.
    const nextStep = (Math.floor(Date.now() / 30_000) + 1) * 30_000;
    app.clock.set(nextStep + 1000);
    const code = totpCodeAt(secret, app.clock.now());
    const ok = await login(app, eva.email, { totpCode: code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.totpEnabled).toBe(true);
    expect((await login(app, eva.email, { totpCode: code })).json().code).toBe('AUTH_MFA_INVALID');
    app.clock.useRealTime();
  });

  it('changing the password keeps this session and ends the others', async () => {
    const fabio = await inviteAndJoin(app, app.auth(tenant.key), { email: 'fabio@example.com', role: 'agent' });
    const other = asSignedIn(await login(app, fabio.email), fabio.email);
    const change = (current: string) => app.app.inject({ method: 'POST', url: '/v1/auth/password', cookies: fabio.cookies, headers: fabio.headers,
      payload: { currentPassword: current, newPassword: 'fabio changed it 2026' } });
    expect((await change('not the password')).json().code).toBe('AUTH_INVALID_CREDENTIALS');
    expect((await change(PASSWORD)).statusCode).toBe(204);
    expect((await get('/v1/services', fabio.cookies)).statusCode).toBe(200);
    expect((await get('/v1/services', other.cookies)).statusCode).toBe(401);
    const audit = () => app.app.inject({ method: 'GET', url: '/v1/audit', headers: app.auth(tenant.key) }).then((r) => r.json().items);
    await expect.poll(async () => (await audit()).find((e: { action: string }) => e.action === 'POST /v1/auth/password')?.request)
      .toEqual({ currentPassword: '[redacted]', newPassword: '[redacted]' });
    expect(JSON.stringify(await audit())).not.toContain('fabio changed it 2026');
  });
});
