import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../../api/test/harness/app';
import { inviteAndJoin, type SignedIn } from '../../api/test/harness/staff';
import { telegramText } from '../../api/test/harness/fakes/telegram';
import { expectAccessible, launchBrowser, openDashboard, screenshot } from './support';
import { api, openAs } from './leads-support';

// Speedy Van in London: Olivia owns it, Max manages it; Olivia connects Telegram, grows the team and issues a key.
let app: TestApp;
let browser: Browser;
let base = '';
let key = '';
let olivia: SignedIn;
let max: SignedIn;

beforeAll(async () => {
  app = await startTestApp();
  ({ key } = await seedTenant(app, 'speedy-van'));
  olivia = await inviteAndJoin(app, app.auth(key), { email: 'olivia@speedyvan.test', role: 'owner', name: 'Olivia Owen' });
  max = await inviteAndJoin(app, app.auth(key), { email: 'max@speedyvan.test', role: 'manager', name: 'Max Hill' });
  base = await app.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** A request to the API over real HTTP with a tenant key, as the business's own systems make it. */
/** A page's first answer can take seconds while the machine is busy (the build, other suites). */
const soon = { timeout: 10_000 };

const withKey = (secret: string, path: string) => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${secret}` } });

describe('settings: channels, team and API keys', () => {
  it('an owner connects Telegram, gets the webhook address and the secret token once, and Telegram can deliver with them', async () => {
    const dash = await openAs(browser, base, olivia, { locale: 'en-GB', path: '/app/settings/channels' });
    const { page } = dash;
    await expect.poll(() => page.locator('#settings-section').textContent(), soon).toBe('Channels');
    await expect.poll(() => page.getByText('No channels connected yet.').count()).toBe(1);

    await page.getByLabel('Provider').selectOption('telegram');
    await page.getByLabel('Name shown in the inbox (optional)').fill('Speedy Van bot');
    // Without the bot token the API refuses, and the page names the field.
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect.poll(() => page.locator('.channel-connect [role=alert]').textContent()).toBe('Some of the information is not valid. Check the form and try again.');
    expect(await page.locator('.channel-connect p.error').last().textContent()).toBe('Bot token (from @BotFather)');
    expect(await page.getByLabel('Bot token (from @BotFather)').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Bot token (from @BotFather)').fill('7000000001:AAF-speedy-van');
    const secretToken = await page.getByLabel('Secret token').inputValue();
    expect(secretToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();

    await expect.poll(() => page.locator('#connected-heading').textContent()).toBe('Speedy Van bot is connected');
    const channels = (await api(app, key).get('/v1/channels')).json().items as { id: string; type: string; webhookUrl: string; config: object; secretsSet: string[] }[];
    expect(channels).toHaveLength(1);
    const [telegram] = channels;
    expect(telegram).toMatchObject({ type: 'telegram', secretsSet: ['botToken', 'secretToken'], config: { apiBaseUrl: 'https://api.telegram.org' } });
    expect(await page.locator('#connected-webhook').inputValue()).toBe(telegram!.webhookUrl);
    expect(telegram!.webhookUrl).toMatch(new RegExp(`/v1/webhooks/${telegram!.id}$`));
    expect(await page.locator('#connected-secretToken').inputValue()).toBe(secretToken);
    expect(await page.locator('.just-connected').textContent()).toContain('Call setWebhook for your bot');
    await expectAccessible(page);

    // What the page showed is what Telegram needs: the address and the token let an update in; another token does not.
    const webhook = `${base}${new URL(telegram!.webhookUrl).pathname}`;
    const update = JSON.stringify(telegramText({ updateId: 1, chatId: 4242, messageId: 1, text: 'Can you move a sofa on Friday?', at: Date.now() }));
    const deliver = (token: string) => fetch(webhook, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': token }, body: update });
    const delivered = await deliver(secretToken);
    expect(delivered.status).toBe(200);
    expect(await delivered.json()).toMatchObject({ received: 1, stored: 1 });
    expect((await deliver('not-the-token')).status).toBe(401);

    // Done: the secrets are gone from the page for good; the list keeps the address.
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.locator('.channels .channel .item-name').allTextContents()).toEqual(['Speedy Van bot']);
    expect(await page.locator(`#webhook-${telegram!.id}`).inputValue()).toBe(telegram!.webhookUrl);
    expect(await page.locator('.channels').textContent()).toContain('Secrets saved: Bot token (from @BotFather), Secret token');
    expect(await page.content()).not.toContain(secretToken);
    expect(await page.content()).not.toContain('AAF-speedy-van');
    expect(await page.locator('.channel .last-out').textContent()).toBe('none yet');

    // Read again, the list tells what the provider did: one event in, then a call refused (a wrong token since).
    await page.reload();
    await expect.poll(() => page.locator('.channel .last-in').textContent(), soon).toMatch(/^\d{1,2} [A-Za-z]{3,4}, \d\d:\d\d$/);
    expect(await page.locator('.channel .rejected').textContent()).toMatch(/^The provider’s last call was refused \(.+\): check the secret or token in its console\.$/);
    await screenshot(page, 'settings-channels');

    // Paused, then renamed: the bot token stays as saved when left blank.
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => page.locator('.channel .state').textContent()).toBe('Paused');
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Name shown in the inbox', { exact: true }).fill('Speedy Van Telegram');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.locator('.channel .item-name').textContent()).toBe('Speedy Van Telegram');
    const saved = (await api(app, key).get(`/v1/channels/${telegram!.id}`)).json();
    expect(saved).toMatchObject({ name: 'Speedy Van Telegram', status: 'disabled', secretsSet: ['botToken', 'secretToken'] });
    expect(dash.cspViolations).toEqual([]);
    await dash.close();
  });

  it('an owner invites an agent who accepts and signs in, changes a role, and cannot demote the only owner', async () => {
    const dash = await openAs(browser, base, olivia, { locale: 'en-GB', path: '/app/settings/team' });
    const { page } = dash;
    await expect.poll(() => page.locator('.member .member-name').allTextContents(), soon).toEqual(expect.arrayContaining(['Olivia Owen (you)', 'Max Hill']));
    expect(await page.locator('.role-help').textContent()).toContain('agentAnswers customers and handles bookings, leads and tickets.');

    await page.getByLabel('E-mail').fill('ann@speedyvan.test');
    await page.locator('#invite-role').selectOption('agent');
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await expect.poll(() => page.locator('.invite-issued strong').textContent()).toBe('Invitation for ann@speedyvan.test created.');
    const link = new URL(await page.locator('#invite-link').inputValue());
    expect(link.hash).toMatch(/^#token=/);
    await expect.poll(() => page.locator('.invitation[data-status=pending] .item-name').allTextContents()).toEqual(['ann@speedyvan.test']);

    // Ann opens the link in her own browser, chooses a name and a password, and is in.
    const ann = await openDashboard(browser, base, { locale: 'en-GB', path: `${link.pathname}${link.hash}` });
    await expect.poll(() => ann.page.locator('h1').textContent(), soon).toBe('Join the team');
    await ann.page.getByLabel('Your name').fill('Ann Lee');
    await ann.page.getByLabel('Choose a password (at least 10 characters)').fill('boxes and more boxes');
    await ann.page.keyboard.press('Enter');
    // Her new password is hashed with scrypt before she is in: a slow step on a busy machine.
    await expect.poll(() => ann.page.locator('h1').textContent(), { timeout: 15_000 }).toBe('Today');
    expect(await ann.page.locator('.person').textContent()).toBe('Ann Lee · agent');
    await ann.close();

    await page.reload();
    await expect.poll(() => page.locator('.member .member-name').allTextContents(), soon).toContain('Ann Lee');
    expect(await page.locator('.invitation[data-status=accepted] .item-name').allTextContents()).toContain('ann@speedyvan.test');
    expect(await page.locator('.invitation[data-status=pending]').count()).toBe(0);
    await page.getByLabel('Role of Ann Lee').selectOption('manager');
    await expect.poll(() => page.locator('.saved[role=status]').textContent()).toBe('Ann Lee is now manager.');
    const members = async () => (await api(app, key).get('/v1/team/members')).json().items as { email: string; role: string }[];
    expect((await members()).find((m) => m.email === 'ann@speedyvan.test')?.role).toBe('manager');

    // The only owner: the page says so, and the API's refusal reads in words.
    expect(await page.locator('.member[data-email="olivia@speedyvan.test"] .hint').textContent()).toBe('The only owner: make someone else owner first.');
    await page.getByLabel('Role of Olivia Owen').selectOption('manager');
    await expect.poll(() => page.locator('[role=alert]').textContent()).toBe('A business must keep at least one owner.');
    expect(await page.getByLabel('Role of Olivia Owen').inputValue()).toBe('owner');
    expect((await members()).find((m) => m.email === 'olivia@speedyvan.test')?.role).toBe('owner');
    await expectAccessible(page);
    await screenshot(page, 'settings-team');
    await dash.close();
  });

  it('an owner creates a scoped key, sees it once, uses it over HTTP, and revokes it', async () => {
    const dash = await openAs(browser, base, olivia, { locale: 'en-GB', path: '/app/settings/api-keys' });
    const { page } = dash;
    await expect.poll(() => page.locator('.api-key .item-name').allTextContents(), soon).toEqual(['first key']);
    await page.getByLabel('Name').fill('Van tracker');
    await page.getByRole('button', { name: 'Create the key' }).click();
    expect(await page.locator('[role=alert]').textContent()).toBe('Choose at least one permission.');
    await page.getByLabel('Read bookings').check();
    await page.getByRole('button', { name: 'Create the key' }).click();

    await expect.poll(() => page.locator('#issued-heading').textContent()).toBe('Key “Van tracker” created');
    const focused = () => page.evaluate<string | undefined>('document.activeElement?.textContent');
    expect(await focused()).toBe('Key “Van tracker” created');
    expect(await page.locator('.key-issued .warning').textContent()).toMatch(/^Copy the key now: this is the only time it is shown/);
    const secret = await page.getByLabel('The key').inputValue();
    expect(secret.length).toBeGreaterThan(30);
    await expectAccessible(page);

    // It works for what it was given, and only that.
    expect((await withKey(secret, '/v1/bookings?limit=5')).status).toBe(200);
    expect((await withKey(secret, '/v1/contacts')).status).toBe(403);

    await page.getByRole('button', { name: 'I have copied it' }).click();
    await expect.poll(() => page.locator('.api-key .item-name').allTextContents(), soon).toEqual(['first key', 'Van tracker']);
    expect(await page.content()).not.toContain(secret);
    const tracker = page.locator('.api-key', { hasText: 'Van tracker' });
    expect(await tracker.locator('.scopes').textContent()).toBe('Read bookings');
    await screenshot(page, 'settings-api-keys');

    await tracker.getByRole('button', { name: 'Revoke' }).click();
    expect(await tracker.locator('.confirm p').textContent()).toBe('Revoke Van tracker? Anything using it stops working at once.');
    expect(await focused()).toBe('Cancel');
    await tracker.getByRole('button', { name: 'Yes, revoke' }).click();
    await expect.poll(() => tracker.getAttribute('data-revoked')).toBe('yes');
    expect((await withKey(secret, '/v1/bookings?limit=5')).status).toBe(401);
    expect((await withKey(key, '/v1/bookings?limit=5')).status).toBe(200);
    await dash.close();
  });

  it('a manager (reading Portuguese) sees the channels and runs the team, but manages neither channels nor API keys', async () => {
    const dash = await openAs(browser, base, max, { locale: 'pt-BR', path: '/app/settings/channels' });
    const { page } = dash;
    await expect.poll(() => page.locator('.channel .item-name').allTextContents(), soon).toEqual(['Speedy Van Telegram']);
    expect(await page.locator('.owner-only').textContent()).toBe('Só um proprietário pode conectar, alterar ou desconectar canais.');
    expect(await page.locator('.channel .state').textContent()).toBe('Pausado');
    expect(await page.locator('#connect-heading').count()).toBe(0);
    expect(await page.locator('.channel button').allTextContents()).toEqual(['Copiar']);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Chaves de API' }).click();
    await expect.poll(() => page.locator('.owner-only').textContent(), soon).toBe('Só um proprietário pode ver e gerenciar chaves de API.');
    expect(await page.locator('.api-key, #key-name').count()).toBe(0);

    await page.getByRole('link', { name: 'Equipe e funções' }).click();
    await expect.poll(() => page.locator('.member .member-name').allTextContents(), soon).toContain('Max Hill (você)');
    // No hand on the owner, and no owner role to give.
    expect(await page.locator('.member[data-email="olivia@speedyvan.test"] select').count()).toBe(0);
    expect(await page.locator('.member[data-email="olivia@speedyvan.test"] .member-role').textContent()).toBe('proprietário');
    expect(await page.locator('#invite-role option').allTextContents()).toEqual(['gerente', 'atendente', 'leitor']);
    await expectAccessible(page);
    await dash.close();
  });
});
