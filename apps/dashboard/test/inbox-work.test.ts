import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../../api/test/harness/app';
import { inviteAndJoin, type SignedIn } from '../../api/test/harness/staff';
import { metaSignature, startFakeWhatsApp, whatsappText } from '../../api/test/harness/fakes/whatsapp';
import { expectAccessible, firstService, launchBrowser, screenshot, slots } from './support';
import { api, customerWrites, openAs, until, type Customer } from './leads-support';

const TOKEN = 'EAAG-inbox-work-token';
const APP_SECRET = 'inbox-work-secret';
const PHONE_NUMBER_ID = '4455667788990';
const HARRIET = '447700900321';
// Harriet wrote on WhatsApp on Wednesday at 13:00; the team looks the next day after 14:00: her window has closed.
const WROTE = Date.parse('2026-11-25T13:00:00Z');
const NEXT_DAY = WROTE + 25 * 3600_000;

let app: TestApp;
let browser: Browser;
let fake: Awaited<ReturnType<typeof startFakeWhatsApp>>;
let base = '';
let key = '';
let dave: SignedIn;
let vera: SignedIn;
let olivia: Customer;
let harrietConversation = '';

beforeAll(async () => {
  fake = await startFakeWhatsApp(TOKEN);
  app = await startTestApp({ workers: true });
  ({ key } = await seedTenant(app, 'speedy-van'));
  app.clock.set(WROTE);
  const channel = await api(app, key).post('/v1/channels', { type: 'whatsapp_cloud',
    config: { phoneNumberId: PHONE_NUMBER_ID, accessToken: TOKEN, appSecret: APP_SECRET, verifyToken: 'v', graphBaseUrl: fake.graphBaseUrl } });
  expect(channel.statusCode, channel.body).toBe(201);
  const raw = JSON.stringify(whatsappText(PHONE_NUMBER_ID, HARRIET, 'Do you still have a Luton van free this weekend?', WROTE, undefined, 'Harriet Cole'));
  await app.app.inject({ method: 'POST', url: `/v1/webhooks/${channel.json().id}`, payload: raw,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, raw) } });
  await fake.until(() => fake.sent.length === 1); // the assistant answered her then
  [{ id: harrietConversation }] = await app.db.query<{ id: string }>(`SELECT id FROM conversations WHERE channel <> 'web'`) as [{ id: string }];
  const template = await api(app, key).post('/v1/templates', { name: 'van_follow_up', language: 'en_GB',
    body: 'Hello {{1}}, we still have a van for you on {{2}}. Reply YES to book it.' });
  expect((await api(app, key).patch(`/v1/templates/${template.json().id}`, { status: 'approved' })).statusCode).toBe(200);

  app.clock.set(NEXT_DAY);
  olivia = await customerWrites(app, key, 'speedy-van', 'Hi, I need a small van to move a sofa next Friday', { name: 'Olivia Brown', phone: '+44 7911 123456' });
  // She books Friday's first free time: the booking joins her lead (same phone).
  const serviceId = await firstService(app, key);
  const friday = Date.parse('2026-11-27T08:00:00Z');
  const [slot] = await slots(app, key, serviceId, friday, friday + 10 * 3600_000);
  const booked = await api(app, key).post('/v1/bookings', { serviceId, start: slot!.start, customer: { name: 'Olivia Brown', phone: '+447911123456' },
    sourceChannel: 'dashboard' });
  expect(booked.statusCode, booked.body).toBe(201);
  await until(async () => ((await api(app, key).get(`/v1/leads/${olivia.leadId}`)).json().bookingIds as string[]).includes(booked.json().id), 'the booking on the lead');
  dave = await inviteAndJoin(app, app.auth(key), { email: 'dave@speedyvan.test', role: 'agent', name: 'Dave Jones' });
  vera = await inviteAndJoin(app, app.auth(key), { email: 'vera@speedyvan.test', role: 'viewer', name: 'Vera Lynn' });
  base = await app.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await fake?.close();
});

