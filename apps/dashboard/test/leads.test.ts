import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../../api/test/harness/app';
import { inviteAndJoin, type SignedIn } from '../../api/test/harness/staff';
import { expectAccessible, launchBrowser, phone, screenshot } from './support';
import { api, boardColumns, customerWrites, leadList, leadsIdle, openAs, staffIds, type Customer } from './leads-support';

// Speedy Van works in London. On Sunday 25 October 2026 the clocks go back at 01:00 UTC (02:00 BST
// becomes 01:00 GMT): Amelia wrote at 01:10 BST, Olivia and George at 01:20 GMT, seventy minutes later.
const at = (utc: string) => Date.parse(`2026-10-25T${utc}Z`);
const NOW = at('02:30:00');
let app: TestApp;
let browser: Browser;
let base = '';
let key = '';
let dave: SignedIn;
let vera: SignedIn;
let amelia: Customer;
let olivia: Customer;
let george: Customer;
let staff: Record<string, string>;

beforeAll(async () => {
  app = await startTestApp({ workers: true });
  ({ key } = await seedTenant(app, 'speedy-van'));
  dave = await inviteAndJoin(app, app.auth(key), { email: 'dave@speedyvan.test', role: 'agent', name: 'Dave Jones' });
  vera = await inviteAndJoin(app, app.auth(key), { email: 'vera@speedyvan.test', role: 'viewer', name: 'Vera Lynn' });
  staff = await staffIds(app, key);
  // An hour to answer any customer, whatever their temperature.
  const settings = (await api(app, key).get('/v1/leads/settings')).json();
  const hour = { hot: 60, warm: 60, cold: 60 };
  expect((await api(app, key).put('/v1/leads/settings', { ...settings, sla: { ...settings.sla, firstResponseMinutes: hour, nextResponseMinutes: hour } })).statusCode).toBe(200);

  app.clock.set(at('00:10:00'));
  amelia = await customerWrites(app, key, 'speedy-van', 'Hi, do you do house moves to Leeds?', { name: 'Amelia Wright' });
  app.clock.set(at('01:20:00'));
  olivia = await customerWrites(app, key, 'speedy-van', 'I need a small van to move a sofa next Friday', { name: 'Olivia Brown' });
  george = await customerWrites(app, key, 'speedy-van', 'How much for a Luton van for a day?', { name: 'George Clarke' });
  for (const [who, owner] of [[olivia, 'Tom Hughes'], [george, 'Priya Patel']] as const) {
    expect((await api(app, key).patch(`/v1/leads/${who.leadId}`, { ownerId: staff[owner] })).statusCode).toBe(200);
  }
  // George writes again at 01:20 and nobody answers within the hour: the 02:30 sweep records the breach.
  await george.send('Hello? Is anyone there?');
  await leadsIdle(app); // the clock starts when the leads module sees the message, on the app's clock
  app.clock.set(at('02:00:00'));
  await olivia.send('Could it be in the morning?');
  await leadsIdle(app);
  app.clock.set(NOW);
  await app.leads.sweep([await tenantId()], NOW);
  const clocks = Object.fromEntries((await leadList(app, key)).map((l) => [l.id, l.clock]));
  expect(clocks[george.leadId]).toMatchObject({ dueAt: new Date(at('02:20:00')).toISOString(), breached: true });
  expect(clocks[olivia.leadId]).toMatchObject({ dueAt: new Date(at('03:00:00')).toISOString(), breached: false });
  expect(clocks[amelia.leadId]).toBeNull();
  base = await app.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function tenantId(): Promise<string> {
  const [row] = await app.db.query<{ id: string }>(`SELECT id FROM tenants WHERE slug = 'speedy-van'`);
  return row!.id;
}
const stageOf = async (leadId: string) => (await leadList(app, key)).find((l) => l.id === leadId)!;

describe('the leads pipeline', () => {
  it('an agent sees the board with ticking response clocks, moves leads by select and by drag, and adds a note', async () => {
    const dash = await openAs(browser, base, dave, { locale: 'en-GB', path: '/app/leads', now: NOW });
    const { page } = dash;
    await expect.poll(() => page.locator('h1').textContent()).toBe('Leads');
    await expect.poll(() => page.locator('.lead-card').count()).toBe(3);
    const start = (await stageOf(amelia.leadId)).stage;
    const columns = await boardColumns(page);
    expect(Object.keys(columns)).toEqual(['new', 'engaged', 'qualified', 'booked', 'attended', 'won', 'lost']);
    expect(columns[start]).toContain('Amelia Wright');

    const card = (name: string) => page.locator('.lead-card', { hasText: name });
    // The response clocks: George is overdue since 02:20, Olivia has half an hour left and it ticks, nobody waits for Amelia.
    expect(await card('George Clarke').locator('.clock').textContent()).toMatch(/^Overdue by 10:0\d$/);
    const first = await card('Olivia Brown').locator('.clock').textContent();
    expect(first).toMatch(/^(30:00|29:5\d) left to answer$/);
    await expect.poll(() => card('Olivia Brown').locator('.clock').textContent(), { timeout: 5_000 }).not.toBe(first);
    expect(await card('Amelia Wright').locator('.clock').textContent()).toBe('Nobody waiting');
    expect(await card('Olivia Brown').textContent()).toMatch(/Owner: Tom Hughes.*Source: Web chat/);
    await expectAccessible(page);
    await screenshot(page, 'leads-board');

    // With the keyboard: the stage select on Amelia's card, one stage on with each arrow press (the
    // focus follows the card to its new column).
    const select = card('Amelia Wright').getByLabel('Stage of Amelia Wright');
    await select.focus();
    for (let i = ['new', 'engaged'].indexOf(start); i < 2; i++) {
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => page.evaluate<string | undefined>('document.activeElement?.closest(".lead-column")?.dataset.stage'))
        .toBe(['engaged', 'qualified'][i]);
    }
    expect(await page.evaluate<string | null>('document.activeElement.getAttribute("aria-label")')).toBe('Stage of Amelia Wright');
    await expect.poll(async () => (await stageOf(amelia.leadId)).stage).toBe('qualified');
    await expect.poll(async () => (await boardColumns(page)).qualified).toEqual(['Amelia Wright']);
    await expect.poll(() => page.locator('.visually-hidden[role=status]').textContent()).toBe('Amelia Wright is now Qualified.');

    // With the mouse: George's card dragged to Booked.
    await card('George Clarke').dragTo(page.locator('.lead-column[data-stage="booked"]'));
    await expect.poll(async () => (await stageOf(george.leadId)).stage).toBe('booked');
    await expect.poll(async () => (await boardColumns(page)).booked).toEqual(['George Clarke']);

    // Lost asks why first (a modal dialog; Escape would cancel).
    await card('Olivia Brown').getByLabel('Stage of Olivia Brown').selectOption('lost');
    const dialog = page.getByRole('dialog', { name: 'Why was this lead lost?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expectAccessible(page);
    await page.keyboard.type('Found a cheaper mover');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await stageOf(olivia.leadId)).lostReason).toBe('Found a cheaper mover');
    expect((await stageOf(olivia.leadId)).stage).toBe('lost');

    // Amelia's lead: the score explained, a note added with the keyboard, the timeline.
    await card('Amelia Wright').getByRole('link', { name: 'Amelia Wright' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Amelia Wright');
    await expect.poll(() => page.getByRole('heading', { name: 'Why this score' }).isVisible()).toBe(true);
    await page.locator('#note').focus();
    await page.keyboard.type('Wants a quote for a 3-bed house, call after 5pm');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.notes .text').allTextContents()).toEqual(['Wants a quote for a 3-bed house, call after 5pm']);
    const detail = (await api(app, key).get(`/v1/leads/${amelia.leadId}`)).json() as { notes: { text: string }[] };
    expect(detail.notes.map((n) => n.text)).toEqual(['Wants a quote for a 3-bed house, call after 5pm']);
    await page.getByRole('button', { name: 'Show the timeline' }).click();
    await expect.poll(() => page.locator('.timeline li[data-type="lead.stage_changed"]').last().textContent()).toMatch(/Stage changed \(.+ → Qualified\)$/);
    expect(await page.locator('.timeline li[data-type="lead.note_added"]').count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'lead');
    expect(dash.cspViolations).toEqual([]);
    await dash.close();
  });

  it('filters the table by stage, temperature, owner and SLA, with times on the London clock', async () => {
    const dash = await openAs(browser, base, dave, { locale: 'en-GB', path: '/app/leads', now: NOW });
    const { page } = dash;
    await page.getByRole('button', { name: 'Table' }).click();
    const names = () => page.locator('.lead-table tbody th').allTextContents();
    await expect.poll(async () => (await names()).sort()).toEqual(['Amelia Wright', 'George Clarke', 'Olivia Brown']);
    expect((await names()).at(-1)).toBe('Amelia Wright'); // newest first
    // Created 70 minutes apart across the clock change: 01:10 BST, then 01:20 GMT.
    const created = (name: string) => page.locator('.lead-table tr', { hasText: name }).locator('td').last().textContent();
    expect(await created('Amelia Wright')).toBe('25 Oct, 01:10');
    expect(await created('George Clarke')).toBe('25 Oct, 01:20');

    await page.getByLabel('Response time').selectOption('breached');
    await expect.poll(names).toEqual(['George Clarke']);
    await page.getByLabel('Response time').selectOption('all');
    await page.getByLabel('Owner').selectOption({ label: 'Tom Hughes' });
    await expect.poll(names).toEqual(['Olivia Brown']);
    await page.getByLabel('Owner').selectOption('none');
    await expect.poll(names).toEqual(['Amelia Wright']);
    await page.getByLabel('Owner').selectOption('all');
    await page.getByLabel('Stage', { exact: true }).selectOption('booked');
    await expect.poll(names).toEqual(['George Clarke']);
    await page.getByLabel('Stage', { exact: true }).selectOption('all');
    for (const t of ['hot', 'warm', 'cold']) {
      await page.getByLabel('Temperature').selectOption(t);
      const expected = (await leadList(app, key)).filter((l) => l.temperature === t).length;
      if (expected === 0) await expect.poll(() => page.locator('.card', { hasText: 'No leads match these filters.' }).count()).toBe(1);
      else await expect.poll(async () => (await names()).length).toBe(expected);
    }
    await page.getByLabel('Temperature').selectOption('all');
    await expect.poll(async () => (await names()).length).toBe(3);
    await expectAccessible(page);
    await screenshot(page, 'leads-table');

    // At 02:50 Olivia (lost, but still waiting for an answer) has ten minutes of her hour left: at risk.
    await page.clock.pauseAt(at('02:50:00'));
    await page.getByLabel('Response time').selectOption('at_risk');
    await expect.poll(names).toEqual(['Olivia Brown']);
    await dash.close();
  });

  it('shows a viewer the pipeline without any change buttons, and fits a phone', async () => {
    const dash = await openAs(browser, base, vera, { ...phone, locale: 'en-GB', path: '/app/leads', now: NOW });
    const { page } = dash;
    await expect.poll(() => page.locator('.lead-card').count()).toBe(3);
    expect(await page.locator('.stage-select').count()).toBe(0);
    expect(await page.locator('.lead-card[draggable="true"]').count()).toBe(0);
    expect(await page.locator('.subtitle').textContent()).toContain('Your role can read leads but not change them.');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await expectAccessible(page);
    await screenshot(page, 'leads-phone');
    // Live: a change made elsewhere (here through the API) moves the card without a reload.
    expect((await api(app, key).patch(`/v1/leads/${george.leadId}`, { stage: 'attended' })).statusCode).toBe(200);
    await expect.poll(async () => (await boardColumns(page)).attended, { timeout: 5_000 }).toEqual(['George Clarke']);
    await page.locator('.lead-card', { hasText: 'Amelia Wright' }).getByRole('link').click();
    await expect.poll(() => page.locator('.notes .text').count()).toBe(1);
    expect(await page.locator('#note').count()).toBe(0);
    expect(await page.locator('.stage-select').count()).toBe(0);
    // The API refuses a viewer's change anyway.
    const refused = await app.app.inject({ method: 'PATCH', url: `/v1/leads/${amelia.leadId}`, cookies: vera.cookies, headers: vera.headers, payload: { stage: 'won' } });
    expect(refused.statusCode).toBe(403);
    await expectAccessible(page);
    await dash.close();
  });
});
