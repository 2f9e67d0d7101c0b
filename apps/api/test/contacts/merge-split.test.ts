import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { addIdentity, contactOf, startChat } from './setup';

let app: TestApp;
let key: string;
const SLUG = 'barberpro-palermo';
beforeAll(async () => {
  app = await startTestApp();
  key = (await seedTenant(app, SLUG)).key;
});

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, as = key) =>
  app.app.inject({ method, url, headers: app.auth(as), ...(payload ? { payload } : {}) });

describe('merging two contacts of one person', () => {
  it('moves conversations and channel handles, fills missing fields, deletes the other and records it', async () => {
    const kept = await startChat(app, SLUG);
    const other = await startChat(app, SLUG);
    expect((await api('PATCH', `/v1/contacts/${kept.contactId}`, { name: 'Lucía Fernández' })).statusCode).toBe(200);
    expect((await api('PATCH', `/v1/contacts/${other.contactId}`, { phone: '11 3333-2222', email: 'lucia@example.com', name: 'Lu' })).statusCode).toBe(200);
    const channelId = await addIdentity(app, other.tenantId, other.contactId, other.conversationId, 'tg-777');

    const res = await api('POST', `/v1/contacts/${kept.contactId}/merge`, { otherContactId: other.contactId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: kept.contactId, name: 'Lucía Fernández', phone: '+541133332222', email: 'lucia@example.com' });
    expect(await contactOf(app, other.conversationId)).toBe(kept.contactId);
    expect((await api('GET', `/v1/contacts/${other.contactId}`)).statusCode).toBe(404);

    const detail = (await api('GET', `/v1/contacts/${kept.contactId}`)).json();
    expect(detail.identities).toEqual([{ channelId, handle: 'tg-777', conversationId: other.conversationId, status: 'ok' }]);
    const history = (await api('GET', `/v1/contacts/${kept.contactId}/history`)).json().items;
    // The other contact's phone change moved with it; the merge is the last event.
    expect(history.map((e: { kind: string }) => e.kind)).toEqual(['phone_changed', 'merged']);
    expect(history[1].detail).toMatchObject({
      otherContactId: other.contactId, filled: ['phone', 'email'], conversations: 1, identities: 1,
      other: { name: 'Lu', phone: '+541133332222', email: 'lucia@example.com' },
    });
  });

  it('refuses to merge a contact with itself', async () => {
    const chat = await startChat(app, SLUG);
    const res = await api('POST', `/v1/contacts/${chat.contactId}/merge`, { otherContactId: chat.contactId });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'otherContactId' }] });
  });

  it("answers 404 for another business's contact and changes nothing", async () => {
    const other = await seedTenant(app, 'speedy-van');
    const mine = await startChat(app, SLUG);
    const theirs = await startChat(app, 'speedy-van');
    expect((await api('POST', `/v1/contacts/${mine.contactId}/merge`, { otherContactId: theirs.contactId })).statusCode).toBe(404);
    expect((await api('POST', `/v1/contacts/${theirs.contactId}/merge`, { otherContactId: mine.contactId })).statusCode).toBe(404);
    expect((await api('GET', `/v1/contacts/${theirs.contactId}`, undefined, other.key)).statusCode).toBe(200);
    expect(await contactOf(app, theirs.conversationId)).toBe(theirs.contactId);
  });
});

describe('splitting a contact', () => {
  it('gives one channel handle and its conversation a new contact, recorded on both', async () => {
    const chat = await startChat(app, SLUG);
    const [second] = await app.db.query<{ id: string }>(
      `INSERT INTO conversations (tenant_id, channel, state, contact_id) SELECT tenant_id, channel, state, contact_id FROM conversations WHERE id=$1 RETURNING id`,
      [chat.conversationId]);
    const channelId = await addIdentity(app, chat.tenantId, chat.contactId, second!.id, 'tg-brother');

    const res = await api('POST', `/v1/contacts/${chat.contactId}/split`, { channelIdentity: { channelId, handle: 'tg-brother' } });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json().id as string;
    expect(created).not.toBe(chat.contactId);
    expect(await contactOf(app, second!.id)).toBe(created);
    expect(await contactOf(app, chat.conversationId)).toBe(chat.contactId);
    expect((await api('GET', `/v1/contacts/${created}`)).json().identities).toMatchObject([{ channelId, handle: 'tg-brother' }]);
    expect((await api('GET', `/v1/contacts/${chat.contactId}`)).json().identities).toEqual([]);
    const [event] = (await api('GET', `/v1/contacts/${chat.contactId}/history`)).json().items;
    expect(event).toMatchObject({ kind: 'split', detail: { newContactId: created, identity: { channelId, handle: 'tg-brother' } } });
    expect((await api('GET', `/v1/contacts/${created}/history`)).json().items).toMatchObject([{ kind: 'split', detail: { fromContactId: chat.contactId } }]);
  });

  it('answers 404 for a handle the contact does not have, and creates nothing', async () => {
    const chat = await startChat(app, SLUG);
    const before = await app.db.query(`SELECT 1 FROM contacts`);
    const res = await api('POST', `/v1/contacts/${chat.contactId}/split`,
      { channelIdentity: { channelId: '00000000-0000-4000-8000-000000000000', handle: 'nobody' } });
    expect(res.statusCode).toBe(404);
    expect(await app.db.query(`SELECT 1 FROM contacts`)).toHaveLength(before.length);
  });
});
