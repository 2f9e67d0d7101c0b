import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestApp } from '../../api/test/harness/app';
import type { SignedIn } from '../../api/test/harness/staff';
import { api, leadOfConversation, leadsIdle, startChat, until } from '../../api/test/leads/helpers';
import { desktop } from './support';

export { api, leadsIdle, until };

export interface Customer { leadId: string; contactId: string; conversationId: string; send(text: string): Promise<unknown> }

/**
 * A customer writes on the business's web chat (which makes them a lead), a person takes the
 * conversation over and answers (so no response clock runs), and staff correct the name.
 */
export async function customerWrites(app: TestApp, key: string, slug: string, text: string, details: { name: string; phone?: string }): Promise<Customer> {
  const chat = await startChat(app, slug);
  await chat.send(text);
  const lead = await leadOfConversation(app, key, chat.conversationId) as unknown as { id: string; contactId: string };
  await leadsIdle(app);
  expect((await api(app, key).post(`/v1/conversations/${chat.conversationId}/takeover`, { minutes: 24 * 60 })).statusCode).toBe(204);
  expect((await api(app, key).post(`/v1/conversations/${chat.conversationId}/messages`, { text: 'Thanks, one moment please.' })).statusCode).toBe(201);
  await until(async () => (await leadList(app, key)).find((l) => l.id === lead.id)?.clock === null, 'the reply to stop the clock');
  expect((await api(app, key).patch(`/v1/contacts/${lead.contactId}`, details)).statusCode).toBe(200);
  return { leadId: lead.id, contactId: lead.contactId, conversationId: chat.conversationId, send: chat.send };
}

export interface ListedLead { id: string; contactId: string; stage: string; temperature: string | null; ownerId: string | null; lostReason: string | null;
  clock: { dueAt: string; breached: boolean } | null }
export const leadList = async (app: TestApp, key: string) => (await api(app, key).get('/v1/leads?limit=200')).json().items as ListedLead[];

/** The tenant's staff resources by name. */
export async function staffIds(app: TestApp, key: string): Promise<Record<string, string>> {
  const items = (await api(app, key).get('/v1/resources')).json().items as { id: string; name: string; kind: string }[];
  return Object.fromEntries(items.filter((r) => r.kind === 'staff').map((r) => [r.name, r.id]));
}

/**
 * A browser context already signed in as `person` (their session cookie), on `path`. With `now`
 * the page's clock starts there and runs (page.clock.install), so clocks tick and can be moved on.
 */
export async function openAs(browser: Browser, base: string, person: SignedIn, options: BrowserContextOptions & { now?: number; path: string }) {
  const { now, path, ...contextOptions } = options;
  const context = await browser.newContext({ ...desktop, ...contextOptions });
  await context.addCookies([{ name: 'fd_session', value: person.cookies.fd_session, url: base }]);
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
  if (now !== undefined) await page.clock.install({ time: now });
  await page.goto(`${base}${path}`);
  return { page, cspViolations, close: () => context.close() };
}

/** The cards in each board column, by customer name. */
export async function boardColumns(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(`Object.fromEntries([...document.querySelectorAll('.lead-column')].map((c) =>
    [c.dataset.stage, [...c.querySelectorAll('.lead-name')].map((n) => n.textContent)]))`);
}
