import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import { setupCatalogue } from '../harness/catalogue';
import { fieldKey } from '../../src/platform/crypto/fields';
import { channelsRepository } from '../../src/modules/channels/repository';
import { conversationsRepository } from '../../src/modules/conversations/repository';
import type { ConversationState } from '../../src/modules/conversations/domain/policy/types';

const keyA = randomBytes(32);
const keyB = randomBytes(32);
const idOf = (secret: Buffer) => fieldKey(secret).id;
const ANA = { name: 'Ana Conceição', phone: '+5511911110001', email: 'ana.conceicao@example.com' };
const BRUNO = { name: 'Bruno Lima', phone: '+5511922220002', email: 'bruno@example.com' };

/** Every personal field as it lies on disk: whole columns, and the encrypted values inside JSON ones. */
async function onDisk(app: TestApp): Promise<string[]> {
  const rows = await app.db.query<{ v: string }>(`
    SELECT v FROM contacts, unnest(ARRAY[name, phone, email]) v WHERE v IS NOT NULL
    UNION ALL SELECT v FROM bookings, unnest(ARRAY[customer_name, customer_phone, customer_email]) v WHERE v IS NOT NULL
    UNION ALL SELECT text FROM messages UNION ALL SELECT handle FROM channel_identities UNION ALL SELECT handle FROM outbox
    UNION ALL SELECT value FROM audit_values`);
  const json = await app.db.query<{ v: string }>(`
    SELECT state::text AS v FROM conversations UNION ALL SELECT payload::text FROM outbox UNION ALL SELECT payload::text FROM inbound_events`);
  return [...rows.map((r) => r.v), ...json.flatMap((r) => r.v.match(/enc:v1:[0-9a-f]{8}:[A-Za-z0-9+/]+={0,2}/g) ?? [])];
}
const TELEGRAM_CHAT = '5710000000000000042';
const STATE = { lang: 'pt', stage: 'idle', fields: { student: 'Pedro' }, offers: [], bookingIds: [], cancelCandidates: [],
  customer: { name: ANA.name, phone: ANA.phone }, misses: 0, lastActivityAt: 0 } as unknown as ConversationState;
const search = async (app: TestApp, key: string, q: string) =>
  ((await app.app.inject({ url: `/v1/contacts?q=${encodeURIComponent(q)}`, headers: app.auth(key) })).json().items as { name: string }[]).map((c) => c.name);

