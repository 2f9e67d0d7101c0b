import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../../api/test/harness/app';
import { inviteAndJoin, PASSWORD, type SignedIn } from '../../api/test/harness/staff';
import { totpCodeAt } from '../../api/src/platform/auth/totp';
import { book, expectAccessible, firstService, launchBrowser, openDashboard, openWednesday, phone, screenshot, slots } from './support';

const BA = 'America/Argentina/Buenos_Aires';
let app: TestApp;
let browser: Browser;
let base = '';
let barber: { key: string; slug: string };
let manager: SignedIn;
let now = 0;
const booked: { start: string; name: string }[] = [];
const tomorrowName = 'Mañana Fernández';

/** The wall time in Buenos Aires the way es-AR writes it (what the page must show). */
const baTime = (iso: string) => new Intl.DateTimeFormat('es-AR', { timeZone: BA, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

beforeAll(async () => {
  app = await startTestApp();
  barber = await seedTenant(app, 'barberpro-palermo');
  manager = await inviteAndJoin(app, app.auth(barber.key), { email: 'lucia@barberpro.test', role: 'manager', name: 'Lucía Gómez' });
  const serviceId = await firstService(app, barber.key);
  // A Wednesday the barbershop is open, at 09:00 in Buenos Aires.
  const open = await openWednesday(app, [{ key: barber.key, serviceId }]);
  now = open.now;
  const today = open.times[0]!;
  // The first and the last time of the day: the last one (20:00 or later in Buenos Aires) is already tomorrow in Tokyo.
  for (const [slot, name] of [[today[0]!, 'Juan Pérez'], [today[today.length - 1]!, 'Carla Ruiz']] as const) {
    await book(app, barber.key, serviceId, slot.start, name);
    booked.push({ start: slot.start, name });
  }
  const tomorrow = await slots(app, barber.key, serviceId, now + 86_400_000, now + 86_400_000 + 12 * 3600_000);
  await book(app, barber.key, serviceId, tomorrow[0]!.start, tomorrowName);
  open.arrive();
  base = await app.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('signing in to the dashboard', () => {
  it('a manager signs in with the keyboard alone and sees today’s bookings on the tenant’s clock', async () => {
    // The browser sits in Tokyo, twelve hours away: every time on the page must still be Buenos Aires time.
    const dash = await openDashboard(browser, base, { locale: 'es-AR', timezoneId: 'Asia/Tokyo', now });
    const { page } = dash;
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ingresá a Frontdesk');
    await expectAccessible(page);
    await screenshot(page, 'sign-in');
    // The e-mail field has the focus; Tab moves to the password; Enter submits.
    await page.keyboard.type(manager.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');

    await expect.poll(() => page.locator('h1').textContent()).toBe('Hoy');
    await expect.poll(() => page.locator('.bookings .booking').count()).toBe(2);
    const rows = await page.locator('.bookings .booking').allTextContents();
    expect(rows[0]).toContain('Juan Pérez');
    expect(rows[0]).toContain(baTime(booked[0]!.start));
    expect(rows[1]).toContain('Carla Ruiz');
    expect(rows[1]).toContain(baTime(booked[1]!.start));
    const tokyo = new Intl.DateTimeFormat('es-AR', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(booked[0]!.start));
    expect(rows[0]).not.toContain(tokyo);
    expect(rows.join(' ')).not.toContain(tomorrowName);
    expect(await page.locator('.today-date').textContent()).toMatch(/^miércoles/);
    expect(await page.locator('.zone').textContent()).toContain('Buenos Aires');
    // ARS in es-AR: "$ 12.000,00"-style, from integer centavos.
    expect(rows[0]).toMatch(/\$\s?[\d.]+,\d{2}/);
    // This week: today's two and tomorrow's one.
    await expect.poll(() => page.locator('.stat', { hasText: 'Reservados' }).locator('dd').textContent()).toBe('3');
    await expect.poll(() => page.locator('.person').textContent()).toBe('Lucía Gómez · encargado');

    await expectAccessible(page);
    await screenshot(page, 'home');
    expect(dash.cspViolations).toEqual([]);
    await dash.close();
  });

  it('shows a wrong password in human words, in pt-BR', async () => {
    const dash = await openDashboard(browser, base, { locale: 'pt-BR', now });
    const { page } = dash;
    await expect.poll(() => page.locator('h1').textContent()).toBe('Entrar no Frontdesk');
    await page.fill('#email', manager.email);
    await page.fill('#password', 'not the password');
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('[role=alert]').textContent()).toBe('E-mail ou senha incorretos.');
    expect(await page.locator('h1').textContent()).toBe('Entrar no Frontdesk');
    await expectAccessible(page);
    await screenshot(page, 'sign-in-error');
    await dash.close();
  });

  it('asks for the authenticator code when the account has one, and signs out', async () => {
    const eva = await inviteAndJoin(app, app.auth(barber.key), { email: 'eva@barberpro.test', role: 'agent', name: 'Eva Sosa' });
    const setup = await app.app.inject({ method: 'POST', url: '/v1/auth/totp/setup', cookies: eva.cookies, headers: eva.headers });
    const { secret } = setup.json() as { secret: string };
    const enabled = await app.app.inject({ method: 'POST', url: '/v1/auth/totp/enable', cookies: eva.cookies, headers: eva.headers,
      payload: { code: totpCodeAt(secret, app.clock.now()) } });
    expect(enabled.statusCode).toBe(204);
    app.clock.set(now + 60_000); // the code that turned it on is spent: sign in with the next one

    const dash = await openDashboard(browser, base, { locale: 'en-GB', now });
    const { page } = dash;
    await page.fill('#email', eva.email);
    await page.fill('#password', PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Two-step verification');
    await expect.poll(() => page.evaluate<string | undefined>('document.activeElement?.id')).toBe('code');
    await page.keyboard.type('000000');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[role=alert]').textContent()).toMatch(/code is wrong or has expired/);
    await page.fill('#code', totpCodeAt(secret, app.clock.now()));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Today');

    const cookie = (await page.context().cookies()).find((c) => c.name === 'fd_session')!;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in to Frontdesk');
    const after = await app.app.inject({ url: '/v1/auth/session', cookies: { fd_session: cookie.value } });
    expect(after.statusCode).toBe(401);
    await dash.close();
  });

  it('fits a phone', async () => {
    const dash = await openDashboard(browser, base, { ...phone, locale: 'es-AR', now });
    const { page } = dash;
    await screenshot(page, 'sign-in-phone');
    await page.fill('#email', manager.email);
    await page.fill('#password', PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.bookings .booking').count()).toBe(2);
    // Nothing wider than the screen: the navigation scrolls within itself.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await expectAccessible(page);
    await screenshot(page, 'home-phone');
    await dash.close();
  });
});
