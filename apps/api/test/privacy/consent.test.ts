import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, seedTenant, startTestApp, type TestApp } from '../harness/app';
import { startChat } from '../contacts/setup';
import { readable } from '../harness/readable';

let app: TestApp;
let kumon: string;
beforeAll(async () => {
  app = await startTestApp();
  kumon = (await seedTenant(app, 'kumon-vila-a')).key;
  app.clock.set(Date.parse('2026-11-25T13:00:00Z')); // Wednesday 10:00 in São Paulo
});

const api = (key: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.app.inject({ method, url, headers: app.auth(key), ...(payload ? { payload } : {}) });
const ledger = async (contactId: string) => (await api(kumon, 'GET', `/v1/contacts/${contactId}/consents`)).json().items as
  { answer: string; purposes: string[]; channel: string; text: string; words: string | null; recordedBy: string; conversationId: string | null }[];
const bookings = async () => (await app.db.query(`SELECT 1 FROM holds h JOIN tenants t ON t.id = h.tenant_id WHERE t.slug = 'kumon-vila-a'`)).length;

describe('LGPD consent on first contact (Kumon Vila A)', () => {
  it('asks first with the blueprint text, then continues the first request once the parent says "sim"', async () => {
    const chat = await startChat(app, 'kumon-vila-a');
    const [question] = await chat.send('Oi, queria marcar uma avaliação na sexta de manhã');
    expect(question!.text).toContain('LGPD');
    expect(question!.text).toContain('Responda SIM ou NÃO');
    expect(await ledger(chat.contactId)).toEqual([]);

    const replies = await chat.send('sim');
    expect(replies[0]!.text).toContain('consentimento foi registrado');
    expect(replies[1]!.text).toContain('horários');
    expect((replies[1] as { options?: unknown[] }).options).toHaveLength(3);
    const [entry] = await ledger(chat.contactId);
    expect(entry).toMatchObject({ answer: 'granted', purposes: ['data_processing'], channel: 'web', words: 'sim', recordedBy: 'assistant',
      conversationId: chat.conversationId });
    expect(entry!.text).toBe(question!.text);
  });

  it('records a refusal, offers a person, and neither books nor keeps the request', async () => {
    const chat = await startChat(app, 'kumon-vila-a');
    await chat.send('Oi, sou a Maria Souza, meu telefone é 11 98765-4321, quero marcar amanhã às 9h');
    const holdsBefore = await bookings();
    const [reply] = await chat.send('não');
    expect(reply!.text).toContain('não posso continuar');
    expect((await ledger(chat.contactId)).map((e) => e.answer)).toEqual(['refused']);
    const [contact] = readable(await app.db.query<{ name: string | null; phone: string | null }>(`SELECT name, phone FROM contacts WHERE id = $1`, [chat.contactId]));
    expect(contact).toEqual({ name: null, phone: null });
    const [conversation] = await app.db.query<{ state: { consent: unknown; customer: unknown } }>(`SELECT state FROM conversations WHERE id = $1`, [chat.conversationId]);
    expect(conversation!.state.consent).toEqual({ status: 'refused' });
    expect(conversation!.state.customer).toEqual({});
    const [again] = await chat.send('quero marcar na sexta');
    expect(again!.text).toContain('Sem o seu consentimento');
    expect(await bookings()).toBe(holdsBefore);
  });

  it('"retiro meu consentimento" appends a withdrawal; staff record one given on paper', async () => {
    const chat = await startChat(app, 'kumon-vila-a');
    await chat.send('oi');
    await chat.send('aceito');
    const [withdrawn] = await chat.send('retiro meu consentimento');
    expect(withdrawn!.text).toContain('retirada do seu consentimento');
    const paper = await api(kumon, 'POST', `/v1/contacts/${chat.contactId}/consents`,
      { purposes: ['data_processing'], answer: 'granted', channel: 'paper', text: 'Termo de consentimento LGPD assinado na matrícula' });
    expect(paper.statusCode, paper.body).toBe(201);
    expect((await ledger(chat.contactId)).map((e) => [e.answer, e.channel, e.recordedBy])).toEqual([
      ['granted', 'web', 'assistant'], ['withdrawn', 'web', 'assistant'], ['granted', 'paper', 'staff']]);
    // The ledger is the truth: the paper consent lets the conversation go on without asking again.
    const [answer] = await chat.send('quanto custa a mensalidade?');
    expect(answer!.text).toContain('375');
    await expect(app.db.query(`UPDATE contact_consents SET answer = 'refused' WHERE contact_id = $1`, [chat.contactId])).rejects.toThrow(/append-only/);
  });

  it('validates the staff entry and the settings, naming the field', async () => {
    const chat = await startChat(app, 'kumon-vila-a');
    const bad = await api(kumon, 'POST', `/v1/contacts/${chat.contactId}/consents`, { purposes: ['Marketing!'], answer: 'granted', channel: 'paper', text: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('purposes[0]');
    const missing = await api(kumon, 'PUT', '/v1/privacy/consent-settings', { required: true, texts: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('texts');
    const other = await createTenant(app);
    expect((await api(other.key, 'GET', `/v1/contacts/${chat.contactId}/consents`)).statusCode).toBe(404);
  });

  it('a tenant that does not ask answers at once; settings are read and saved per tenant', async () => {
    const other = await createTenant(app);
    expect((await api(other.key, 'GET', '/v1/privacy/consent-settings')).json()).toEqual({ required: false, purposes: ['data_processing'], texts: {} });
    const settings = { required: true, purposes: ['data_processing', 'marketing'], texts: { en: 'May we process your data and send offers? YES or NO' } };
    const saved = await api(other.key, 'PUT', '/v1/privacy/consent-settings', settings);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual(settings);
    expect((await api(kumon, 'GET', '/v1/privacy/consent-settings')).json()).toMatchObject({ required: true, texts: { pt: expect.stringContaining('LGPD') } });
  });
});
