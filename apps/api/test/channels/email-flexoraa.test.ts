import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { afterConsent } from '../harness/consent';
import { parsedMailCall, startFakeSmtp, type FakeSmtp } from '../harness/fakes/smtp';
import { readable, storedHandles } from '../harness/readable';

const SECRET = 'flexoraa-inbound-secret';
const FROM = 'sales@flexoraa.example';
const LEAD = 'priya.sharma@acme-sales.in';

let app: TestApp;
let smtp: FakeSmtp;
let key: string;
let channel: { id: string; webhookUrl: string; config: Record<string, unknown>; secretsSet: string[] };
const now = Date.parse('2026-11-25T07:00:00Z'); // Wed 12:30 in Kolkata

beforeAll(async () => {
  smtp = await startFakeSmtp({ user: 'desk', password: 'smtp-pass' });
  app = await startTestApp({ workers: true });
  app.clock.set(now);
  key = (await seedTenant(app, 'flexoraa')).key;
  const res = await app.app.inject({ method: 'POST', url: '/v1/channels', headers: app.auth(key), payload: { type: 'email',
    config: { from: FROM, smtpHost: smtp.host, smtpPort: smtp.port, smtpSecure: false, smtpUser: 'desk', smtpPassword: 'smtp-pass', inboundSecret: SECRET } } });
  expect(res.statusCode, res.body).toBe(201);
  channel = res.json();
});
afterAll(() => smtp?.close());

