import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/test/harness/app';
import { atStep, bookingPageSuite, bookingsOf, focused, openAt } from './booking-support';
import { tabTo } from './support';

const BA = 'America/Argentina/Buenos_Aires';
let app: TestApp;
let browser: Browser;
let base = '';
let now = 0;
let barber: { key: string; slug: string };
let flexoraa: { key: string; slug: string };

beforeAll(async () => {
  // A Wednesday both are open, at 09:00 in Buenos Aires (17:30 in Kolkata).
  ({ app, browser, base, now, tenants: [barber, flexoraa] } = await bookingPageSuite(['barberpro-palermo', 'flexoraa']));
});
afterAll(async () => browser?.close());

describe('the public booking page, by keyboard and under contention', () => {
  it('a visitor books with the keyboard alone (Flexoraa, from New York), in English', async () => {
    const visitor = await openAt(browser, base, `/book/${flexoraa.slug}`, { locale: 'en-US', timezoneId: 'America/New_York', now });
    const { page } = visitor;
    await atStep(page, 'What would you like to book?');
    await tabTo(page, 'button.choice');
    await page.keyboard.press('Enter');
    await atStep(page, 'With whom?');
    expect(await focused(page)).toBe('step-title'); // each step takes the focus to its heading
    await tabTo(page, 'button.choice:not([aria-pressed="true"])'); // past "anyone" to the first SDR
    const sdr = (await page.evaluate<string>('document.activeElement.textContent'))!;
    await page.keyboard.press('Enter');
    await atStep(page, 'Which day?');
    await tabTo(page, 'button.day:not([disabled])');
    await page.keyboard.press('Enter');
    await atStep(page, 'What time?');
    await tabTo(page, 'button.time');
    const time = (await page.evaluate<string>('document.activeElement.querySelector(".time-visitor").textContent'))!;
    await page.keyboard.press('Space');
    await atStep(page, 'Your details');
    await tabTo(page, '#book-name');
    await page.keyboard.type('Jordan Blake');
    await tabTo(page, '#book-email');
    await page.keyboard.type('jordan@example.com');
    await tabTo(page, '#book-consent');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter'); // submits the form from the checkbox
    await atStep(page, 'Check and confirm');
    await tabTo(page, 'button:not(.secondary)');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#done-title').textContent()).toBe('You are booked!');
    expect(await focused(page)).toBe('done-title');
    const [booking] = await bookingsOf(app, flexoraa.key);
    const profile = (await app.app.inject({ url: `/v1/book/${flexoraa.slug}` })).json();
    expect(profile.services[0].resources.find((r: { id: string }) => r.id === booking!.resourceIds[0]).name).toBe(sdr);
    const nyTime = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit' }).format(Date.parse(booking!.start));
    const plain = (s: string) => s.replace(/\s/g, '').toLowerCase(); // Chromium's ICU writes "am", Node's "AM"
    expect(plain(time)).toBe(plain(nyTime));
    expect(visitor.cspViolations).toEqual([]);
    await visitor.close();
  });

  it('when someone else takes the time meanwhile, says so and offers the times left (a link that fixes the barber)', async () => {
    const profile = (await app.app.inject({ url: `/v1/book/${barber.slug}` })).json();
    const beard = profile.services.find((s: { name: string }) => s.name === 'Barba');
    const nico = beard.resources.find((r: { name: string }) => r.name.startsWith('Nicolás'));
    const visitor = await openAt(browser, base, `/book/${barber.slug}?staff=${nico.id}`, { locale: 'en-GB', timezoneId: BA, now });
    const { page } = visitor;
    await atStep(page, 'What would you like to book?', 'booking-service');
    expect(await page.locator('.step-count').textContent()).toBe('Step 1 of 5'); // no "with whom?": the link chose Nico
    await page.locator('.choice').filter({ has: page.locator('.choice-title', { hasText: /^Barba$/ }) }).click();
    await atStep(page, 'Which day?');
    await page.locator('.day:not([disabled])').first().click();
    await atStep(page, 'What time?');
    const first = page.locator('.time').first();
    const taken = (await first.textContent())!;
    await first.click();
    await atStep(page, 'Your details');
    await page.fill('#book-name', 'Tomás Ruiz');
    await page.fill('#book-phone', '+54 9 11 5555-0202');
    await page.getByRole('button', { name: 'Continue' }).click();
    await atStep(page, 'Check and confirm', 'booking-confirm');

    // Someone books Nico at that time over WhatsApp before the visitor confirms.
    const times = (await app.app.inject({ url: `/v1/book/${barber.slug}/availability?${new URLSearchParams({
      serviceId: beard.id, resourceId: nico.id, from: new Intl.DateTimeFormat('en-CA', { timeZone: BA }).format(now), to: new Intl.DateTimeFormat('en-CA', { timeZone: BA }).format(now) })}` })).json().slots;
    const other = await app.app.inject({ method: 'POST', url: '/v1/bookings', headers: app.auth(barber.key),
      payload: { serviceId: beard.id, start: times[0].start, resourceIds: [nico.id], customer: { name: 'Otro Cliente', phone: '+5491155550303' }, sourceChannel: 'whatsapp' } });
    expect(other.statusCode).toBe(201);
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await atStep(page, 'What time?');
    // The chosen barber is checked first: his time is no longer bookable.
    expect(await page.locator('.book-problem').textContent()).toBe('This time can no longer be booked. Please choose another.');
    await expect.poll(() => page.locator('.time').first().textContent()).not.toBe(taken);
    expect((await bookingsOf(app, barber.key)).filter((b) => b.customer.name === 'Tomás Ruiz')).toEqual([]);
    await visitor.close();
  });
});
