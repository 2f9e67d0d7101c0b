import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../../api/test/harness/app';
import { inviteAndJoin, PASSWORD, type SignedIn } from '../../api/test/harness/staff';
import { book, expectAccessible, firstService, launchBrowser, openDashboard, openWednesday, screenshot } from './support';

let app: TestApp;
let browser: Browser;
let base = '';
let rita: SignedIn;
let now = 0;
const london = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
let vanStart = '';

beforeAll(async () => {
  app = await startTestApp();
  const kumon = await seedTenant(app, 'kumon-vila-a');
  const van = await seedTenant(app, 'speedy-van');
  const tenants = [{ key: kumon.key, serviceId: await firstService(app, kumon.key) }, { key: van.key, serviceId: await firstService(app, van.key) }];
  const open = await openWednesday(app, tenants);
  now = open.now;
  await book(app, kumon.key, tenants[0]!.serviceId, open.times[0]![0]!.start, 'Maria Souza');
  vanStart = (await book(app, van.key, tenants[1]!.serviceId, open.times[1]![1]!.start, 'John Smith')).start;
  open.arrive();
  // Rita manages the Kumon centre and answers the phone for Speedy Van: one account, two memberships.
  rita = await inviteAndJoin(app, app.auth(kumon.key), { email: 'rita@example.com', role: 'manager', name: 'Rita Lima' });
  await inviteAndJoin(app, app.auth(van.key), { email: rita.email, role: 'agent' });
  base = await app.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('a person in two businesses', () => {
  it('switches tenant: the page re-reads everything for the other business, on its clock', async () => {
    const dash = await openDashboard(browser, base, { locale: 'en-GB', timezoneId: 'America/Sao_Paulo', now });
    const { page } = dash;
    await page.fill('#email', rita.email);
    await page.fill('#password', PASSWORD);
    await page.keyboard.press('Enter');
    const business = page.getByLabel('Business');
    await expect.poll(() => business.inputValue()).toBe('kumon-vila-a');
    expect(await business.locator('option').allTextContents()).toEqual(['Kumon Vila A', 'Speedy Van']);
    await expect.poll(() => page.locator('.bookings .booking').allTextContents()).toEqual([expect.stringContaining('Maria Souza')]);
    expect(await page.locator('.person').textContent()).toBe('Rita Lima · manager');
    expect(await page.locator('.zone').textContent()).toContain('Sao Paulo');

    await business.selectOption('speedy-van');
    await expect.poll(() => page.locator('.person').textContent()).toBe('Rita Lima · agent');
    await expect.poll(() => page.locator('.bookings .booking').allTextContents()).toEqual([expect.stringContaining('John Smith')]);
    const row = await page.locator('.bookings .booking').textContent();
    expect(row).toContain(london(vanStart)); // London time, although the browser is in São Paulo
    expect(row).toMatch(/£[\d,]+\.\d{2}/);
    expect(await page.locator('.zone').textContent()).toContain('London');
    await expectAccessible(page);
    await screenshot(page, 'tenant-switcher');

    // The server remembers the choice: a reload opens Speedy Van again.
    await page.reload();
    await expect.poll(() => page.getByLabel('Business').inputValue()).toBe('speedy-van');
    expect(dash.cspViolations).toEqual([]);
    await dash.close();
  });

  it('opens Settings on its first section, and keeps the chosen language', async () => {
    const dash = await openDashboard(browser, base, { locale: 'en-GB', now });
    const { page } = dash;
    await page.fill('#email', rita.email);
    await page.fill('#password', PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Settings');
    await expect.poll(() => page.url()).toBe(`${base}/app/settings/business`);
    expect(await page.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
    const sections = page.getByRole('navigation', { name: 'Settings sections' });
    expect(await sections.getByRole('link', { name: 'Business' }).getAttribute('aria-current')).toBe('page');
    await expectAccessible(page);

    await page.getByLabel('Language', { exact: true }).selectOption('pt-BR');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Configurações');
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('pt-BR');
    // A deep link opens the page straight away, in the language chosen before.
    await page.goto(`${base}/app/customers`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Clientes');
    await page.goto(`${base}/app/settings/team`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Configurações');
    const seções = page.getByRole('navigation', { name: 'Seções das configurações' });
    expect(await seções.getByRole('link', { name: 'Equipe e funções' }).getAttribute('aria-current')).toBe('page');
    await dash.close();
  });
});
