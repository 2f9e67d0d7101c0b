import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../../api/test/harness/app';
import { inviteAndJoin } from '../../api/test/harness/staff';
import { expectAccessible, launchBrowser, openDashboard, screenshot } from './support';
import { bookAt, serviceNamed, signIn } from './calendar-support';

// Speedy Van works in London. The clocks go forward at 01:00 GMT on the last Sunday of March:
// 28 March 2027 has 23 hours, and 09:00 BST is eight hours after that day's midnight.
const SUNDAY = '2027-03-28';
let app: TestApp;
let browser: Browser;
let base = '';

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('the calendar on a clock-change day (Speedy Van, Europe/London)', () => {
  it('shows the 23 hours of the spring-forward Sunday, with a booking at 09:00 BST on the 09:00 line', async () => {
    const { key } = await seedTenant(app, 'speedy-van');
    const dave = await inviteAndJoin(app, app.auth(key), { email: 'dave@speedyvan.test', role: 'manager', name: 'Dave Jones' });
    app.clock.set(Date.parse('2027-03-20T12:00:00Z'));
    const job = await bookAt(app, key, { serviceId: await serviceNamed(app, key, 'Small van + 1 crew (2 h)'), start: '2027-03-28T08:00:00Z', name: 'Olivia Brown' });
    base = await app.app.listen({ port: 0, host: '127.0.0.1' });

    const dash = await openDashboard(browser, base, { locale: 'en-GB', path: `/app/calendar?view=day&date=${SUNDAY}` });
    const { page } = dash;
    await signIn(page, dave.email);
    const hours = await page.locator('.cal-hour').allTextContents();
    expect(hours).toHaveLength(23);
    expect(hours.slice(0, 3)).toEqual(['00:00', '02:00', '03:00']);
    expect(hours.at(-1)).toBe('23:00');
    expect(hours).not.toContain('01:00');
    expect(await page.locator('.cal-clock').textContent()).toBe('The clocks change on Sun 28 Mar: that day has 23 hours.');

    const booking = page.locator(`button[data-booking="${job.id}"]`).first();
    await expect.poll(() => booking.locator('.cal-time').textContent()).toMatch(/^09:00\s?–\s?11:00$/);
    const nine = page.locator('.cal-hour', { hasText: '09:00' });
    const column = booking.locator('xpath=..');
    const [bookingBox, columnBox] = [await booking.boundingBox(), await column.boundingBox()];
    expect(Math.round(bookingBox!.y - columnBox!.y)).toBe(8 * 60); // elapsed since midnight GMT
    expect(await nine.getAttribute('style')).toContain('top: 480px');
    await expectAccessible(page);
    await screenshot(page, 'calendar-dst');

    // The week view reads the wall clock: 24 rows, the booking on the 09:00 row of Sunday.
    await page.getByRole('button', { name: 'Week' }).click();
    await expect.poll(() => page.locator('.cal-hour').count()).toBe(24);
    const inWeek = page.locator(`button[data-booking="${job.id}"]`).first();
    await expect.poll(() => inWeek.getAttribute('style')).toContain('top: 540px');
    expect(dash.cspViolations).toEqual([]);
    await dash.close();
  });
});
