import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../../api/test/harness/app';
import { expectAccessible, firstService, launchBrowser, openDashboard, openWednesday, screenshot, type DashboardPage } from './support';

/**
 * A visitor of the booking page at `at`, or — with `person` — a staff member already signed in
 * (the sign-in page has its own tests).
 */
export const openAt = (browser: Browser, base: string, at: string, options: Parameters<typeof openDashboard>[2] = {}): Promise<DashboardPage> =>
  openDashboard(browser, base, { ...options, path: at });

/**
 * The booking page's suites: an app with these blueprint tenants (limits loose enough for many
 * changes), its clock on a Wednesday 09:00 in Buenos Aires when every tenant has free times,
 * listening, and a browser.
 */
export async function bookingPageSuite<const B extends readonly string[]>(blueprints: B) {
  const app = await startTestApp({ config: { bookingPageLimits: { changesPerMinute: 1000 } } });
  const seeded: { key: string; slug: string }[] = [];
  for (const blueprint of blueprints) seeded.push(await seedTenant(app, blueprint));
  const tenants = seeded as { -readonly [K in keyof B]: { key: string; slug: string } };
  const open = await openWednesday(app, await Promise.all(seeded.map(async (t) => ({ key: t.key, serviceId: await firstService(app, t.key) }))));
  open.arrive();
  const base = await app.app.listen({ port: 0, host: '127.0.0.1' });
  return { app, tenants, now: open.now, base, browser: await launchBrowser() };
}

/** The step's heading once it shows `title`, then axe on the step (and a screenshot when named). */
export async function atStep(page: Page, title: string, shot?: string): Promise<void> {
  const heading = () => page.locator('#step-title').textContent({ timeout: 2000 }).catch(() => null);
  try {
    await expect.poll(heading, { timeout: 15_000 }).toBe(title);
  } catch (err) {
    // What the page shows instead (an error in the visitor's words, a step too far) says what went wrong.
    throw new Error(`expected the step "${title}"; the page shows: ${await page.locator('main').innerText().catch(() => '(nothing)')}`, { cause: err });
  }
  await expect.poll(() => page.locator('.loading').count()).toBe(0);
  await expectAccessible(page);
  if (shot) await screenshot(page, shot);
}

/** The bookings a tenant's key sees (all statuses). */
export async function bookingsOf(app: TestApp, key: string) {
  const res = await app.app.inject({ url: '/v1/bookings', headers: app.auth(key) });
  return res.json().items as { id: string; start: string; status: string; sourceChannel: string; resourceIds: string[]; customer: { name: string } }[];
}

/** Who is focused: its tag, text and id (keyboard tests read it after each key). */
export function focused(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => { const e = document.activeElement; return e ? (e.id || e.textContent || e.tagName) : '' })()`);
}

/** A booking made on the public page's API (as a visitor), at the first free time of `date` in `timeZone`; its manage token. */
export async function bookAsVisitor(app: TestApp, slug: string, options: { date: string; timeZone: string; resourceId?: string; name: string; phone?: string; consent?: boolean; pick?: 'first' | 'last' }) {
  const profile = (await app.app.inject({ url: `/v1/book/${slug}` })).json() as { services: { id: string }[] };
  const serviceId = profile.services[0]!.id;
  const q = new URLSearchParams({ serviceId, from: options.date, to: options.date, timeZone: options.timeZone, ...(options.resourceId ? { resourceId: options.resourceId } : {}) });
  const slots = (await app.app.inject({ url: `/v1/book/${slug}/availability?${q}` })).json().slots as { start: string }[];
  const slot = options.pick === 'last' ? slots[slots.length - 1] : slots[0];
  if (!slot) throw new Error(`no free time on ${options.date}`);
  const res = await app.app.inject({ method: 'POST', url: `/v1/book/${slug}/bookings`, payload: {
    serviceId, start: slot.start, ...(options.resourceId ? { resourceId: options.resourceId } : {}),
    customer: { name: options.name, phone: options.phone ?? '+5491155550101' }, ...(options.consent ? { consentAccepted: true } : {}) } });
  if (res.statusCode !== 201) throw new Error(`booking failed: ${res.body}`);
  return res.json() as { id: string; start: string; manageToken: string; resources: { id: string; name: string }[] };
}
