import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { metaSignature, startFakeWhatsApp, whatsappText } from '../harness/fakes/whatsapp';
import { inviteAndJoin, type SignedIn } from '../harness/staff';
import { api, leadsIdle, until } from '../leads/helpers';
import { startReceiver } from '../webhooks/receiver';
import { findAnywhere } from './search';
import { BEATRIZ, CARLOS, seedPerson, tracesOf } from './seed';
import { readable, storedHandles } from '../harness/readable';

const TOKEN = 'EAAG-erasure-token';
const APP_SECRET = 'erasure-app-secret';
const PHONE_NUMBER_ID = '5566778899001';
let app: TestApp;
let key: string;
let slug: string;
let fake: Awaited<ReturnType<typeof startFakeWhatsApp>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let channelId: string;
let beatriz: Awaited<ReturnType<typeof seedPerson>>;
let carlos: Awaited<ReturnType<typeof seedPerson>>;
let agent: SignedIn;
let manager: SignedIn;
const WHATSAPP_SENTENCE = 'posso levar o Heitor de bicicleta amarela na sexta?';

const as = (who: SignedIn, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.app.inject({ method, url, cookies: who.cookies, headers: who.headers, ...(payload ? { payload } : {}) });
const whatsapp = (from: string, text: string, name: string) => {
  const raw = JSON.stringify(whatsappText(PHONE_NUMBER_ID, from, text, app.clock.now(), undefined, name));
  return app.app.inject({ method: 'POST', url: `/v1/webhooks/${channelId}`, payload: raw,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, raw) } });
};
const carlosRows = async () => ({
  contact: (await api(app, key).get(`/v1/contacts/${carlos.contactId}`)).json(),
  bookings: await Promise.all(carlos.bookingIds.map(async (id) => (await api(app, key).get(`/v1/bookings/${id}`)).json())),
  lead: (await api(app, key).get(`/v1/leads/${carlos.leadId}`)).json(),
  messages: readable(await app.db.query(`SELECT text FROM messages WHERE conversation_id=$1 ORDER BY seq`, [carlos.conversationId])),
  ticket: (await api(app, key).get(`/v1/tickets/${carlos.ticketId}`)).json(),
});
const bookingsByStatus = async () => app.db.query(`SELECT status, count(*)::int AS n FROM bookings GROUP BY status ORDER BY status`);

beforeAll(async () => {
  fake = await startFakeWhatsApp(TOKEN);
  receiver = await startReceiver();
  // The webhook receiver is on 127.0.0.1: private destinations are allowed, as an operator may.
  app = await startTestApp({ workers: true, config: { webhooks: { ...loadConfig({}).webhooks, allowPrivate: true } } });
  ({ key, slug } = await seedTenant(app, 'kumon-vila-a'));
  app.clock.set(Date.parse('2026-11-25T13:00:00Z')); // Wed 10:00 in São Paulo
  expect((await api(app, key).post('/v1/webhook-endpoints', { url: receiver.url('/hooks'), events: ['*'] })).statusCode).toBe(201);
  const channel = await api(app, key).post('/v1/channels', { type: 'whatsapp_cloud',
    config: { phoneNumberId: PHONE_NUMBER_ID, accessToken: TOKEN, appSecret: APP_SECRET, verifyToken: 'v', graphBaseUrl: fake.graphBaseUrl } });
  expect(channel.statusCode, channel.body).toBe(201);
  channelId = channel.json().id;
  beatriz = await seedPerson(app, key, slug, BEATRIZ);
  carlos = await seedPerson(app, key, slug, CARLOS);
  agent = await inviteAndJoin(app, app.auth(key), { email: 'agent@example.com', role: 'agent' });
  manager = await inviteAndJoin(app, app.auth(key), { email: 'manager@example.com', role: 'manager' });
}, 180_000);
afterAll(async () => {
  await fake?.close();
  await receiver?.close();
});

