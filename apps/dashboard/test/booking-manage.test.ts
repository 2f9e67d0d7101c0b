import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../api/test/harness/app';
import { bookAsVisitor, bookingPageSuite, bookingsOf, focused, openAt } from './booking-support';
import { expectAccessible, phone, screenshot } from './support';

const BA = 'America/Argentina/Buenos_Aires';
const SP = 'America/Sao_Paulo';
let app: TestApp;
let browser: Browser;
let base = '';
let now = 0;
let barber: { key: string; slug: string };
let kumon: { key: string; slug: string };
const dateIn = (ms: number, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(ms);

beforeAll(async () => {
  ({ app, browser, base, now, tenants: [barber, kumon] } = await bookingPageSuite(['barberpro-palermo', 'kumon-vila-a']));
});
afterAll(async () => browser?.close());

describe("the booking's manage link", () => {
  it('shows the booking, moves it to another time with the same barber, then cancels it (Spanish, on a phone)', async () => {
    const lucas = ((await app.app.inject({ url: `/v1/book/${barber.slug}` })).json().services[0].resources as { id: string; name: string }[])
      .find((r) => r.name === 'Lucas Romero')!;
    const booked = await bookAsVisitor(app, barber.slug, { date: dateIn(now + 86_400_000, BA), timeZone: BA, resourceId: lucas.id, name: 'Ana Pérez' });
    const visitor = await openAt(browser, base, `/book/manage/${booked.manageToken}`, { ...phone, locale: 'es-AR', timezoneId: BA, now });
    const { page } = visitor;
    await expect.poll(() => page.locator('.status').textContent()).toBe('Confirmada');
    expect(await page.locator('h1').textContent()).toBe('BarberPro Palermo');
    expect(await page.locator('.summary').textContent()).toContain('Lucas Romero');
    expect(await page.locator('.policy').textContent()).toMatch(/^Podés cambiarla o cancelarla por internet hasta jueves, \d+ de \p{L}+ de \d{4}, \d{2}:\d{2}\.$/u);
    await expectAccessible(page);
    await screenshot(page, 'booking-manage-phone');

    await page.getByRole('button', { name: 'Cambiar el horario' }).tap();
    await expect.poll(() => focused(page)).toBe('move-title');
    expect(await page.getByLabel('Con').inputValue()).toBe(lucas.id); // the same barber unless the visitor says anyone
    await page.locator('.move .day:not([disabled])').nth(1).tap();
    const time = page.locator('.move .time').last();
    const label = (await time.textContent())!;
    await time.tap();
    await expectAccessible(page);
    await screenshot(page, 'booking-move-phone');
    await page.getByRole('button', { name: /^Pasar a / }).tap();
    await expect.poll(() => page.locator('.status').textContent()).toBe('Listo: tu reserva tiene un nuevo horario.');
    const [moved] = await bookingsOf(app, barber.key);
    expect(moved!.start).not.toBe(booked.start);
    expect(moved!.resourceIds).toEqual([lucas.id]);
    expect(await page.locator('.summary').textContent()).toContain(label);

    await page.getByRole('button', { name: 'Cancelar reserva' }).tap();
    await expect.poll(() => focused(page)).toBe('cancel-ask');
    expect(await page.locator('#cancel-ask').textContent()).toBe('¿Cancelar esta reserva? El horario queda libre para otras personas.');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Sí, cancelarla' }).tap();
    await expect.poll(() => page.locator('.status').textContent()).toBe('Esta reserva está cancelada.');
    expect((await bookingsOf(app, barber.key))[0]!.status).toBe('cancelled');
    expect(await page.getByRole('button', { name: 'Cancelar reserva' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Reservar de nuevo' }).getAttribute('href')).toBe(`/book/${barber.slug}`);
    expect(visitor.cspViolations).toEqual([]);
    await visitor.close();
  });

  it("says when it is too late under the business's policy, with the deadline, in the visitor's words", async () => {
    // Kumon lets customers change a visit online up to two hours before it.
    const booked = await bookAsVisitor(app, kumon.slug, { date: dateIn(now, SP), timeZone: SP, name: 'Carla Souza', consent: true, pick: 'last' });
    const start = Date.parse(booked.start);
    const visitor = await openAt(browser, base, `/book/manage/${booked.manageToken}`, { locale: 'pt-BR', timezoneId: SP, now });
    const { page } = visitor;
    await expect.poll(() => page.locator('.status').textContent()).toBe('Confirmado');
    const deadline = new Intl.DateTimeFormat('pt-BR', { timeZone: SP, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(start - 120 * 60_000);
    expect(await page.locator('.policy').textContent()).toContain(`até quarta-feira`);
    expect(await page.locator('.policy').textContent()).toContain(deadline);

    // The page stays open past the deadline; the customer then tries to cancel.
    app.clock.set(start - 60 * 60_000);
    await page.getByRole('button', { name: 'Cancelar agendamento' }).click();
    await page.getByRole('button', { name: 'Sim, cancelar' }).click();
    await expect.poll(() => page.locator('.book-problem').textContent()).toMatch(
      new RegExp(`^As alterações pela internet encerraram em quarta-feira, \\d+ de \\p{L}+ de \\d{4}, ${deadline}\\. Para mudar este agendamento, fale com Kumon Vila A\\.$`, 'u'));
    expect((await bookingsOf(app, kumon.key))[0]!.status).toBe('confirmed');

    // Opened again: no buttons to change it, the same words.
    await page.clock.setFixedTime(start - 60 * 60_000);
    await page.reload();
    await expect.poll(() => page.locator('.policy').textContent()).toMatch(/^As alterações pela internet encerraram em .*, fale com Kumon Vila A\.$/);
    expect(await page.getByRole('button', { name: 'Cancelar agendamento' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Adicionar à minha agenda (.ics)' }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'booking-too-late');
    app.clock.set(now);
    await visitor.close();
  });

  it('a link that leads nowhere says so in the visitor’s words', async () => {
    const visitor = await openAt(browser, base, `/book/manage/${'x'.repeat(43)}`, { locale: 'en-GB', now });
    await expect.poll(() => visitor.page.locator('.book-problem').textContent()).toBe('This link does not lead to a booking. Check that you copied the whole link.');
    const unknown = await openAt(browser, base, '/book/no-such-business', { locale: 'es-AR', now });
    await expect.poll(() => unknown.page.locator('.book-problem').textContent()).toBe('No encontramos esta página de reservas. Revisá la dirección que te pasaron.');
    await expectAccessible(unknown.page);
    await Promise.all([visitor.close(), unknown.close()]);
  });
});
