import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../../api/test/harness/app';
import { inviteAndJoin, PASSWORD, type SignedIn } from '../../api/test/harness/staff';
import { expectAccessible, launchBrowser, openDashboard, phone, screenshot, tabTo } from './support';

let app: TestApp;
let browser: Browser;
let base = '';
let dave: SignedIn;

beforeAll(async () => {
  app = await startTestApp();
  await seedTenant(app, 'speedy-van');
  const van = (await app.app.inject({ url: '/v1/tenants', headers: app.admin })).json().items[0] as { slug: string };
  const key = (await app.app.inject({ method: 'POST', url: `/v1/tenants/${van.slug}/api-keys`, headers: app.admin })).json().key as string;
  dave = await inviteAndJoin(app, app.auth(key), { email: 'dave@speedyvan.test', role: 'agent', name: 'Dave Jones' });
  base = await app.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('the inbox', () => {
  it('an agent takes over a web chat and replies with the keyboard alone; the customer sees the reply', async () => {
    // The customer writes on Speedy Van's chat page, on a phone.
    const customer = await browser.newPage(phone);
    await customer.goto(`${base}/chat/speedy-van`);
    await expect.poll(() => customer.locator('.msg.out').count()).toBeGreaterThan(0);
    await customer.fill('#text', 'Hi, I’d like to book a small van on Friday morning');
    await customer.press('#text', 'Enter');
    await expect.poll(() => customer.locator('.msg.out').count()).toBeGreaterThan(1);

    const dash = await openDashboard(browser, base, { locale: 'en-GB' });
    const { page } = dash;
    await expect.poll(() => page.evaluate<string | undefined>('document.activeElement?.id')).toBe('email');
    await page.keyboard.type(dave.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Today');

    await tabTo(page, 'nav a[href="/app/inbox"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Inbox');
    await expect.poll(() => page.locator('.conversation').count()).toBe(1);
    expect(await page.locator('.conversation').textContent()).toContain('With the assistant');
    await tabTo(page, 'a.conversation');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.message.by-customer .text').allTextContents()).toContain('Hi, I’d like to book a small van on Friday morning');
    expect(await page.locator('p.hint', { hasText: 'Take over to reply' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Inbox' }).getAttribute('aria-current')).toBe('page');

    await tabTo(page, '.thread-head button:not(.secondary)');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Take over');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.handler-now').textContent()).toMatch(/^With a person \(until \d{2}:\d{2}\)$/);
    await tabTo(page, 'textarea#reply');
    await page.keyboard.type('Yes, we do! Dave here from Speedy Van.');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.message.by-staff .text').allTextContents()).toEqual(['Yes, we do! Dave here from Speedy Van.']);
    await expect.poll(() => page.locator('textarea#reply').inputValue()).toBe('');

    // The customer's page shows it at once, without a reload.
    await expect.poll(() => customer.locator('.msg.out').allTextContents()).toContain('Yes, we do! Dave here from Speedy Van.');
    const [conversation] = (await app.app.inject({ url: '/v1/conversations', cookies: dave.cookies })).json().items as { handledBy: string }[];
    expect(conversation!.handledBy).toBe('human');

    // Filters: with a person it is there; with the assistant, nothing.
    await page.getByLabel('Answered by').selectOption('assistant');
    await expect.poll(() => page.locator('.inbox-list').textContent()).toContain('No conversations match these filters.');
    await page.getByLabel('Answered by').selectOption('human');
    await expect.poll(() => page.locator('.conversation').count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'inbox');

    await page.getByRole('button', { name: 'Hand back to the assistant' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.handler-now').textContent()).toBe('With the assistant');
    const [after] = (await app.app.inject({ url: '/v1/conversations', cookies: dave.cookies })).json().items as { handledBy: string }[];
    expect(after!.handledBy).toBe('assistant');
    expect(dash.cspViolations).toEqual([]);
    await dash.close();
    await customer.close();
  });
});
