import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { CONSENT_THANKS } from '../harness/consent';
import { artifactsDir, launchBrowser } from './browser';
import { readable } from '../harness/readable';

let app: TestApp;
let browser: Browser;
let base = '';

beforeAll(async () => {
  app = await startTestApp();
  app.clock.set(Date.parse('2026-11-25T13:00:00Z')); // a Wednesday
  for (const name of ['kumon-vila-a', 'barberpro-palermo', 'speedy-van', 'flexoraa']) await seedTenant(app, name);
  base = await app.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

// Kumon (LGPD) and Flexoraa (GDPR) ask for consent before answering the first message.
const journeys = [
  { slug: 'kumon-vila-a', ask: 'Oi! Quero marcar uma avaliação na sexta de manhã', name: 'Maria Souza', yes: 'sim', done: /Pronto/,
    consent: { law: /LGPD/, choices: ['Sim', 'Não'] } },
  { slug: 'barberpro-palermo', ask: 'Hola, quiero sacar un turno para un corte el viernes a la tarde', name: 'Juan Pérez', yes: 'sí', done: /Listo/ },
  { slug: 'speedy-van', ask: "Hi, I'd like to book a small van on Friday morning", name: 'John Smith', yes: 'yes', done: /Done/ },
  // Flexoraa qualifies a lead (its 6 questions, the name first) before offering times.
  { slug: 'flexoraa', ask: 'Hi, can I book a discovery call on Friday afternoon?', name: 'Priya Sharma', yes: 'yes', done: /Done/,
    consent: { law: /GDPR/, choices: ['Yes', 'No'] },
    answers: ['Priya Sharma', 'Lead follow-up on WhatsApp', 'about 50,000 rupees a month', 'this quarter', 'I decide', 'around 40 people'] },
];

describe('the chat page on a phone', () => {
  it.each(journeys)('books through $slug’s chat page', async ({ slug, ask, name, yes, done, answers, consent }) => {
    const page = await browser.newPage({ viewport: { width: 390, height: 780 }, deviceScaleFactor: 1 });
    await page.goto(`${base}/chat/${slug}`);
    await expect.poll(() => page.locator('.msg.out').count()).toBeGreaterThan(0);

    const type = async (text: string) => {
      const before = await page.locator('.msg').count();
      await page.fill('#text', text);
      await page.press('#text', 'Enter');
      await expect.poll(() => page.locator('.msg').count()).toBeGreaterThan(before + 1);
    };
    const options = page.locator('.options button');
    const tapFirst = async () => {
      const before = await page.locator('.msg').count();
      await options.first().click();
      await expect.poll(() => page.locator('.msg').count()).toBeGreaterThan(before + 1);
    };
    await type(ask);
    if (consent) {
      expect(await page.locator('.msg.out').last().textContent()).toMatch(consent.law);
      expect(await options.allTextContents()).toEqual(consent.choices);
      await tapFirst();
      expect(await page.locator('.msg.out').allTextContents()).toContainEqual(expect.stringMatching(CONSENT_THANKS));
    }
    for (const answer of answers ?? []) await type(answer);
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    await tapFirst();
    if (!answers) await type(name);
    await type(yes);
    // The confirmation, possibly followed by the business's qualification questions.
    await expect.poll(async () => (await page.locator('.msg.out').allTextContents()).some((t) => done.test(t))).toBe(true);
    await page.screenshot({ path: path.join(artifactsDir, `chat-${slug}.png`), fullPage: true });

    const bookings = await app.db.query<{ customer_name: string }>(
      `SELECT b.customer_name FROM bookings b JOIN tenants t ON t.id = b.tenant_id WHERE t.slug = $1`, [slug]);
    expect(readable(bookings).filter((b) => b.customer_name === name)).toHaveLength(1);
    await page.close();
  });

  it('opens from the widget embedded on another website', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.setContent(`<html><body><h1>Speedy Van — moving made easy</h1>
      <script src="${base}/chat/widget.js" data-tenant="speedy-van"></script></body></html>`);
    await page.click('button[data-frontdesk="open"]');
    const frame = page.frameLocator('iframe[data-frontdesk="frame"]');
    await expect.poll(() => frame.locator('.msg.out').first().textContent()).toMatch(/Speedy Van/);
    await page.screenshot({ path: path.join(artifactsDir, 'widget-speedy-van.png') });
    await page.close();
  });

  it('shows a reply from a person as soon as staff send it, without a reload', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 780 } });
    await page.goto(`${base}/chat/speedy-van`);
    await expect.poll(() => page.locator('.msg.out').count()).toBeGreaterThan(0);
    const [conversation] = await app.db.query<{ id: string; tenant_id: string }>(
      `SELECT c.id, c.tenant_id FROM conversations c JOIN tenants t ON t.id = c.tenant_id WHERE t.slug = 'speedy-van' ORDER BY c.created_at DESC LIMIT 1`);
    await app.conversations.service.staffReply(conversation!.tenant_id, conversation!.id, 'Hi, this is Dave from Speedy Van!');
    await expect.poll(() => page.locator('.msg.out').allTextContents()).toContain('Hi, this is Dave from Speedy Van!');
    expect(await page.locator('.msg.out', { hasText: 'Dave' }).count()).toBe(1);
    await page.close();
  });

  it('answers 404 for an unknown business', async () => {
    const res = await fetch(`${base}/chat/no-such-business`);
    expect(res.status).toBe(404);
  });
});
