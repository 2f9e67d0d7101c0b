import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchBrowser } from '../../api/test/browser/browser';
import type { TestApp } from '../../api/test/harness/app';
import type { SignedIn } from '../../api/test/harness/staff';

export { launchBrowser };
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const screenshotsDir = path.join(repo, 'docs/screenshots');
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const desktop = { viewport: { width: 1280, height: 800 } };
export const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };

export interface DashboardPage {
  page: Page;
  /** Content Security Policy violations the page reported (the dashboard must run under the API's CSP). */
  cspViolations: string[];
  close(): Promise<void>;
}

/**
 * A fresh browser context (own cookies) on the dashboard (or `path`), with the browser's clock at
 * `now`; with `person`, already signed in through their session cookie.
 */
export async function openDashboard(browser: Browser, base: string,
  options: BrowserContextOptions & { now?: number; path?: string; person?: SignedIn } = {}): Promise<DashboardPage> {
  const { now, path: at = '/app/', person, ...contextOptions } = options;
  const context = await browser.newContext({ ...desktop, ...contextOptions });
  if (person) await context.addCookies([{ name: 'fd_session', value: person.cookies.fd_session, url: base }]);
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
  if (now !== undefined) await page.clock.setFixedTime(now);
  await page.goto(`${base}${at}`);
  return { page, cspViolations, close: () => context.close() };
}

/** axe-core in the page (evaluated, not injected as a script, so the page's CSP stays as served): no serious or critical violations. */
export async function expectAccessible(page: Page): Promise<void> {
  await page.evaluate(axeSource);
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
  const violations = await page.evaluate<{ id: string; impact: string | null; targets: string[] }[]>(`
    axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(tags)} } }).then((result) =>
      result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)) })))`);
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true });
}

/** The next Wednesday on or after `from` at 12:00 UTC (09:00 in Buenos Aires and São Paulo): the clock the tests run at. */
export function nextWednesdayNoon(from: number): number {
  const d = new Date(from);
  const days = (3 - d.getUTCDay() + 7) % 7;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + days, 12);
}

/** A confirmed booking through the API at a time its availability offers. */
export async function book(app: TestApp, key: string, serviceId: string, start: string, name: string) {
  const res = await app.app.inject({ method: 'POST', url: '/v1/bookings', headers: app.auth(key),
    payload: { serviceId, start, customer: { name, phone: '+5491155550000' }, sourceChannel: 'dashboard' } });
  if (res.statusCode !== 201) throw new Error(`booking failed: ${res.body}`);
  return res.json() as { id: string; start: string; end: string };
}

export async function slots(app: TestApp, key: string, serviceId: string, from: number, to: number) {
  const q = new URLSearchParams({ serviceId, from: new Date(from).toISOString(), to: new Date(to).toISOString() });
  const res = await app.app.inject({ url: `/v1/availability?${q}`, headers: app.auth(key) });
  if (res.statusCode !== 200) throw new Error(`availability failed: ${res.body}`);
  return (res.json() as { slots: { start: string; end: string }[] }).slots;
}

export async function firstService(app: TestApp, key: string): Promise<string> {
  const res = await app.app.inject({ url: '/v1/services', headers: app.auth(key) });
  return (res.json() as { items: { id: string }[] }).items[0]!.id;
}

/**
 * A Wednesday on which every given tenant has times after 12:00 UTC, from the next one on (a
 * holiday moves it a week on). The app's clock stands three days earlier, so bookings for that
 * day respect any minimum notice (Speedy Van asks a day); `arrive()` moves it to the day itself.
 */
export async function openWednesday(app: TestApp, tenants: { key: string; serviceId: string }[]) {
  for (let now = nextWednesdayNoon(Date.now()), tries = 0; tries < 8; now += 7 * 86_400_000, tries++) {
    app.clock.set(now - 3 * 86_400_000);
    const times = await Promise.all(tenants.map((t) => slots(app, t.key, t.serviceId, now, now + 12 * 3600_000)));
    if (times.every((s) => s.length >= 2)) return { now, times, arrive: () => app.clock.set(now) };
  }
  throw new Error('no Wednesday with free times in the next eight weeks');
}

/** Presses Tab until the focused element matches `selector` (keyboard-only use); fails after `max` presses. */
export async function tabTo(page: Page, selector: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate<boolean>(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}
