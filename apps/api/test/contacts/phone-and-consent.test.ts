import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { startChat } from './setup';

let app: TestApp;
let key: string;
const SLUG = 'kumon-vila-a'; // pt-BR: numbers without +55 are Brazilian
beforeAll(async () => {
  app = await startTestApp();
  key = (await seedTenant(app, SLUG)).key;
  app.clock.set(Date.parse('2026-11-24T13:00:00Z'));
});

const api = (method: 'GET' | 'PATCH', url: string, payload?: object) =>
  app.app.inject({ method, url, headers: app.auth(key), ...(payload ? { payload } : {}) });
const history = async (id: string) => (await api('GET', `/v1/contacts/${id}/history`)).json().items as
  { kind: string; channelId: string | null; detail: Record<string, unknown>; at: string }[];

describe('correcting a contact', () => {
  it('stores the phone as E.164 in the tenant region and keeps the old number in the history', async () => {
    const chat = await startChat(app, SLUG);
    const first = await api('PATCH', `/v1/contacts/${chat.contactId}`, { phone: '(11) 98765-4321', name: 'Ana Souza' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ phone: '+5511987654321', name: 'Ana Souza' });
    const second = await api('PATCH', `/v1/contacts/${chat.contactId}`, { phone: '+44 7911 123456' });
    expect(second.json()).toMatchObject({ phone: '+447911123456', name: 'Ana Souza' });
    expect((await history(chat.contactId)).map((e) => [e.kind, e.detail])).toEqual([
      ['phone_changed', { from: null, to: '+5511987654321' }],
      ['phone_changed', { from: '+5511987654321', to: '+447911123456' }],
    ]);
    // Only a change is recorded.
    await api('PATCH', `/v1/contacts/${chat.contactId}`, { phone: '+447911123456' });
    expect(await history(chat.contactId)).toHaveLength(2);
  });

  it('names the invalid field', async () => {
    const chat = await startChat(app, SLUG);
    const phone = await api('PATCH', `/v1/contacts/${chat.contactId}`, { phone: '12345' });
    expect(phone.statusCode).toBe(400);
    expect(phone.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'phone' }] });
    const email = await api('PATCH', `/v1/contacts/${chat.contactId}`, { email: 'not-an-email' });
    expect(email.statusCode).toBe(400);
    expect(email.json().errors[0].path).toBe('email');
  });

  it("refuses another contact's phone or email with 409 and leaves both as they were", async () => {
    const owner = await startChat(app, SLUG);
    const other = await startChat(app, SLUG);
    await api('PATCH', `/v1/contacts/${owner.contactId}`, { phone: '11 91234-5678', email: 'Pai@Example.com' });
    const phone = await api('PATCH', `/v1/contacts/${other.contactId}`, { phone: '+55 11 91234-5678' });
    expect(phone.statusCode).toBe(409);
    expect(phone.json()).toMatchObject({ code: 'CONTACT_HANDLE_TAKEN', contactId: owner.contactId, errors: [{ path: 'phone' }] });
    const email = await api('PATCH', `/v1/contacts/${other.contactId}`, { email: 'pai@example.com' });
    expect(email.json()).toMatchObject({ code: 'CONTACT_HANDLE_TAKEN', errors: [{ path: 'email' }] });
    expect((await api('GET', `/v1/contacts/${other.contactId}`)).json()).toMatchObject({ phone: null, email: null });
    expect(await history(other.contactId)).toEqual([]);
  });

  it('answers 404 for an unknown contact', async () => {
    expect((await api('PATCH', '/v1/contacts/00000000-0000-4000-8000-000000000000', { name: 'X' })).statusCode).toBe(404);
  });
});

describe('the opt-out ledger', () => {
  it('records PARAR in the web chat with its source and text, and VOLTAR as the opt-in', async () => {
    const chat = await startChat(app, SLUG);
    expect((await api('GET', `/v1/contacts/${chat.contactId}`)).json().optedOut).toBeNull();
    await chat.send('PARAR');
    const out = (await api('GET', `/v1/contacts/${chat.contactId}`)).json();
    expect(out.optedOut).toEqual({ at: '2026-11-24T13:00:00.000Z', source: { kind: 'keyword', word: 'PARAR' } });
    expect(await history(chat.contactId)).toEqual([{
      kind: 'opted_out', channelId: null, at: '2026-11-24T13:00:00.000Z',
      detail: { channel: 'web', source: { kind: 'keyword', word: 'PARAR' }, text: 'PARAR' },
    }]);
    // Saying it again changes nothing; anything else meanwhile gets no answer and keeps the opt-out.
    await chat.send('PARAR');
    expect(await chat.send('quanto custa?')).toEqual([]);
    expect(await history(chat.contactId)).toHaveLength(1);

    app.clock.advance(3_600_000);
    expect((await chat.send('VOLTAR')).length).toBeGreaterThan(0);
    expect((await api('GET', `/v1/contacts/${chat.contactId}`)).json().optedOut).toBeNull();
    expect((await history(chat.contactId)).at(-1)).toEqual({
      kind: 'opted_in', channelId: null, at: '2026-11-24T14:00:00.000Z', detail: { channel: 'web', reason: 'keyword', text: 'VOLTAR' },
    });
  });

  it('a greeting after opting out records the opt-in; a request in their own words is recorded as such', async () => {
    const chat = await startChat(app, SLUG);
    await chat.send('não quero mais receber mensagens');
    expect((await api('GET', `/v1/contacts/${chat.contactId}`)).json().optedOut.source).toEqual({ kind: 'request' });
    await chat.send('oi');
    expect((await history(chat.contactId)).map((e) => [e.kind, e.detail.reason ?? e.detail.text])).toEqual([
      ['opted_out', 'não quero mais receber mensagens'], ['opted_in', 'greeting'],
    ]);
  });
});
