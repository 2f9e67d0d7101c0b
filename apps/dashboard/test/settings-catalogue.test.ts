import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../../api/test/harness/app';
import { inviteAndJoin, type SignedIn } from '../../api/test/harness/staff';
import { expectAccessible, launchBrowser, screenshot, slots } from './support';
import { api, openAs } from './leads-support';

// BarberPro in Buenos Aires (UTC-3 all year), its staff reading Spanish (Argentina).
const BA = 'America/Argentina/Buenos_Aires';
const NOW = Date.parse('2026-11-25T13:00:00Z'); // Wednesday 10:00 in Buenos Aires
/** Each page reads several lists first, on a machine that runs other suites alongside. */
const SLOW = { timeout: 10_000 };
let app: TestApp;
let browser: Browser;
let base = '';
let key = '';
let lucia: SignedIn;
let eva: SignedIn;

beforeAll(async () => {
  app = await startTestApp();
  ({ key } = await seedTenant(app, 'barberpro-palermo'));
  lucia = await inviteAndJoin(app, app.auth(key), { email: 'lucia@barberpro.test', role: 'manager', name: 'Lucía Gómez' });
  eva = await inviteAndJoin(app, app.auth(key), { email: 'eva@barberpro.test', role: 'agent', name: 'Eva Sosa' });
  app.clock.set(NOW);
  base = await app.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const baTimes = (items: { start: string }[]) =>
  items.map((s) => new Intl.DateTimeFormat('es-AR', { timeZone: BA, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(s.start)));
/** A local day in Buenos Aires as an instant range. */
const baDay = (date: string) => [Date.parse(`${date}T03:00:00Z`), Date.parse(`${date}T03:00:00Z`) + 24 * 3600_000] as const;

describe('settings: business, locations, staff hours and services', () => {
  it('a manager sets up a new barber with hours and a day off and a priced service, which customers can then book', async () => {
    const { page, cspViolations, close } = await openAs(browser, base, lucia, { locale: 'es-AR', path: '/app/settings/business', now: NOW });

    // Business details and the booking page's notice.
    await expect.poll(() => page.getByRole('heading', { name: 'Datos del negocio' }).count(), SLOW).toBe(1);
    await expect.poll(() => page.getByLabel('Nombre').inputValue(), SLOW).toBe('BarberPro Palermo');
    expect(await page.getByLabel('Zona horaria').inputValue()).toBe(BA);
    expect(await page.getByLabel('Moneda').inputValue()).toBe('ARS');
    await page.getByLabel('Nombre').fill('BarberPro Palermo Soho');
    await page.getByRole('button', { name: 'Guardar' }).first().click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Guardado.' }).count(), SLOW).toBe(1);
    expect((await api(app, key).get('/v1/tenant')).json()).toMatchObject({ name: 'BarberPro Palermo Soho', timeZone: BA, currency: 'ARS' });
    await expect.poll(() => page.getByLabel('Anticipación para cambios online (horas)').inputValue(), SLOW).not.toBe('');
    await page.getByLabel('Anticipación para cambios online (horas)').fill('12');
    await page.getByRole('button', { name: 'Guardar' }).nth(1).click();
    await expect.poll(async () => (await api(app, key).get('/v1/booking-page/settings')).json().changeNoticeMinutes, SLOW).toBe(720);
    await expectAccessible(page);
    await screenshot(page, 'settings-business');

    // A second location.
    await page.getByRole('link', { name: 'Sucursales' }).click();
    await page.getByRole('button', { name: 'Agregar una sucursal' }).click();
    await page.getByLabel('Nombre').fill('BarberPro Belgrano');
    await page.getByLabel('Dirección').fill('Av. Cabildo 2000');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await expect.poll(() => page.locator('.location-row .row-name').allTextContents(), SLOW).toEqual(['BarberPro Palermo Soho', 'BarberPro Belgrano']);
    const belgrano = ((await api(app, key).get('/v1/locations')).json().items as { id: string; name: string; address: string; timeZone: string }[])
      .find((l) => l.name === 'BarberPro Belgrano')!;
    expect(belgrano).toMatchObject({ address: 'Av. Cabildo 2000', timeZone: BA });
    await expectAccessible(page);

    // A barber there, Monday to Friday 09:00–13:00 and 14:00–20:00, off on Friday 27 November.
    await page.getByRole('link', { name: 'Equipo y recursos' }).click();
    await page.getByRole('button', { name: 'Agregar una persona o un recurso' }).click();
    await page.getByLabel('Nombre').fill('Tomás Acosta');
    await page.getByLabel('Sucursal').selectOption({ label: 'BarberPro Belgrano' });
    await page.getByRole('button', { name: 'Guardar' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Horario semanal de Tomás Acosta' }).count(), SLOW).toBe(1);
    await page.getByRole('button', { name: 'Agregar horario: Lunes' }).click();
    await page.getByLabel('Lunes, horario 1: hasta').fill('08:00');
    await expect.poll(() => page.locator('.weekday[data-day="mon"] .field-error').textContent(), SLOW).toBe('El fin tiene que ser después del inicio.');
    expect(await page.getByLabel('Lunes, horario 1: hasta').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Lunes, horario 1: hasta').fill('13:00');
    await expect.poll(() => page.locator('.weekday[data-day="mon"] .field-error').count(), SLOW).toBe(0);
    await page.getByRole('button', { name: 'Agregar horario: Lunes' }).click();
    await page.getByLabel('Lunes, horario 2: desde').fill('12:00');
    await page.getByLabel('Lunes, horario 2: hasta').fill('20:00');
    await expect.poll(() => page.locator('.weekday[data-day="mon"] .field-error').textContent(), SLOW).toBe('Este horario se superpone con otro del mismo día.');
    await page.getByLabel('Lunes, horario 2: desde').fill('14');
    await page.keyboard.press('Tab'); // typed the short way, written back on a 24-hour clock
    await expect.poll(() => page.getByLabel('Lunes, horario 2: desde').inputValue(), SLOW).toBe('14:00');
    await expect.poll(() => page.locator('.weekday[data-day="mon"] .field-error').count(), SLOW).toBe(0);
    await page.getByRole('button', { name: 'Copiar el lunes de martes a viernes' }).click();
    await page.getByRole('button', { name: 'Guardar horarios' }).click();
    await expect.poll(async () => ((await api(app, key).get('/v1/resources')).json().items as { name: string; schedule: { weekly: Record<string, unknown> } }[])
      .find((r) => r.name === 'Tomás Acosta')?.schedule.weekly.fri, SLOW).toEqual([['09:00', '13:00'], ['14:00', '20:00']]);
    await page.getByLabel('Fecha libre').first().fill('2026-11-27');
    await page.getByRole('button', { name: 'Agregar franco' }).click();
    await expect.poll(() => page.locator('.days-off .day-off .row-name').first().textContent(), SLOW).toBe('viernes, 27 de noviembre de 2026');
    const tomas = ((await api(app, key).get('/v1/resources')).json().items as { id: string; name: string; locationId: string; timeZone: string;
      schedule: { overrides: unknown[] } }[]).find((r) => r.name === 'Tomás Acosta')!;
    expect(tomas).toMatchObject({ locationId: belgrano.id, timeZone: BA, schedule: { overrides: [{ date: '2026-11-27', intervals: [] }] } });
    await expect.poll(() => page.locator('.resource-row .row-facts').allTextContents(), SLOW).toContain('Persona del equipo · Trabaja 5 días por semana');
    await expectAccessible(page);
    await screenshot(page, 'settings-resources');

    // A service he does, at $ 12.000 with a $ 3.000 deposit.
    await page.getByRole('link', { name: 'Servicios y precios' }).click();
    await page.getByRole('button', { name: 'Agregar un servicio' }).click();
    await page.getByLabel('Nombre').fill('Corte y perfilado');
    await page.getByLabel('Duración (minutos)').fill('60');
    await page.getByLabel('Precio (ARS)').fill('$ 12.000');
    await page.getByLabel('Seña (ARS, opcional)').fill('12.5');
    await expect.poll(() => page.locator('.field-error').textContent(), SLOW).toMatch(/^Escribí un monto como 1\.250,00\.$/);
    await page.getByLabel('Seña (ARS, opcional)').fill('3.000');
    await page.getByRole('checkbox', { name: 'Tomás Acosta' }).check();
    await page.getByRole('button', { name: 'Guardar' }).click();
    await expect.poll(() => page.locator('.service-row', { hasText: 'Corte y perfilado' }).locator('.service-price').textContent(), SLOW).toMatch(/^\$\s12\.000,00$/);
    const service = ((await api(app, key).get('/v1/services')).json().items as { id: string; name: string; price: unknown; deposit: unknown; requirements: unknown }[])
      .find((s) => s.name === 'Corte y perfilado')!;
    expect(service).toMatchObject({ price: { amount: 1200000, currency: 'ARS' }, deposit: { amount: 300000, currency: 'ARS' },
      requirements: [{ resourceIds: [tomas.id], count: 1 }], durationMinutes: 60 });
    await expectAccessible(page);
    await screenshot(page, 'settings-services');

    // A barber the services still name cannot be removed; the reason is said in words.
    await page.getByRole('link', { name: 'Equipo y recursos' }).click();
    await page.getByRole('button', { name: 'Horarios y francos: Matías Fernández' }).click();
    await page.getByRole('button', { name: 'Quitar…' }).click();
    await page.getByRole('button', { name: 'Quitar a Matías Fernández definitivamente' }).click();
    await expect.poll(() => page.locator('.remove-resource [role="alert"]').textContent(), SLOW).toBe('Hay servicios que usan este recurso. Sacalo de ellos primero.');
    expect(((await api(app, key).get('/v1/resources')).json().items as { name: string }[]).map((r) => r.name)).toContain('Matías Fernández');
    expect(cspViolations).toEqual([]);
    await close();

    // Bookable in his hours on Thursday and Monday; nothing on his Friday off.
    expect(baTimes(await slots(app, key, service.id, ...baDay('2026-11-26')))).toEqual(['09:00', '10:00', '11:00', '12:00', '14:00', '15:00', '16:00', '17:00', '18:00', '19:00']);
    expect(await slots(app, key, service.id, ...baDay('2026-11-27'))).toEqual([]);
    const monday = await slots(app, key, service.id, ...baDay('2026-11-30'));
    expect(baTimes(monday)[0]).toBe('09:00');
    const booked = await app.app.inject({ method: 'POST', url: '/v1/bookings', headers: app.auth(key),
      payload: { serviceId: service.id, start: monday[0]!.start, customer: { name: 'Juan Pérez', phone: '+5491155554321' }, sourceChannel: 'dashboard' } });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json()).toMatchObject({ resourceIds: [tomas.id], price: { amount: 1200000, currency: 'ARS' } });
  });

  it('an agent sees the settings read-only', async () => {
    const { page, close } = await openAs(browser, base, eva, { locale: 'es-AR', path: '/app/settings/services', now: NOW });
    await expect.poll(() => page.locator('.service-row .row-name').allTextContents(), SLOW).toContain('Corte y perfilado');
    expect(await page.getByText('Podés ver esta configuración; la puede cambiar un dueño o un encargado.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Agregar un servicio' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Editar/ }).count()).toBe(0);

    await page.getByRole('link', { name: 'Equipo y recursos' }).click();
    await page.getByRole('button', { name: 'Horarios y francos: Tomás Acosta' }).click();
    await expect.poll(() => page.getByLabel('Lunes, horario 2: desde').inputValue(), SLOW).toBe('14:00');
    expect(await page.getByLabel('Lunes, horario 2: desde').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Guardar horarios' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Agregar franco' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Agregar una persona o un recurso' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Negocio' }).click();
    await expect.poll(() => page.getByLabel('Nombre').inputValue(), SLOW).toBe('BarberPro Palermo Soho');
    expect(await page.getByLabel('Nombre').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Guardar' }).count()).toBe(0);
    await expectAccessible(page);
    await close();
  });
});
