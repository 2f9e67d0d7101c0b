import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../../api/test/harness/app';
import { asSignedIn, inviteAndJoin, login } from '../../api/test/harness/staff';
import { openAt } from './booking-support';
import { expectAccessible, launchBrowser, openDashboard, openWednesday, phone, screenshot } from './support';
import { bookAt, bookingNow, drag, hhmm, pointIn, resourcesOf, serviceNamed, signIn, textOf } from './calendar-support';

const BA = 'America/Argentina/Buenos_Aires';
let app: TestApp;
let browser: Browser;
let base = '';
let barber: { key: string; email: string };

beforeAll(async () => {
  app = await startTestApp();
  const { key } = await seedTenant(app, 'barberpro-palermo');
  const manager = await inviteAndJoin(app, app.auth(key), { email: 'sofia@barberpro.test', role: 'manager', name: 'Sofía Gómez' });
  barber = { key, email: manager.email };
  base = await app.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const block = (page: Page, bookingId: string) => page.locator(`button[data-booking="${bookingId}"]`);
const grabPoint = async (page: Page, bookingId: string, at: 'body' | 'bottom' = 'body') => {
  const box = (await block(page, bookingId).first().boundingBox())!;
  return { x: box.x + box.width / 2, y: at === 'body' ? box.y + 8 : box.y + box.height - 3 };
};

describe('the calendar (BarberPro, Buenos Aires, in Spanish)', () => {
  it('a manager drags a booking, sees a clash refused with the reason, resizes, moves with the keyboard, books a free time and asks why a closed one is not bookable', async () => {
    const corte = await serviceNamed(app, barber.key, 'Corte');
    const { now } = await openWednesday(app, [{ key: barber.key, serviceId: corte }]);
    const date = new Date(now).toISOString().slice(0, 10);
    const at = (hm: string) => new Date(`${date}T${hm}:00-03:00`).toISOString().replace('.000Z', 'Z');
    const people = await resourcesOf(app, barber.key);
    const matias = people.get('Matías Fernández')!;
    const lucas = people.get('Lucas Romero')!;
    const ana = await bookAt(app, barber.key, { serviceId: corte, start: at('10:00'), resourceIds: [matias], name: 'Ana Torres' });
    await bookAt(app, barber.key, { serviceId: corte, start: at('11:00'), resourceIds: [lucas], name: 'Bia Sosa' });

    const dash = await openDashboard(browser, base, { locale: 'es-AR', path: `/app/calendar?view=day&date=${date}` });
    const { page } = dash;
    await signIn(page, barber.email);
    await expect.poll(() => block(page, ana.id).count()).toBe(1);
    expect(await page.locator('.cal-head').allTextContents()).toEqual(expect.arrayContaining(['Matías Fernández', 'Lucas Romero']));

    // Drag Ana's haircut two hours later, same barber.
    const from = await grabPoint(page, ana.id);
    await drag(page, from, { x: from.x, y: from.y + 120 });
    await expect.poll(() => bookingNow(app, barber.key, ana.id).then((b) => b.start)).toBe(at('12:00'));
    await expect.poll(() => block(page, ana.id).locator('.cal-time').textContent()).toMatch(/^12:00\s?–\s?12:30$/);
    await expect.poll(() => textOf(page, '.cal-outcome')).toContain('El turno de Ana Torres ahora es');

    // Drag it onto Lucas at 11:00, where Bia is: refused, in Spanish, naming the clash; it stays put.
    const lucasAt11 = await pointIn(page, lucas, date, 11 * 60 + 8);
    const again = await grabPoint(page, ana.id);
    await drag(page, again, lucasAt11);
        await expect.poll(() => textOf(page, '.cal-refusal')).toContain('El turno de Ana Torres no se movió. Este horario no se puede reservar.');
    expect(await page.locator('.cal-refusal li').allTextContents()).toContainEqual(expect.stringMatching(/^Lucas Romero ya tiene un turno en ese horario \(Bia Sosa, 11:00\s?–\s?11:30\)\.$/));
    expect(await bookingNow(app, barber.key, ana.id)).toMatchObject({ start: at('12:00'), resourceIds: [matias] });
    await expect.poll(() => page.locator(`[data-column="${matias}|${date}"] button[data-booking="${ana.id}"]`).count()).toBe(1);

    // Drag its bottom edge half an hour down: an hour long.
    const edge = await grabPoint(page, ana.id, 'bottom');
    await drag(page, edge, { x: edge.x, y: edge.y + 30 });
    await expect.poll(() => bookingNow(app, barber.key, ana.id).then((b) => b.end)).toBe(at('13:00'));

    // Without a mouse: Enter on the booking opens it; move it to 16:30 for 30 minutes.
    await block(page, ana.id).focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog[open]');
    await expect.poll(() => dialog.locator('h2').textContent()).toBe('Turno: Ana Torres');
    await dialog.getByLabel('Hora de inicio').fill('16:30');
    await dialog.getByLabel('Duración en minutos').fill('30');
    await dialog.getByLabel('Duración en minutos').press('Enter');
    await expect.poll(() => bookingNow(app, barber.key, ana.id)).toMatchObject({ start: at('16:30'), end: at('17:00') });
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);

    // Click a free time: bookable; book it.
    await page.mouse.click(...xy(await pointIn(page, lucas, date, 17 * 60 + 5)));
    await expect.poll(() => textOf(page, 'dialog[open] .cal-explain')).toBe('Este horario se puede reservar.');
    await dialog.getByLabel('Nombre del cliente').fill('Carla Díaz');
    await dialog.getByRole('button', { name: 'Dar turno' }).click();
    await expect.poll(() => page.locator('.cal-booking', { hasText: 'Carla Díaz' }).count()).toBe(1);
    expect(await page.locator('.cal-booking', { hasText: 'Carla Díaz' }).locator('.cal-time').textContent()).toMatch(/^17:00/);

    // Click the midday break: why not, in words.
    await page.mouse.click(...xy(await pointIn(page, matias, date, 14 * 60 + 5)));
    await expect.poll(() => dialog.locator('.cal-explain li').allTextContents()).toContain('Matías Fernández no trabaja en este horario.');
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);

    await expectAccessible(page);
    await screenshot(page, 'calendar');
    await page.getByRole('button', { name: 'Semana' }).click();
    await expect.poll(() => page.locator('.cal-hour').count()).toBe(24);
    await expect.poll(() => block(page, ana.id).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'calendar-week');
    expect(dash.cspViolations).toEqual([]);
    await dash.close();

    const small = await openDashboard(browser, base, { ...phone, locale: 'es-AR', path: `/app/calendar?view=day&date=${date}` });
    await signIn(small.page, barber.email);
    await expect.poll(() => block(small.page, ana.id).count()).toBe(1);
    await expectAccessible(small.page);
    await screenshot(small.page, 'calendar-phone');
    await small.close();
  });

  it('shows a booking made elsewhere (and a hold) on the open calendar within a second, without a reload', async () => {
    const corte = await serviceNamed(app, barber.key, 'Corte');
    const { now } = await openWednesday(app, [{ key: barber.key, serviceId: corte }]);
    const date = new Date(now + 7 * 86_400_000).toISOString().slice(0, 10);
    const at = (hm: string) => new Date(`${date}T${hm}:00-03:00`).toISOString().replace('.000Z', 'Z');
    const nico = (await resourcesOf(app, barber.key)).get('Nicolás «Nico» Herrera')!;
    const dash = await openDashboard(browser, base, { locale: 'es-AR', path: `/app/calendar?view=day&date=${date}` });
    const { page } = dash;
    await signIn(page, barber.email);
    await expect.poll(() => page.locator('.cal-live').textContent()).toBe('En vivo');
    await page.evaluate('window.__stillThisPage = true');

    const started = Date.now();
    const made = await bookAt(app, barber.key, { serviceId: corte, start: at('18:00'), resourceIds: [nico], name: 'Dario por WhatsApp', channel: 'whatsapp' });
    await expect.poll(() => block(page, made.id).count(), { timeout: 2000, interval: 25 }).toBe(1);
    const elapsed = Date.now() - started;
    expect(await block(page, made.id).locator('.cal-time').textContent()).toMatch(/^18:00/);
    expect(hhmm(made.start, BA)).toBe('18:00');

    const hold = await app.app.inject({ method: 'POST', url: '/v1/holds', headers: app.auth(barber.key), payload: { serviceId: corte, start: at('19:00'), resourceIds: [nico] } });
    expect(hold.statusCode).toBe(201);
    await expect.poll(() => page.locator(`[data-column="${nico}|${date}"] .cal-hold`).count(), { timeout: 2000 }).toBe(1);
    expect(await page.evaluate('window.__stillThisPage')).toBe(true);
    console.info(`calendar: a booking made through the API appeared on the open calendar after ${elapsed} ms`);
    await dash.close();
  });

  it('updates the home page’s list of today’s bookings live too (the shell’s one stream)', async () => {
    const corte = await serviceNamed(app, barber.key, 'Corte');
    const { now, arrive } = await openWednesday(app, [{ key: barber.key, serviceId: corte }]);
    const date = new Date(now).toISOString().slice(0, 10);
    const dash = await openDashboard(browser, base, { locale: 'es-AR', now });
    const { page } = dash;
    await signIn(page, barber.email, '#today-heading');
    // Once today's list has loaded (its heading stops saying "Cargando…").
    await expect.poll(() => page.locator('#today-heading').textContent(), { timeout: 5000 }).not.toBe('Cargando…');
    const before = await page.locator('li.booking').count();
    arrive();
    await bookAt(app, barber.key, { serviceId: corte, start: new Date(`${date}T19:30:00-03:00`).toISOString(), name: 'Elena por Instagram', channel: 'instagram' });
    await expect.poll(() => page.locator('li.booking', { hasText: 'Elena por Instagram' }).count(), { timeout: 2000 }).toBe(1);
    expect(await page.locator('li.booking').count()).toBe(before + 1);
    await dash.close();
  });

  it('a manager marks a no-show and cancels with a reason from the details; the API\'s refusal is in words; an open viewer calendar follows live and offers no buttons', async () => {
    const corte = await serviceNamed(app, barber.key, 'Corte');
    const { now } = await openWednesday(app, [{ key: barber.key, serviceId: corte }]);
    const date = new Date(now + 14 * 86_400_000).toISOString().slice(0, 10);
    const at = (hm: string) => new Date(`${date}T${hm}:00-03:00`).toISOString().replace('.000Z', 'Z');
    const nico = (await resourcesOf(app, barber.key)).get('Nicolás «Nico» Herrera')!;
    const missed = await bookAt(app, barber.key, { serviceId: corte, start: at('10:00'), resourceIds: [nico], name: 'Ana Falta' });
    const gone = await bookAt(app, barber.key, { serviceId: corte, start: at('12:30'), resourceIds: [nico], name: 'Beto Doble' });
    const later = await bookAt(app, barber.key, { serviceId: corte, start: at('18:00'), resourceIds: [nico], name: 'Ceci Cancela' });
    const clock = Date.parse(at('11:30'));
    app.clock.set(clock);
    // Sessions of that day (the app's clock is weeks ahead of when the manager first signed in).
    const manager = asSignedIn(await login(app, barber.email), barber.email);
    const viewer = await inviteAndJoin(app, app.auth(barber.key), { email: 'vera@barberpro.test', role: 'viewer', name: 'Vera Paz' });
    const path = `/app/calendar?view=day&date=${date}`;
    const [mine, theirs] = await Promise.all([openAt(browser, base, path, { person: manager, locale: 'es-AR', now: clock }),
      openAt(browser, base, path, { person: viewer, locale: 'es-AR', now: clock })]);
    const { page } = mine;
    await expect.poll(() => block(page, missed.id).count(), { timeout: 10_000 }).toBe(1).catch(async (err: unknown) => {
      throw new Error(`no booking on the calendar: ${await page.locator('main').innerText()}`, { cause: err });
    });
    await expect.poll(() => theirs.page.locator('.cal-live').textContent()).toBe('En vivo');

    // Ana's 10:00 has begun: she did not come.
    await block(page, missed.id).click();
    const dialog = page.locator('dialog.cal-dialog');
    await expect.poll(() => dialog.locator('.cal-status h3').textContent()).toBe('Qué pasó');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Marcar ausente' }).click();
    await expect.poll(() => textOf(page, '.cal-outcome')).toBe('El turno de Ana Falta ahora está ausente.');
    expect((await bookingNow(app, barber.key, missed.id) as unknown as { status: string }).status).toBe('no_show');
    await expect.poll(() => block(theirs.page, missed.id).getAttribute('class'), { timeout: 2000 }).toContain('status-no_show');

    // Ceci's 18:00 has not begun: only cancelling is offered, with a reason.
    await block(page, later.id).click();
    await expect.poll(() => dialog.locator('.cal-status .hint').textContent()).toBe('Completado y ausente se pueden marcar una vez que empezó el turno.');
    expect(await dialog.getByRole('button', { name: 'Marcar ausente' }).count()).toBe(0);
    await dialog.getByLabel('Motivo de la cancelación (opcional)').fill('Avisó que está enferma');
    await dialog.getByRole('button', { name: 'Cancelar el turno' }).click();
    await expect.poll(() => textOf(page, '.cal-outcome')).toBe('El turno de Ceci Cancela ahora está cancelado.');
    expect(await bookingNow(app, barber.key, later.id)).toMatchObject({ status: 'cancelled', cancellationReason: 'Avisó que está enferma' });
    await expect.poll(() => block(theirs.page, later.id).count(), { timeout: 2000 }).toBe(0);

    // Beto's booking is cancelled elsewhere while his details are open: the API refuses, in words.
    await block(page, gone.id).click();
    await expect.poll(() => dialog.getByRole('button', { name: 'Cancelar el turno' }).count()).toBe(1);
    const elsewhere = await app.app.inject({ method: 'POST', url: `/v1/bookings/${gone.id}/cancel`, headers: app.auth(barber.key), payload: { overridePolicy: true } });
    expect(elsewhere.statusCode, elsewhere.body).toBe(200);
    await dialog.getByRole('button', { name: 'Cancelar el turno' }).click();
    await expect.poll(() => textOf(page, 'dialog .cal-refusal')).toBe('El turno de Beto Doble no cambió. Este turno está cancelado o ya terminó.');
    await expectAccessible(page);

    // The viewer reads the details but is offered no change.
    await block(theirs.page, missed.id).click();
    await expect.poll(() => theirs.page.locator('dialog.cal-dialog h2').textContent()).toBe('Turno: Ana Falta');
    expect(await theirs.page.locator('dialog .cal-status').count()).toBe(0);
    expect(await theirs.page.locator('dialog button').allTextContents()).toEqual(['Cerrar']);
    await Promise.all([mine.close(), theirs.close()]);
  });
});

const xy = (p: { x: number; y: number }): [number, number] => [p.x, p.y];
