import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/test/harness/app';
import { inviteAndJoin, type SignedIn } from '../../api/test/harness/staff';
import { atStep, bookingPageSuite, bookingsOf, focused, openAt } from './booking-support';
import { expectAccessible, phone, screenshot } from './support';

const BA = 'America/Argentina/Buenos_Aires';
let app: TestApp;
let browser: Browser;
let base = '';
let now = 0;
let barber: { key: string; slug: string };
let kumon: { key: string; slug: string };
let manager: SignedIn;

beforeAll(async () => {
  // A Wednesday both are open, at 09:00 in Buenos Aires and São Paulo.
  ({ app, browser, base, now, tenants: [barber, kumon] } = await bookingPageSuite(['barberpro-palermo', 'kumon-vila-a']));
  manager = await inviteAndJoin(app, app.auth(barber.key), { email: 'lucia@barberpro.test', role: 'manager', name: 'Lucía Gómez' });
});
afterAll(async () => browser?.close());

describe('the public booking page', () => {
  it('a customer books a cut on a phone in Spanish, and it appears at once on the open staff calendar and home page', async () => {
    const staff = await openAt(browser, base, '/app/', { person: manager, locale: 'es-AR', now });
    await expect.poll(() => staff.page.locator('h1.page-title').textContent()).toBe('Hoy');
    await expect.poll(() => staff.page.locator('#today-heading').textContent()).toBe('0 turnos');
    // The journey: a calendar open on today's day view (Buenos Aires) gets the booking live.
    const date = new Date(now - 3 * 3_600_000).toISOString().slice(0, 10);
    const calendar = await openAt(browser, base, `/app/calendar?view=day&date=${date}`, { person: manager, locale: 'es-AR', now });
    await expect.poll(() => calendar.page.locator('.cal-head').allTextContents()).toContain('Matías Fernández');
    expect(await calendar.page.locator('.cal-booking').count()).toBe(0);

    const visitor = await openAt(browser, base, `/book/${barber.slug}`, { ...phone, locale: 'es-AR', timezoneId: BA, now });
    const { page } = visitor;
    await expect.poll(() => page.locator('h1').textContent()).toBe('BarberPro Palermo');
    await atStep(page, '¿Qué querés reservar?', 'booking-service-phone');
    expect(await page.locator('.choice-title').first().textContent()).toBe('Corte');
    expect(await page.locator('.choice-meta').first().textContent()).toMatch(/^30 min · \$\s?15\.000,00$/);
    await page.locator('.choice').filter({ has: page.locator('.choice-title', { hasText: /^Corte$/ }) }).tap();

    await atStep(page, '¿Con quién?');
    expect(await page.locator('.step-count').textContent()).toBe('Paso 2 de 6');
    await page.getByRole('button', { name: 'Matías Fernández' }).tap();

    await atStep(page, '¿Qué día?', 'booking-day-phone');
    // Same clock as the shop's (the browser may name the zone America/Buenos_Aires): no second clock.
    expect(await page.locator('.zone-note').textContent()).toMatch(/^Horarios en tu zona horaria: Buenos Aires \(GMT-3\)\.$/);
    const today = page.locator('.day').first();
    expect(await today.textContent()).toMatch(/^miércoles, \d+ de \p{L}+mié, \d+ \p{L}+\d+ horarios$/u);
    await today.tap();

    await atStep(page, '¿A qué hora?', 'booking-time-phone');
    expect(await page.locator('.time-business').count()).toBe(0);
    const first = page.locator('.time').first();
    const time = await first.textContent();
    expect(time).toMatch(/^1\d:\d{2}$/);
    await first.tap();

    await atStep(page, 'Tus datos');
    expect(await page.locator('.chosen').textContent()).toContain(`Corte · Matías Fernández · miércoles`);
    await page.getByRole('button', { name: 'Continuar' }).tap();
    await expect.poll(() => page.locator('.field.invalid').count()).toBe(2);
    expect(await page.locator('#book-name-error').textContent()).toBe('Escribí tu nombre.');
    expect(await page.locator('#book-phone-error').textContent()).toBe('Dejá un celular o un e-mail.');
    expect(await focused(page)).toBe('book-name');
    await expectAccessible(page);
    await page.fill('#book-name', 'Ana Pérez');
    await page.fill('#book-phone', '11 5555-0101');
    await screenshot(page, 'booking-details-phone');
    await page.getByRole('button', { name: 'Continuar' }).tap();

    await atStep(page, 'Revisá y confirmá', 'booking-confirm-phone');
    const summary = await page.locator('.summary').textContent();
    expect(summary).toContain('Matías Fernández');
    expect(summary).toContain(`miércoles`);
    expect(summary).toContain(time!);
    expect(summary).toContain('Ana Pérez · 11 5555-0101');
    await page.getByRole('button', { name: 'Confirmar reserva' }).tap();

    await expect.poll(() => page.locator('#done-title').textContent()).toBe('¡Listo, reservaste!');
    // The calendar, open all along, shows the booking within two seconds, without a reload.
    await expect.poll(() => calendar.page.locator('.cal-booking .cal-name').allTextContents(), { timeout: 2000, interval: 100 }).toEqual(['Ana Pérez']);
    await expectAccessible(page);
    await screenshot(page, 'booking-done-phone');
    const [booking] = await bookingsOf(app, barber.key);
    expect(booking).toMatchObject({ status: 'confirmed', sourceChannel: 'booking_page', customer: { name: 'Ana Pérez' } });
    const link = await page.locator('#book-link').inputValue();
    expect(link).toMatch(new RegExp(`^${base}/book/manage/[\\w-]{20,}$`));
    const ics = await page.getByRole('link', { name: 'Agregar a mi calendario (.ics)' }).getAttribute('href');
    const file = await app.app.inject({ url: ics! });
    expect(file.headers['content-type']).toMatch(/^text\/calendar/);
    expect(file.body).toContain(`DTSTART:${booking!.start.replace(/[-:]/g, '').replace('.000', '')}`);

    // On the calendar at the time chosen, in Matías's column; on the home page too.
    expect(await calendar.page.locator(`button[data-booking="${booking!.id}"] .cal-time`).textContent()).toMatch(new RegExp(`^${time}`));
    // The staff member's home page, open all along, shows the booking without a reload.
    await expect.poll(() => staff.page.locator('.bookings .booking .customer').allTextContents(), { timeout: 5000 }).toEqual(['Ana Pérez']);
    expect(await staff.page.locator('.bookings .booking .when').textContent()).toContain(time!);
    expect(visitor.cspViolations).toEqual([]);
    await Promise.all([visitor.close(), staff.close(), calendar.close()]);
  });

  it('a business that requires consent (Kumon) refuses the booking until the box is ticked; the visitor abroad sees both clocks', async () => {
    const visitor = await openAt(browser, base, `/book/${kumon.slug}`, { locale: 'en-GB', timezoneId: 'Europe/London', now });
    const { page } = visitor;
    await atStep(page, 'What would you like to book?');
    // The visitor may switch the language; the page answers in it at once.
    await page.getByLabel('Language').selectOption('pt-BR');
    await expect.poll(() => page.locator('#step-title').textContent()).toBe('O que você quer agendar?');
    expect(await page.evaluate('document.documentElement.lang')).toBe('pt-BR');
    await page.getByLabel('Idioma').selectOption('en');
    await atStep(page, 'What would you like to book?');
    expect(await page.locator('.choice-meta').textContent()).toBe('60 min · Free');
    await page.locator('.choice').click();
    await atStep(page, 'With whom?');
    await page.getByRole('button', { name: 'Anyone available' }).click();
    await atStep(page, 'Which day?');
    expect(await page.locator('.zone-note').textContent()).toMatch(
      /^Times are in your time zone: London \(GMT(\+0)?\)\. Kumon Vila A is in another time zone: Sao Paulo \(GMT-3\)\./);
    await page.locator('.day:not([disabled])').first().click();
    await atStep(page, 'What time?', 'booking-time');
    const first = page.locator('.time').first();
    // London is three hours ahead of São Paulo in December: the centre's 09:00 is 12:00 here.
    const [mine, theirs] = [await first.locator('.time-visitor').textContent(), await first.locator('.time-business').textContent()];
    const hour = (s: string) => Number(/(\d{1,2}):\d{2}/.exec(s)![1]);
    expect((hour(mine!) - hour(theirs!) + 24) % 24).toBe(3);
    await first.click();

    await atStep(page, 'Your details');
    expect(await page.locator('.consent-text').getAttribute('lang')).toBe('pt');
    expect(await page.locator('.consent-text').textContent()).toMatch(/^Antes de começarmos/);
    expect(await page.locator('.consent .hint').textContent()).toBe('The business wrote this in its own language.');
    await page.fill('#book-name', 'Emma Clarke');
    await page.fill('#book-email', 'emma@example.co.uk');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.locator('#book-consent-error').textContent()).toBe('The business needs your consent to take your booking: tick the box.');
    expect(await focused(page)).toBe('book-consent');
    await expectAccessible(page);
    await screenshot(page, 'booking-consent');
    expect(await bookingsOf(app, kumon.key)).toEqual([]);

    await page.check('#book-consent');
    await page.getByRole('button', { name: 'Continue' }).click();
    await atStep(page, 'Check and confirm');
    expect(await page.locator('.when-business').textContent()).toMatch(/ there$/);
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await expect.poll(() => page.locator('#done-title').textContent()).toBe('You are booked!');
    await expectAccessible(page);
    await screenshot(page, 'booking-done');
    const [booking] = await bookingsOf(app, kumon.key);
    expect(booking).toMatchObject({ sourceChannel: 'booking_page', customer: { name: 'Emma Clarke' } });
    expect(visitor.cspViolations).toEqual([]);
    await visitor.close();
  });
});
