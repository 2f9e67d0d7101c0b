import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { inviteAndJoin } from '../harness/staff';
import { BEATRIZ, CARLOS, seedPerson } from './seed';

let app: TestApp;
let key: string;
let beatriz: Awaited<ReturnType<typeof seedPerson>>;
beforeAll(async () => {
  app = await startTestApp({ workers: true });
  const tenant = await seedTenant(app, 'kumon-vila-a');
  key = tenant.key;
  app.clock.set(Date.parse('2026-11-25T13:00:00Z')); // Wed 10:00 in São Paulo
  beatriz = await seedPerson(app, key, tenant.slug, BEATRIZ);
  await seedPerson(app, key, tenant.slug, CARLOS);
}, 120_000);

const exportOf = async (contactId: string) => {
  const res = await app.app.inject({ url: `/v1/contacts/${contactId}/export`, headers: app.auth(key) });
  return { res, files: res.statusCode === 200 ? unzipSync(new Uint8Array(res.rawPayload)) : {} };
};

describe('exporting a contact (GDPR/LGPD access)', () => {
  it("answers a zip of data.json and one CSV per data class, with the contact's values and none of another's", async () => {
    const { res, files } = await exportOf(beatriz.contactId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="contact-${beatriz.contactId}-2026-11-25.zip"`);
    const names = Object.keys(files);
    for (const dataClass of ['contact', 'contact_history', 'conversations', 'messages', 'bookings', 'leads', 'lead_notes', 'lead_timeline', 'tickets', 'notices', 'audit']) {
      expect(names).toContain(`${dataClass}.csv`);
    }
    const text = (name: string) => strFromU8(files[name]!);
    const data = JSON.parse(text('data.json'));
    expect(data).toMatchObject({ contactId: beatriz.contactId, exportedAt: '2026-11-25T13:00:00.000Z' });
    expect(data.data.contact).toEqual([expect.objectContaining({ id: beatriz.contactId, name: BEATRIZ.name, phone: BEATRIZ.phone, email: BEATRIZ.email })]);
    expect(text('contact.csv')).toContain(BEATRIZ.email);
    expect(data.data.contact_history).toEqual([expect.objectContaining({ kind: 'phone_changed', detail: { from: '+5511977770001', to: BEATRIZ.phone } })]);
    expect(text('messages.csv')).toContain(BEATRIZ.sentence);
    expect(text('conversations.csv')).toContain(BEATRIZ.student); // the qualification answers
    expect(data.data.bookings.map((b: { id: string }) => b.id)).toEqual(beatriz.bookingIds);
    expect(text('bookings.csv')).toContain(BEATRIZ.name);
    expect(data.data.leads).toEqual([expect.objectContaining({ id: beatriz.leadId })]);
    expect(text('lead_notes.csv')).toContain(`Ligar para ${BEATRIZ.name}`);
    expect(text('conversation_notes.csv')).toContain(`${BEATRIZ.name} prefere WhatsApp: ${BEATRIZ.email}`);
    expect(data.data.lead_timeline.length).toBeGreaterThan(0);
    expect(text('tickets.csv')).toContain(`Retorno para ${BEATRIZ.name}`);
    expect(data.data.audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['PATCH /v1/contacts/:id', 'POST /v1/leads/:id/notes']));
    // The CSV header names the columns; a JSON value is one cell.
    expect(text('bookings.csv').replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^id,service,status,start_at,end_at,customer_name/);

    const everything = names.map(text).join('\n');
    for (const other of [CARLOS.name, CARLOS.phone, CARLOS.email, CARLOS.sentence, CARLOS.student]) expect(everything).not.toContain(other);
  });

  it('answers 404 for an unknown contact, and 403 to an agent (privacy.export is for managers and owners)', async () => {
    expect((await exportOf('00000000-0000-4000-8000-000000000000')).res.statusCode).toBe(404);
    const agent = await inviteAndJoin(app, app.auth(key), { email: 'agent@example.com', role: 'agent' });
    const res = await app.app.inject({ url: `/v1/contacts/${beatriz.contactId}/export`, cookies: agent.cookies, headers: agent.headers });
    expect(res.statusCode).toBe(403);
  });
});