describe('erasing a contact (GDPR/LGPD)', () => {
  it('seeds her everywhere: WhatsApp message, reminder, webhook deliveries, jobs', async () => {
    expect((await whatsapp(BEATRIZ.phone.slice(1), WHATSAPP_SENTENCE, BEATRIZ.name)).statusCode).toBe(200);
    const identity = await until(async () => (await app.db.query<{ contact_id: string }>(
      `SELECT contact_id FROM channel_identities WHERE channel_id=$1`, [channelId]))[0], 'the WhatsApp identity');
    if (identity.contact_id !== beatriz.contactId) { // the same person on another channel: staff merge the two
      const merged = await api(app, key).post(`/v1/contacts/${beatriz.contactId}/merge`, { otherContactId: identity.contact_id });
      expect(merged.statusCode, merged.body).toBe(200);
    }
    await until(async () => fake.sent.some((s) => s.body.to === BEATRIZ.phone.slice(1)), 'the WhatsApp answer');
    await until(async () => (await app.db.query(`SELECT 1 FROM notices WHERE booking_id = ANY($1::uuid[])`, [beatriz.bookingIds])).length > 0, 'a reminder notice');
    await until(async () => receiver.to('/hooks').some((r) => r.raw.includes(beatriz.bookingIds[0]!)), 'a webhook delivery about her booking');
    await leadsIdle(app);
    const before = await findAnywhere(app.db, [...tracesOf(BEATRIZ), WHATSAPP_SENTENCE]);
    // The search below is only worth something if it finds her first, in all these places.
    expect(before.map((b) => b.where)).toEqual(expect.arrayContaining(['pgboss.job.data', 'pgboss.job.singleton_key',
      'public.audit_values.value', 'public.bookings.customer_name', 'public.channel_identities.handle', 'public.contact_events.detail',
      'public.contacts.email', 'public.contacts.name', 'public.contacts.phone', 'public.conversation_notes.text', 'public.conversations.state', 'public.events.data',
      'public.inbound_events.payload', 'public.lead_notes.text', 'public.leads.fields', 'public.messages.text', 'public.outbox.handle',
      'public.ticket_events.detail', 'public.tickets.subject', 'public.webhook_deliveries.body']));
    expect(new Set(before.map((b) => b.needle))).toEqual(new Set([...tracesOf(BEATRIZ), WHATSAPP_SENTENCE]));
    // At rest she is nowhere in clear — every column of every table of every schema: only the application's keys read her.
    const onDisk = await findAnywhere(app.db, [...tracesOf(BEATRIZ), WHATSAPP_SENTENCE], { decrypt: false });
    expect(onDisk, JSON.stringify(onDisk)).toEqual([]);
  });

  it('is asked by an agent, refused to the agent, and approved by a manager, who is recorded', async () => {
    const asked = await as(agent, 'POST', '/v1/privacy/erasure-requests', { contactId: beatriz.contactId, reason: `Pedido de ${BEATRIZ.name} por e-mail` });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ status: 'pending', source: 'staff', contactId: beatriz.contactId, requestedBy: { kind: 'user', userId: agent.userId } });
    const again = await as(agent, 'POST', '/v1/privacy/erasure-requests', { contactId: beatriz.contactId });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ERASURE_ALREADY_REQUESTED', requestId: asked.json().id });
    expect((await as(agent, 'POST', `/v1/privacy/erasure-requests/${asked.json().id}/approve`)).statusCode).toBe(403);

    const before = await bookingsByStatus();
    const carlosBefore = await carlosRows();
    const approved = await as(manager, 'POST', `/v1/privacy/erasure-requests/${asked.json().id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    const receipt = (await as(agent, 'GET', `/v1/privacy/erasure-requests/${asked.json().id}`)).json();
    expect(receipt).toMatchObject({ status: 'completed', decidedBy: { kind: 'user', userId: manager.userId, role: 'manager' },
      decidedAt: '2026-11-25T13:00:00.000Z', pseudonym: expect.stringMatching(/^erased-[0-9a-f]{8}$/),
      receipt: { completedAt: '2026-11-25T13:00:00.000Z' } });
    expect(receipt.receipt.counts).toMatchObject({ contact: 1, bookings: beatriz.bookingIds.length, leads: 1, tickets: 1, channel_identities: 1 });
    expect(receipt.receipt.counts.messages).toBeGreaterThan(10);
    expect(await bookingsByStatus()).toEqual(before);

    // Nowhere in the database — every column of every table of every schema, pg-boss included — is she left.
    const left = await findAnywhere(app.db, [...tracesOf(BEATRIZ), WHATSAPP_SENTENCE, BEATRIZ.phone.slice(1)]);
    expect(left, JSON.stringify(left)).toEqual([]);
    // Carlos is untouched.
    expect((await api(app, key).get(`/v1/contacts/${carlos.contactId}`)).json()).toMatchObject({ name: CARLOS.name, phone: CARLOS.phone, email: CARLOS.email });
    const carlosTraces = await findAnywhere(app.db, [CARLOS.sentence, CARLOS.email]);
    expect(carlosTraces.map((t) => t.where)).toEqual(expect.arrayContaining(['public.messages.text', 'public.contacts.email']));
    expect(await carlosRows()).toEqual(carlosBefore);
  });

  it('keeps her bookings (times, status, service, price) under the pseudonym, and the audit chain verifiable', async () => {
    const { pseudonym } = (await as(manager, 'GET', '/v1/privacy/erasure-requests')).json().items[0];
    const kept = (await api(app, key).get(`/v1/bookings/${beatriz.bookingIds[0]}`)).json();
    expect(kept).toMatchObject({ status: 'confirmed', customer: { name: pseudonym, phone: null, email: null }, notes: null });
    expect((await api(app, key).get(`/v1/contacts/${beatriz.contactId}`)).json()).toMatchObject({ name: pseudonym, phone: null, email: null });
    expect(await app.audit.service.verify()).toMatchObject({ ok: true });
    const trail = (await api(app, key).get('/v1/audit?limit=500')).json().items as { action: string; request: unknown; target: Record<string, string> }[];
    expect(trail.find((e) => e.action === 'POST /v1/privacy/erasure-requests/:id/approve')).toBeDefined();
    const note = trail.find((e) => e.action === 'POST /v1/leads/:id/notes' && e.target.id === beatriz.leadId);
    expect(note?.request).toEqual({ text: expect.stringContaining(pseudonym) });
  });

  it('gives a later message from the same phone a fresh contact, not the pseudonym', async () => {
    expect((await whatsapp(BEATRIZ.phone.slice(1), 'oi, sou eu de novo', 'Bia')).statusCode).toBe(200);
    const fresh = await until(async () => (await app.db.query<{ contact_id: string }>(
      `SELECT contact_id FROM channel_identities WHERE channel_id=$1 AND handle = ANY($2::text[])`, [channelId, storedHandles(BEATRIZ.phone.slice(1))]))[0], 'a new identity');
    expect(fresh.contact_id).not.toBe(beatriz.contactId);
  });

  it('refuses to decide twice, and to erase or export an erased contact', async () => {
    const [done] = (await as(manager, 'GET', '/v1/privacy/erasure-requests?status=completed')).json().items;
    expect((await as(manager, 'POST', `/v1/privacy/erasure-requests/${done.id}/reject`, { note: 'late' })).json().code).toBe('ERASURE_NOT_PENDING');
    expect((await as(agent, 'POST', '/v1/privacy/erasure-requests', { contactId: beatriz.contactId })).json().code).toBe('CONTACT_ERASED');
    expect((await api(app, key).get(`/v1/contacts/${beatriz.contactId}/export`)).json().code).toBe('CONTACT_ERASED');
    const asked = await as(agent, 'POST', '/v1/privacy/erasure-requests', { contactId: carlos.contactId });
    const rejected = await as(manager, 'POST', `/v1/privacy/erasure-requests/${asked.json().id}/reject`, { note: 'pedido não confirmado' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionNote: 'pedido não confirmado', receipt: null });
    expect((await api(app, key).get(`/v1/contacts/${carlos.contactId}`)).json().name).toBe(CARLOS.name);
  });
});