describe('the inbox as a team queue', () => {
  it('an agent takes an unassigned conversation, tags it, notes something for the team and reads the lead card', async () => {
    const { page, cspViolations, close } = await openAs(browser, base, dave, { path: '/app/inbox', now: NEXT_DAY });
    await expect.poll(() => page.locator('h1').textContent()).toBe('Inbox');
    await page.getByRole('button', { name: 'Unassigned (2)' }).click();
    await expect.poll(() => page.locator('.conversation').count()).toBe(2);
    await page.locator('a.conversation', { hasText: 'Web chat' }).click();
    await expect.poll(() => page.locator('.message.by-customer .text').allTextContents()).toContain('Hi, I need a small van to move a sofa next Friday');

    await page.getByLabel('Assigned to').selectOption({ label: 'Dave Jones (me)' });
    await expect.poll(() => page.getByRole('button', { name: 'Mine (1)' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Mine (1)' }).click();
    await expect.poll(() => page.locator('.conversation').allTextContents()).toEqual([expect.stringContaining('Assigned to Dave Jones')]);

    await page.getByLabel('Tags', { exact: true }).fill('VIP, sofa');
    await page.getByRole('button', { name: 'Save tags' }).click();
    await expect.poll(() => page.locator('.conversation .tag').allTextContents()).toEqual(['vip', 'sofa']);
    await page.getByLabel('Tag', { exact: true }).fill('vip');
    await expect.poll(() => page.locator('.conversation').count()).toBe(1);

    await page.getByLabel('Private note').fill('She prefers Friday morning; offer the 9:00 slot.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => page.locator('.messages .note .text').allTextContents()).toEqual(['She prefers Friday morning; offer the 9:00 slot.']);
    expect(await page.locator('.messages .note .meta').textContent()).toMatch(/^Note by Dave Jones · \d{2}:\d{2}$/);
    // The note is the newest entry, after the customer's messages and the reply.
    expect(await page.locator('.messages > li').last().getAttribute('class')).toBe('note');

    const card = page.locator('.inbox-card');
    await expect.poll(() => card.textContent()).toContain('Olivia Brown');
    await expect.poll(() => card.getByText('Why this score').isVisible()).toBe(true);
    expect(await card.locator('.factors > li').count()).toBeGreaterThan(0);
    await expect.poll(() => card.locator('.bookings-upcoming li').allTextContents()).toEqual([expect.stringMatching(/^27 Nov, \d{2}:\d{2} · .+ · (confirmed|pending) · £/)]);
    expect(await card.locator('.bookings-past').count()).toBe(0);
    expect(await card.getByRole('link', { name: 'Open the lead' }).getAttribute('href')).toMatch(/\/app\/leads\/[0-9a-f-]{36}$/);
    expect(await card.getByRole('link', { name: 'Open the customer' }).getAttribute('href')).toBe(`/app/customers/${olivia.contactId}`);
    await expectAccessible(page);
    await screenshot(page, 'inbox-card');

    const listed = (await app.app.inject({ url: '/v1/conversations?queue=mine', cookies: dave.cookies })).json().items as { id: string; tags: string[] }[];
    expect(listed).toEqual([expect.objectContaining({ id: olivia.conversationId, tags: ['vip', 'sofa'] })]);
    expect(cspViolations).toEqual([]);
    await close();
  });

  it('a WhatsApp conversation whose 24-hour window has closed says why, and sends an approved template instead', async () => {
    const { page, close } = await openAs(browser, base, dave, { path: `/app/inbox/${harrietConversation}` });
    await expect.poll(() => page.locator('.window-why').textContent())
      .toBe('The customer last wrote more than 24 h ago; WhatsApp only allows approved templates.');
    expect(await page.locator('textarea#reply').count()).toBe(0);
    await expect.poll(() => page.locator('.inbox-card').textContent()).toContain('Harriet Cole');
    await page.getByLabel('Variable {{1}}').fill('Harriet');
    await page.getByLabel('Variable {{2}}').fill('Saturday');
    expect(await page.locator('.template-preview p').textContent()).toBe('Hello Harriet, we still have a van for you on Saturday. Reply YES to book it.');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Send template' }).click();

    await fake.until(() => fake.sent.length === 2);
    expect(fake.sent[1]!.body).toMatchObject({ to: HARRIET, type: 'template', template: { name: 'van_follow_up', language: { code: 'en_GB' },
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'Harriet' }, { type: 'text', text: 'Saturday' }] }] } });
    await expect.poll(() => page.locator('.message.by-staff .text').allTextContents())
      .toEqual(['Hello Harriet, we still have a van for you on Saturday. Reply YES to book it.']);
    await close();
  });

  it('a viewer sees who has the conversation and its notes, but cannot assign, tag or write notes', async () => {
    const { page, close } = await openAs(browser, base, vera, { path: `/app/inbox/${olivia.conversationId}` });
    await expect.poll(() => page.locator('.work-bar').textContent()).toBe('Assigned to Dave Jones · vip, sofa');
    await expect.poll(() => page.locator('.messages .note .text').allTextContents()).toEqual(['She prefers Friday morning; offer the 9:00 slot.']);
    expect(await page.getByLabel('Assigned to').count()).toBe(0);
    expect(await page.getByLabel('Private note').count()).toBe(0);
    await expectAccessible(page);
    await close();
  });
});