describe('personal fields encrypted at rest', () => {
  let first: TestApp;
  let tenant: { id: string; key: string };
  let anaId: string;
  let bookingId: string;
  beforeAll(async () => {
    first = await startTestApp({ secretKey: keyA, resolve: async () => ['203.0.113.10'] });
    await first.checkSecretKey(); // seals the canary a later start opens
    first.clock.set(Date.parse('2030-01-01T12:00:00Z'));
    tenant = await createTenant(first);
  });

  it('stores new names, phones, e-mails and messages encrypted, and encrypts rows written before', async () => {
    const { serviceId, headers } = await setupCatalogue(first, tenant.key);
    anaId = (await first.contacts.create(first.db, tenant.id, ANA)).id;
    const booked = await first.app.inject({ method: 'POST', url: '/v1/bookings', headers,
      payload: { serviceId, start: '2030-01-08T12:00:00Z', customer: ANA } });
    expect(booked.statusCode, booked.body).toBe(201);
    bookingId = booked.json().id;
    // Bruno was written before encryption existed: in clear, without lookup hashes.
    const [bruno] = await first.db.query<{ id: string }>(`INSERT INTO contacts (tenant_id, name, phone, email) VALUES ($1,$2,$3,$4) RETURNING id`,
      [tenant.id, BRUNO.name, BRUNO.phone, BRUNO.email]);
    const [chat] = await first.db.query<{ id: string }>(`INSERT INTO conversations (tenant_id, channel, state, contact_id) VALUES ($1, 'web', '{}', $2) RETURNING id`,
      [tenant.id, bruno!.id]);
    await first.db.query(`INSERT INTO messages (tenant_id, conversation_id, direction, author, text) VALUES ($1, $2, 'in', 'customer', 'Bruno aqui, meu email é bruno@example.com')`,
      [tenant.id, chat!.id]);

    expect(await first.encryptPersonalFields()).toEqual({ contacts: 1, bookings: 0, messages: 1, conversations: 0, channel_identities: 0, outbox: 0, inbound_events: 0,
      webhook_deliveries: 0, idempotency_keys: 0, audit_values: 0, events: 0, leads: 0, lead_notes: 0, tickets: 0, ticket_events: 0,
      ticket_ratings: 0, contact_events: 0, notices: 0, contact_consents: 0, conversation_notes: 0 });
    const stored = await onDisk(first);
    expect(stored.length).toBeGreaterThan(3 + 3 + 3 + 1); // Ana, her booking, Bruno, his message, and the audit trail's values
    for (const v of stored) expect(v).toMatch(new RegExp(`^enc:v1:${idOf(keyA)}:`));
    expect(stored.join()).not.toMatch(/Ana|Bruno|9111|2222|example\.com/);
    expect(await first.encryptPersonalFields()).toEqual({}); // done for this key: the next start skips the scan
  });

  it('still finds contacts by phone, e-mail, words of the name and digits of the phone', async () => {
    expect(await search(first, tenant.key, '+55 11 91111-0001')).toEqual([ANA.name]);
    expect(await search(first, tenant.key, 'ANA.CONCEICAO@example.com')).toEqual([ANA.name]);
    expect(await search(first, tenant.key, 'conceicao')).toEqual([ANA.name]);
    expect(await search(first, tenant.key, 'lima bruno')).toEqual([BRUNO.name]);
    expect(await search(first, tenant.key, '2222')).toEqual([BRUNO.name]);
    expect(await search(first, tenant.key, '1111')).toEqual([ANA.name]);
    expect(await search(first, tenant.key, 'Brun')).toEqual([]);
    const contact = await first.app.inject({ url: `/v1/contacts/${anaId}`, headers: first.auth(tenant.key) });
    expect(contact.json()).toMatchObject(ANA);
  });

  it('rotates: a new key reads the old values, `rotateKeys` moves everything to it, and the old key can go', async () => {
    // A customer on Telegram: handle, conversation state, a stored inbound message and a queued send, all under key A.
    const [channel] = await first.db.query<{ id: string }>(
      `INSERT INTO channels (tenant_id, type, name, config, secrets) VALUES ($1, 'telegram', 'Telegram', '{}', 'none') RETURNING id`, [tenant.id]);
    const conversation = await conversationsRepository(first.db).insert(tenant.id, 'telegram', null, STATE, anaId);
    const channels = channelsRepository(first.db);
    await channels.saveIdentity(tenant.id, channel!.id, TELEGRAM_CHAT, anaId, conversation.id, new Date());
    await channels.enqueueSend(tenant.id, channel!.id, TELEGRAM_CHAT, { text: `Olá ${ANA.name}!` });
    await channels.storeEvents([{ tenantId: tenant.id, channelId: channel!.id, eventId: 'tg-1',
      event: { kind: 'message', providerMessageId: 'tg-1', from: TELEGRAM_CHAT, name: ANA.name, at: 0, content: { type: 'text', text: 'oi, sou a Ana' } } }]);
    expect((await onDisk(first)).join()).not.toMatch(/Ana|Pedro|5710000000000000042/);

    const endpoint = await first.app.inject({ method: 'POST', url: '/v1/webhook-endpoints', headers: first.auth(tenant.key),
      payload: { url: 'https://hooks.example.com/frontdesk', events: ['booking.created'] } });
    expect(endpoint.statusCode, endpoint.body).toBe(201);

    const second = await startTestApp({ restartOf: first, secretKey: keyB, config: { previousSecretKeys: [keyA] } });
    expect((await second.app.inject({ url: `/v1/bookings/${bookingId}`, headers: second.auth(tenant.key) })).json().customer).toEqual(ANA);
    expect(await search(second, tenant.key, ANA.phone)).toEqual([ANA.name]); // hashed under the previous key still
    const moved = await second.rotateKeys();
    expect(moved.fields).toEqual({ contacts: 2, bookings: 1, messages: 1, conversations: 1, channel_identities: 1, outbox: 1, inbound_events: 1,
      webhook_deliveries: 0, idempotency_keys: 0, audit_values: expect.any(Number), events: expect.any(Number), leads: 0, lead_notes: 0,
      tickets: 0, ticket_events: 0, ticket_ratings: 0, contact_events: 0, notices: 0, contact_consents: 0, conversation_notes: 0 });
    expect(moved.fields.audit_values).toBeGreaterThan(0); // the booking's customer, as the audit trail keeps it
    expect(moved.secrets).toMatchObject({ 'webhook_endpoints.secret': 1, 'secret_key_check.sealed': 1 });
    for (const v of await onDisk(second)) expect(v).toMatch(new RegExp(`^enc:v1:${idOf(keyB)}:`));
    const sealed = await second.db.query<{ v: string }>(`SELECT secret AS v FROM webhook_endpoints UNION ALL SELECT sealed FROM secret_key_check`);
    expect(sealed.every((r) => !r.v.includes(`:${idOf(keyA)}:`))).toBe(true);

    // Without the old key (this process still knows it, so the check above is what proves it is unused).
    const third = await startTestApp({ restartOf: first, secretKey: keyB });
    await expect(third.checkSecretKey()).resolves.toBeUndefined();
    expect(await search(third, tenant.key, 'bruno@example.com')).toEqual([BRUNO.name]);
    expect(await search(third, tenant.key, '1111')).toEqual([ANA.name]);
    expect((await third.app.inject({ url: `/v1/contacts/${anaId}`, headers: third.auth(tenant.key) })).json()).toMatchObject(ANA);
    const telegram = channelsRepository(third.db);
    expect(await telegram.identity(tenant.id, channel!.id, TELEGRAM_CHAT)).toMatchObject({ contactId: anaId, conversationId: conversation.id });
    expect((await conversationsRepository(third.db).get(tenant.id, conversation.id))!.state).toEqual(STATE);
    const [event] = await third.db.query<{ id: number }>(`SELECT id FROM inbound_events`);
    expect((await telegram.claimEvents([event!.id]))[0]!.event).toMatchObject({ from: TELEGRAM_CHAT, name: ANA.name, content: { text: 'oi, sou a Ana' } });
  });
});
