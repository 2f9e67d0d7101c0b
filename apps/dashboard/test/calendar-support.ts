import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestApp } from '../../api/test/harness/app';
import { PASSWORD } from '../../api/test/harness/staff';

/** Helpers of the calendar's browser tests. */
export async function signIn(page: Page, email: string, landing = '.calendar'): Promise<void> {
  page.setDefaultTimeout(10_000); // a missing element fails the step, not the whole test's time
  await page.waitForSelector('#email').catch(async (err: unknown) => {
    throw new Error(`no sign-in form: ${await page.content()}`, { cause: err });
  });
  await page.fill('#email', email);
  await page.fill('#password', PASSWORD);
  await page.press('#password', 'Enter');
  await expect.poll(() => page.locator(landing).count(), { timeout: 5000 }).toBe(1).catch(async (err: unknown) => {
    throw new Error(`not on ${landing} after signing in: ${await page.locator('body').innerText()}`, { cause: err });
  });
}

export async function resourcesOf(app: TestApp, key: string): Promise<Map<string, string>> {
  const res = await app.app.inject({ url: '/v1/resources', headers: app.auth(key) });
  return new Map((res.json().items as { id: string; name: string }[]).map((r) => [r.name, r.id]));
}

export async function serviceNamed(app: TestApp, key: string, name: string): Promise<string> {
  const res = await app.app.inject({ url: '/v1/services', headers: app.auth(key) });
  return (res.json().items as { id: string; name: string }[]).find((s) => s.name === name)!.id;
}

export async function bookAt(app: TestApp, key: string, input: { serviceId: string; start: string; resourceIds?: string[]; name: string; channel?: string }) {
  const res = await app.app.inject({ method: 'POST', url: '/v1/bookings', headers: app.auth(key), payload: {
    serviceId: input.serviceId, start: input.start, ...(input.resourceIds ? { resourceIds: input.resourceIds } : {}),
    customer: { name: input.name, phone: '+5491155550000' }, sourceChannel: input.channel ?? 'api',
  } });
  if (res.statusCode !== 201) throw new Error(`booking failed: ${res.body}`);
  return res.json() as { id: string; start: string; end: string; resourceIds: string[] };
}

export async function bookingNow(app: TestApp, key: string, id: string) {
  return (await app.app.inject({ url: `/v1/bookings/${id}`, headers: app.auth(key) })).json() as { start: string; end: string; resourceIds: string[] };
}

/** The column of a resource on a date, and a point in it `minutes` below its top (scrolled into view). */
export async function pointIn(page: Page, resourceId: string, date: string, minutes: number) {
  // Bring that time into view first: the grid's top at the window's top, the time 150 px below it.
  await page.evaluate(`(() => {
    const grid = document.querySelector('.cal-scroll');
    grid.scrollIntoView({ block: 'start' });
    grid.scrollTop = ${Math.max(0, minutes - 150)};
  })()`);
  const column = page.locator(`[data-column="${resourceId}|${date}"]`);
  const box = (await column.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + minutes };
}

/** Drags with the mouse from one point to another in small steps, as a person would. */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + (to.x - from.x) / 2, from.y + (to.y - from.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}

/** The wall time a column's minute-offset shows, as the calendar's booking block labels read (HH:MM). */
export const hhmm = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

/** An element's text now (null while it is not there), for polling without waiting on a missing element. */
export const textOf = (page: Page, selector: string) =>
  page.evaluate<string | null>(`document.querySelector(${JSON.stringify(selector)})?.textContent ?? null`);
