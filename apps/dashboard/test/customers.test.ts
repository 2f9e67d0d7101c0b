import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../../api/test/harness/app';
import { inviteAndJoin, type SignedIn } from '../../api/test/harness/staff';
import { expectAccessible, firstService, launchBrowser, phone, screenshot, slots } from './support';
import { api, customerWrites, until, openAs, type Customer } from './leads-support';

// BarberPro in Buenos Aires, its staff reading Spanish (Argentina).
const BA = 'America/Argentina/Buenos_Aires';
let app: TestApp;
let browser: Browser;
let base = '';
let key = '';
let lucia: SignedIn;
let eva: SignedIn;
let vera: SignedIn;
let juan: Customer;
let carla: Customer;
let booked: { id: string; start: string };

beforeAll(async () => {
  app = await startTestApp({ workers: true });
  ({ key } = await seedTenant(app, 'barberpro-palermo'));
  lucia = await inviteAndJoin(app, app.auth(key), { email: 'lucia@barberpro.test', role: 'manager', name: 'Lucía Gómez' });
  eva = await inviteAndJoin(app, app.auth(key), { email: 'eva@barberpro.test', role: 'agent', name: 'Eva Sosa' });
  vera = await inviteAndJoin(app, app.auth(key), { email: 'vera@barberpro.test', role: 'viewer', name: 'Vera Paz' });
  app.clock.set(Date.parse('2026-11-25T13:00:00Z')); // Wednesday 10:00 in Buenos Aires
  juan = await customerWrites(app, key, 'barberpro-palermo', 'Hola, quiero un corte el viernes', { name: 'Juan Pérez', phone: '+54 9 11 5555-4321' });
  carla = await customerWrites(app, key, 'barberpro-palermo', '¿Cuánto sale la barba?', { name: 'Carla Ruiz', phone: '+54 9 11 4444-8765' });
  expect((await api(app, key).patch(`/v1/contacts/${carla.contactId}`, { email: 'carla@example.com' })).statusCode).toBe(200);
  // Juan books on Friday at the first free time: the booking joins his lead (same phone).
  const serviceId = await firstService(app, key);
  const friday = Date.parse('2026-11-27T12:00:00Z');
  const [slot] = await slots(app, key, serviceId, friday, friday + 10 * 3600_000);
  const res = await app.app.inject({ method: 'POST', url: '/v1/bookings', headers: app.auth(key),
    payload: { serviceId, start: slot!.start, customer: { name: 'Juan Pérez', phone: '+5491155554321' }, sourceChannel: 'dashboard' } });
  expect(res.statusCode, res.body).toBe(201);
  booked = res.json();
  await until(async () => ((await api(app, key).get(`/v1/leads/${juan.leadId}`)).json().bookingIds as string[]).includes(booked.id), 'the booking on the lead');
  base = await app.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const baTime = (iso: string) => new Intl.DateTimeFormat('es-AR', { timeZone: BA, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

describe('customers', () => {
  it('a manager finds a customer by phone digits, corrects the name, downloads the export, and asks for and approves an erasure', async () => {
    const dash = await openAs(browser, base, lucia, { locale: 'es-AR', path: '/app/customers' });
    const { page } = dash;
    await expect.poll(() => page.locator('h1').textContent()).toBe('Clientes');
    await expect.poll(() => page.locator('.customer-row .name').allTextContents()).toEqual(expect.arrayContaining(['Juan Pérez', 'Carla Ruiz']));

    const search = page.getByLabel('Buscar clientes');
    await search.fill('432');
    await expect.poll(() => page.locator('.customer-search .hint').textContent()).toBe('Escribí al menos 4 dígitos del teléfono.');
    await search.fill('4321');
    await expect.poll(() => page.locator('#results-heading').textContent()).toBe('1 cliente encontrado');
    expect(await page.locator('.customer-row .name').allTextContents()).toEqual(['Juan Pérez']);
    await search.fill('carla@example.com');
    await expect.poll(() => page.locator('.customer-row .name').allTextContents()).toEqual(['Carla Ruiz']);
    await search.fill('+54 9 11 5555-4321');
    await expect.poll(() => page.locator('.customer-row .name').allTextContents()).toEqual(['Juan Pérez']);
    await page.locator('.customer-row', { hasText: 'Juan Pérez' }).click();

    await expect.poll(() => page.locator('h1').textContent()).toBe('Juan Pérez');
    expect(await page.locator('.contact-phone').textContent()).toBe('+5491155554321');
    await expect.poll(() => page.locator('.customer-bookings li').count()).toBe(1);
    expect(await page.locator('.customer-bookings li').textContent()).toContain(baTime(booked.start));
    await expect.poll(() => page.locator('.lead-brief .lead-facts').textContent()).toMatch(/Con turno|En conversación|Nuevo|Calificado/);

    // The name, corrected.
    await page.getByRole('button', { name: 'Editar datos' }).click();
    await page.getByLabel('Nombre').fill('Juan Carlos Pérez');
    await page.getByRole('button', { name: 'Guardar datos' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Juan Carlos Pérez');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Datos guardados.' }).count()).toBe(1);
    expect((await api(app, key).get(`/v1/contacts/${juan.contactId}`)).json().name).toBe('Juan Carlos Pérez');
    await expectAccessible(page);
    await screenshot(page, 'customer');

    // Everything about him, as a zip.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Descargar todos los datos (zip)' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^contact-${juan.contactId}-.+\\.zip$`));
    const zip = fs.readFileSync((await download.path())!);
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    expect(zip.includes('data.json')).toBe(true);

    // He asks to be forgotten: the request, then the approval.
    await page.getByRole('button', { name: 'Pedir el borrado' }).click();
    await page.getByLabel('Motivo (opcional)').fill('Lo pidió por teléfono');
    await page.getByRole('button', { name: 'Enviar el pedido' }).click();
    await expect.poll(() => page.locator('.erasure-pending .erasure-state').textContent()).toMatch(/^Borrado pedido por el equipo el .+: espera a un encargado\.$/);
    const requests = () => api(app, key).get('/v1/privacy/erasure-requests').then((r) => r.json().items as { contactId: string; status: string; pseudonym: string | null }[]);
    expect((await requests()).filter((r) => r.contactId === juan.contactId).map((r) => r.status)).toEqual(['pending']);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Aprobar y borrar' }).click();
    await expect.poll(() => page.locator('.erasure-state').first().textContent()).toMatch(/ahora figura como erased-[0-9a-f]{8}\.$/);
    const [done] = (await requests()).filter((r) => r.contactId === juan.contactId);
    expect(done).toMatchObject({ status: 'completed' });
    await expect.poll(() => page.locator('h1').textContent()).toBe(`${done!.pseudonym}Datos borrados`);
    expect(await page.getByRole('button', { name: 'Editar datos' }).count()).toBe(0);
    expect(await page.locator('.contact-phone').textContent()).toBe('—');
    expect(dash.cspViolations).toEqual([]);
    await dash.close();
  });

  it('an agent may ask for an erasure but not approve it or download the data', async () => {
    const dash = await openAs(browser, base, eva, { locale: 'es-AR', path: `/app/customers/${carla.contactId}` });
    const { page } = dash;
    await expect.poll(() => page.locator('h1').textContent()).toBe('Carla Ruiz');
    expect(await page.getByRole('link', { name: 'Descargar todos los datos (zip)' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Pedir el borrado' }).click();
    await page.getByRole('button', { name: 'Enviar el pedido' }).click();
    await expect.poll(() => page.locator('.erasure-pending .hint').textContent()).toBe('Un encargado o dueño tiene que aprobarlo.');
    expect(await page.getByRole('button', { name: 'Aprobar y borrar' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Editar datos' }).count()).toBe(1);
    await dash.close();
  });

  it('a viewer reads a profile on a phone, without any change buttons', async () => {
    const dash = await openAs(browser, base, vera, { ...phone, locale: 'es-AR', path: `/app/customers/${carla.contactId}` });
    const { page } = dash;
    await expect.poll(() => page.locator('h1').textContent()).toBe('Carla Ruiz');
    await expect.poll(() => page.locator('.lead-brief a').count()).toBe(1);
    expect(await page.locator('.profile button').count()).toBe(0);
    expect(await page.locator('.privacy').count()).toBe(0);
    expect(await page.locator('.contact-email').textContent()).toBe('carla@example.com');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await expectAccessible(page);
    await screenshot(page, 'customer-phone');
    // The API refuses a viewer's change anyway.
    const refused = await app.app.inject({ method: 'PATCH', url: `/v1/contacts/${carla.contactId}`, cookies: vera.cookies, headers: vera.headers, payload: { name: 'X' } });
    expect(refused.statusCode).toBe(403);
    await dash.close();
  });

  it('flags a regular who stopped coming, with why, on the customers list, the profile and the home page', async () => {
    // Marta came every three weeks on Wednesdays at 12:00; her last cut was on 14 October, 42 days before "today".
    const serviceId = await firstService(app, key);
    const today = app.clock.now();
    for (const [i, date] of ['2026-09-02', '2026-09-23', '2026-10-14'].entries()) {
      const start = `${date}T15:00:00Z`;
      app.clock.set(Date.parse(start) - 3 * 86_400_000);
      const customer = { name: 'Marta Díaz', phone: '+5491155557777' };
      const res = i === 0 // the first on the public page, which makes her a contact; then at the counter
        ? await app.app.inject({ method: 'POST', url: '/v1/book/barberpro-palermo/bookings', payload: { serviceId, start, customer } })
        : await app.app.inject({ method: 'POST', url: '/v1/bookings', headers: app.auth(key), payload: { serviceId, start, customer, sourceChannel: 'dashboard' } });
      expect(res.statusCode, res.body).toBe(201);
      app.clock.set(Date.parse(start) + 2 * 3_600_000);
      expect((await api(app, key).patch(`/v1/bookings/${res.json().id}`, { status: 'completed' })).statusCode).toBe(200);
    }
    app.clock.set(today);
    const why = /^42 días desde la última visita; suele venir cada 21 días \(en riesgo desde 15 (de )?nov\.? (de )?2026\)$/;

    const dash = await openAs(browser, base, eva, { locale: 'es-AR', path: '/app/customers' });
    const { page } = dash;
    await expect.poll(() => page.locator('#at-risk-heading').textContent()).toBe('Clientes en riesgo');
    await expect.poll(() => page.locator('.at-risk-list li a').allTextContents()).toEqual(['Marta Díaz']);
    expect(await page.locator('.at-risk-list .at-risk-reason').textContent()).toMatch(why);
    const row = page.locator('.customer-row', { hasText: 'Marta Díaz' });
    expect(await row.locator('.badge.at-risk').textContent()).toBe('En riesgo');
    expect(await page.locator('.customer-row .badge.at-risk').count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'customers-at-risk');

    await page.locator('.at-risk-list a').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Marta DíazEn riesgo');
    expect(await page.locator('.at-risk-note').textContent()).toMatch(why);
    await expectAccessible(page);

    await page.goto(`${base}/app/`);
    await expect.poll(() => page.locator('#home-at-risk-heading').textContent()).toBe('1 cliente en riesgo');
    expect(await page.locator('.at-risk-list li a').allTextContents()).toEqual(['Marta Díaz']);
    await expectAccessible(page);
    await dash.close();
  });
});