const deliver = (mail: Record<string, unknown>, secret = SECRET) => {
  const call = parsedMailCall(secret, { to: FROM, date: new Date(app.clock.now()).toUTCString(), ...mail });
  return app.app.inject({ method: 'POST', url: new URL(channel.webhookUrl).pathname, payload: call.payload, headers: call.headers });
};
const mailsTo = (to: string) => smtp.received.filter((m) => m.to.includes(to));
async function until(ok: () => boolean, what: string) {
  for (let i = 0; i < 300 && !ok(); i++) await new Promise((r) => setTimeout(r, 100));
  if (!ok()) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(smtp.received)}`);
}

describe('Flexoraa over email', () => {
  it('keeps the SMTP password and the inbound secret out of every answer', async () => {
    expect(channel.secretsSet).toEqual(['inboundSecret', 'smtpPassword']);
    expect(channel.config).toEqual({ from: FROM, smtpHost: smtp.host, smtpPort: smtp.port, smtpSecure: false, smtpUser: 'desk' });
    expect((await deliver({ from: LEAD, subject: 'x', text: 'hi', messageId: '<forged@x>' }, 'guess')).statusCode).toBe(401);
  });

  it('starts qualifying a lead in their thread once they agree, and knows them by the address and name they wrote from', async () => {
    const first = await deliver({
      from: 'Priya Sharma <Priya.Sharma@Acme-Sales.in>', subject: 'Discovery call',
      text: "Hi, I'd like to book a discovery call for our sales team.\n\n-- \nPriya Sharma\nHead of Sales, Acme Sales Pvt Ltd",
      messageId: '<CAPriya1@mail.acme-sales.in>',
    });
    expect(first.json()).toEqual({ received: 1, stored: 1 });
    await until(() => mailsTo(LEAD).length >= 1, 'the consent question');
    const [question] = mailsTo(LEAD);
    expect(question).toMatchObject({ from: FROM, subject: 'Re: Discovery call', inReplyTo: '<CAPriya1@mail.acme-sales.in>' });
    // GDPR: a mail has no buttons, so the Yes/No choices come as a numbered menu; she answers with the number.
    expect(question!.text).toMatch(/GDPR[\s\S]*\n1\. Yes\n2\. No\n/);
    await deliver({ from: 'Priya Sharma <priya.sharma@acme-sales.in>', subject: 'Re: Discovery call', text: '1',
      messageId: '<CAPriyaYes@mail.acme-sales.in>', inReplyTo: question!.messageId, references: `<CAPriya1@mail.acme-sales.in> ${question!.messageId}` });
    await until(() => mailsTo(LEAD).length >= 3, 'the answer to her first mail');
    const [reply] = afterConsent(mailsTo(LEAD).slice(1));
    expect(reply).toMatchObject({ from: FROM, subject: 'Re: Discovery call', inReplyTo: '<CAPriyaYes@mail.acme-sales.in>' });
    expect(reply!.text).toMatch(/What's your name\?/);

    const [contact] = readable(await app.db.query<{ email: string; name: string; phone: string | null }>(
      `SELECT c.email, c.name, c.phone FROM contacts c JOIN channel_identities i ON i.contact_id = c.id WHERE i.channel_id = $1 AND i.handle = ANY($2::text[])`,
      [channel.id, storedHandles(LEAD)]));
    expect(contact).toEqual({ email: LEAD, name: 'Priya Sharma', phone: null });
    // The mail can arrive before the send is recorded: wait for the record, not the mail.
    const recorded = async () => (await app.db.query<{ status: string; provider_message_id: string }>(
      `SELECT status, provider_message_id FROM outbox WHERE channel_id = $1 AND handle = ANY($2::text[]) ORDER BY seq`, [channel.id, storedHandles(LEAD)]));
    for (let i = 0; i < 100 && (await recorded()).some((r) => r.status === 'queued'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await recorded()).toEqual(mailsTo(LEAD).map((m) => ({ status: 'sent', provider_message_id: m.messageId })));
  });

  it('reads only the new words of a reply that quotes ours, and answers in the same thread', async () => {
    const [question, , ours] = mailsTo(LEAD);
    const thread = `<CAPriya1@mail.acme-sales.in> ${question!.messageId} <CAPriyaYes@mail.acme-sales.in> ${ours!.messageId}`;
    await deliver({
      from: 'Priya Sharma <priya.sharma@acme-sales.in>', subject: 'Re: Discovery call',
      text: `Priya Sharma\n\nOn Wed, 25 Nov 2026 at 12:31, ${FROM} wrote:\n> ${ours!.text.trim().split('\n').join('\n> ')}`,
      messageId: '<CAPriya2@mail.acme-sales.in>', inReplyTo: ours!.messageId, references: thread,
    });
    await until(() => mailsTo(LEAD).length >= 4, 'the next question');
    const next = mailsTo(LEAD)[3]!;
    expect(next.text).toMatch(/What would you like Flexoraa to help you with\?/);
    expect(next).toMatchObject({ subject: 'Re: Discovery call', inReplyTo: '<CAPriya2@mail.acme-sales.in>',
      references: [...thread.split(' '), '<CAPriya2@mail.acme-sales.in>'] });
    const [said] = readable(await app.db.query<{ text: string }>(
      `SELECT text FROM messages WHERE provider_message_id = '<CAPriya2@mail.acme-sales.in>'`));
    expect(said!.text).toBe('Priya Sharma');
  });

  it('does not answer an out-of-office reply', async () => {
    const res = await deliver({ from: LEAD, subject: 'Automatic reply: Discovery call', text: 'I am away until Monday.',
      messageId: '<ooo-1@mail.acme-sales.in>', autoSubmitted: 'auto-replied' });
    expect(res.json()).toEqual({ received: 1, stored: 1 });
    const processed = async () => (await app.db.query(
      `SELECT 1 FROM inbound_events WHERE provider_event_id = '<ooo-1@mail.acme-sales.in>' AND processed_at IS NOT NULL`)).length === 1;
    for (let i = 0; i < 300 && !(await processed()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await processed()).toBe(true);
    const [row] = await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE provider_message_id = '<ooo-1@mail.acme-sales.in>'`);
    expect(row!.n).toBe(0);
    expect(mailsTo(LEAD)).toHaveLength(4);
  });
});
