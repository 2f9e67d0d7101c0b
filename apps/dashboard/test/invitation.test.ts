import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../../api/test/harness/app';
import { inviteAndJoin, PASSWORD } from '../../api/test/harness/staff';
import { expectAccessible, launchBrowser, openDashboard, phone, screenshot } from './support';

let app: TestApp;
let browser: Browser;
let base = '';
let van: { key: string; slug: string };
let kumon: { key: string; slug: string };

beforeAll(async () => {
  app = await startTestApp();
  van = await seedTenant(app, 'speedy-van');
  kumon = await seedTenant(app, 'kumon-vila-a');
  base = await app.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** An invitation through the API; the link it hands out, pointed at this test's server. */
async function invite(key: string, email: string, role: string): Promise<string> {
  const res = await app.app.inject({ method: 'POST', url: '/v1/team/invitations', headers: app.auth(key), payload: { email, role } });
  expect(res.statusCode).toBe(201);
  const link = new URL((res.json() as { acceptUrl: string }).acceptUrl);
  return `${link.pathname}${link.hash}`;
}

describe('accepting an invitation', () => {
  it('a new person opens the link, chooses a name and password, and is signed in', async () => {
    const link = await invite(van.key, 'dave@speedyvan.test', 'agent');
    expect(link).toMatch(/^\/accept-invitation#token=/);
    const dash = await openDashboard(browser, base, { locale: 'en-GB', path: link });
    const { page } = dash;
    // The server sends the link on to the dashboard; the token stays in the fragment.
    await expect.poll(() => page.locator('h1').textContent()).toBe('Join the team');
    expect(new URL(page.url()).pathname).toBe('/app/invitations');
    expect(await page.locator('main p').first().textContent()).toBe('You are invited to Speedy Van as agent.');
    expect(await page.getByLabel('E-mail').inputValue()).toBe('dave@speedyvan.test');
    await expectAccessible(page);
    await screenshot(page, 'invitation');

    // The name field has the focus: the keyboard alone is enough.
    await page.keyboard.type('Dave Jones');
    await page.keyboard.press('Tab');
    await page.keyboard.type('a van full of boxes');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Today');
    expect(await page.locator('.person').textContent()).toBe('Dave Jones · agent');
    expect(new URL(page.url()).pathname).toBe('/app/');

    const invitations = await app.app.inject({ url: '/v1/team/invitations', headers: app.auth(van.key) });
    expect((invitations.json() as { items: { email: string; status: string }[] }).items)
      .toContainEqual(expect.objectContaining({ email: 'dave@speedyvan.test', status: 'accepted' }));
    // The same link again: used up, said in human words.
    await page.goto(`${base}${link}`);
    await expect.poll(() => page.locator('[role=alert]').textContent())
      .toBe('This link is invalid, has already been used or has expired. Ask for a new one.');
    expect(dash.cspViolations).toEqual([]);
    await dash.close();
  });

  it('someone with an account confirms with their password and gets a second business', async () => {
    const ana = await inviteAndJoin(app, app.auth(kumon.key), { email: 'ana@example.com', role: 'owner', name: 'Ana Prado' });
    const link = await invite(van.key, ana.email, 'viewer');
    const token = new URLSearchParams(link.split('#')[1]).get('token')!;
    // The path form of the page works too (/app/invitations/<token>), here on a phone in Spanish.
    const dash = await openDashboard(browser, base, { ...phone, locale: 'es-AR', path: `/app/invitations/${token}` });
    const { page } = dash;
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sumate al equipo');
    expect(await page.locator('#name').count()).toBe(0);
    await page.fill('#password', 'not her password');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[role=alert]').textContent()).toBe('El e-mail o la contraseña son incorrectos.');
    await expectAccessible(page);
    await screenshot(page, 'invitation-phone');
    await page.fill('#password', PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Hoy');
    const business = page.getByLabel('Negocio');
    expect(await business.locator('option').allTextContents()).toEqual(['Kumon Vila A', 'Speedy Van']);
    expect(await business.inputValue()).toBe('speedy-van');
    expect(await page.locator('.person').textContent()).toBe('Ana Prado · lector');
    await dash.close();
  });

  it('answers a broken link in the visitor’s language', async () => {
    const dash = await openDashboard(browser, base, { locale: 'pt-BR', path: `/app/invitations/${'x'.repeat(43)}` });
    await expect.poll(() => dash.page.locator('[role=alert]').textContent()).toBe('Este link é inválido, já foi usado ou expirou. Peça um novo.');
    await dash.close();
  });
});
