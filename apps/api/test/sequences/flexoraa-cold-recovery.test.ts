import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { metaSignature, startFakeWhatsApp, whatsappText } from '../harness/fakes/whatsapp';
import { api, until } from '../leads/helpers';
import { firstContactOn } from '../harness/consent';
import { settled } from '../channels/bad-input-helpers';
import { whatsappSeen } from '../channels/flexoraa-drivers';
import { lookupHashes } from '../../src/platform/crypto/fields';

const ACCESS_TOKEN = 'EAAG-cold-recovery';
const APP_SECRET = 'cold-recovery-app-secret';
const PHONE_NUMBER_ID = '9988776655';
const SILENT = '919812345001'; // goes quiet after one message: two attempts, then no more
const REPLIES = '919812345002'; // answers the first attempt: no second
const OPTS_OUT = '919812345003'; // says STOP: nothing at all
// Wednesday 25 November 2026, 21:30 in Kolkata (UTC+05:30): the 24 hours end inside the quiet hours (21:00–09:00).
const WROTE = Date.parse('2026-11-25T16:00:00Z');
const H = 3_600_000;

let app: TestApp;
let fake: Awaited<ReturnType<typeof startFakeWhatsApp>>;
let key: string;
let tenantId: string;
let channelId: string;
let sequenceId: string;
let seq = 0;

beforeAll(async () => {
  fake = await startFakeWhatsApp(ACCESS_TOKEN);
  app = await startTestApp({ workers: true });
  app.clock.set(WROTE);
  key = (await seedTenant(app, 'flexoraa')).key;
  [{ id: tenantId }] = await app.db.query<{ id: string }>(`SELECT id FROM tenants WHERE slug = 'flexoraa'`) as [{ id: string }];
  const channel = await api(app, key).post('/v1/channels', { type: 'whatsapp_cloud',
    config: { phoneNumberId: PHONE_NUMBER_ID, accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, verifyToken: 'v', graphBaseUrl: fake.graphBaseUrl } });
  expect(channel.statusCode, channel.body).toBe(201);
  channelId = channel.json().id;
  for (const [name, body] of [['cold_recovery_1', 'Hi {{1}}, would a discovery call with {{6}} help this week? Reply with a day.'],
    ['cold_recovery_2', 'Hi {{1}}, one last note from {{6}}: reply any time to talk about your leads.']]) {
    const t = await api(app, key).post('/v1/templates', { name, language: 'en', status: 'approved', kind: 'follow_up', body });
    expect(t.statusCode, t.body).toBe(201);
  }
  const sequences = (await api(app, key).get('/v1/sequences')).json().items as { id: string; name: string; trigger: { event: string; to: string } }[];
  expect(sequences.map((s) => [s.name, s.trigger])).toEqual([['Cold recovery', { event: 'lead.temperature_changed', to: 'cold' }]]);
  sequenceId = sequences[0]!.id;
});
afterAll(() => fake?.close());

async function customerSays(from: string, text: string, expectReply = true) {
  const raw = JSON.stringify(whatsappText(PHONE_NUMBER_ID, from, text, app.clock.now(), `wamid.c${++seq}`, 'Priya'));
  const before = fake.sent.length;
  const res = await app.app.inject({ method: 'POST', url: `/v1/webhooks/${channelId}`, payload: raw,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, raw) } });
  expect(res.statusCode).toBe(200);
  if (expectReply) await fake.until(() => fake.sent.slice(before).some((s) => s.body.to === from));
}
/** A new contact's first message: the GDPR consent question comes first; they reply Yes and the message is answered. */
async function firstContact(from: string, text: string) {
  const repliesTo = async (say: () => Promise<void>) => {
    const before = whatsappSeen(fake, from).length;
    await say();
    await settled(app);
    return whatsappSeen(fake, from).slice(before);
  };
  await firstContactOn(() => repliesTo(() => customerSays(from, text)), (yes) => repliesTo(() => customerSays(from, yes.title)));
}
const sentTo = (to: string) => fake.sent.filter((s) => s.body.to === to).map((s) => s.body as { type: string; template?: { name: string } });
const templatesTo = (to: string) => sentTo(to).filter((b) => b.type === 'template').map((b) => b.template!.name);

interface EnrolmentBody {
  id: string; contactId: string; status: string; stopReason: string | null; nextStep: number | null; nextStepAt: string | null;
  steps: { step: number; dueAt: string; outcome: string; notice: { status: string; viaTemplate: boolean; channel: string | null } | null }[];
}
async function contactOf(phone: string): Promise<string> {
  return until(async () => (await app.db.query<{ id: string }>(`SELECT id FROM contacts WHERE tenant_id = $1 AND phone_hash = ANY($2::text[])`, [tenantId, lookupHashes('phone', `+${phone}`)]))[0]?.id,
    `the contact of ${phone}`);
}
async function enrolmentOf(phone: string): Promise<EnrolmentBody> {
  const contactId = await contactOf(phone);
  const items = (await api(app, key).get(`/v1/contacts/${contactId}/enrolments`)).json().items as EnrolmentBody[];
  expect(items.length).toBeLessThanOrEqual(1);
  return items[0]!;
}
async function sweepAt(ms: number): Promise<void> {
  app.clock.set(ms);
  await app.sequences.sweep([tenantId], ms);
}

describe('Flexoraa cold recovery over WhatsApp, in Kolkata time', () => {
  it('enrols each new COLD lead; its first attempt is due 24 h after the silence began, moved out of the quiet hours', async () => {
    await firstContact(SILENT, 'Hi');
    await firstContact(REPLIES, 'Hello there');
    await firstContact(OPTS_OUT, 'Hi');
    const enrolment = await until(async () => {
      const e = await enrolmentOf(SILENT).catch(() => undefined);
      return e?.nextStepAt === '2026-11-27T03:30:00.000Z' && e;
    }, 'the silent lead enrolled');
    // 24 h after 21:30 IST is 21:30 IST the next day: quiet, so 09:00 IST the morning after.
    expect(enrolment).toMatchObject({ status: 'active', nextStep: 0, steps: [] });
    await until(async () => {
      const leads = (await api(app, key).get('/v1/leads?limit=50')).json().items as { temperature: string }[];
      return leads.length === 3 && leads.every((l) => l.temperature === 'cold');
    }, 'three COLD leads');
    await until(async () => (await enrolmentOf(REPLIES))?.status === 'active', 'the second lead enrolled');
    await until(async () => (await enrolmentOf(OPTS_OUT))?.status === 'active', 'the third lead enrolled');
  });

  it('"STOP" ends the enrolment of a contact who opts out', async () => {
    app.clock.set(WROTE + 60_000);
    await customerSays(OPTS_OUT, 'STOP', false);
    const stopped = await until(async () => {
      const e = await enrolmentOf(OPTS_OUT);
      return e?.status === 'stopped' && e;
    }, 'the opted-out enrolment stopped');
    expect(stopped.stopReason).toBe('opted_out');
  });

  it('sends nothing during the quiet hours, then the first template at 09:00 IST (the 24-hour window has closed)', async () => {
    const before = fake.sent.length;
    await sweepAt(Date.parse('2026-11-26T16:00:05Z')); // 24 h later, 21:30 IST
    await sweepAt(Date.parse('2026-11-27T03:29:00Z')); // 08:59 IST
    expect(await app.notifications.service.sendDue()).toBe(0);
    expect(fake.sent.length).toBe(before);

    await sweepAt(Date.parse('2026-11-27T03:30:05Z'));
    await sweepAt(Date.parse('2026-11-27T03:30:05Z')); // a second sweep sends nothing twice
    await fake.until(() => templatesTo(SILENT).length === 1 && templatesTo(REPLIES).length === 1);
    expect(templatesTo(SILENT)).toEqual(['cold_recovery_1']);
    const e = await until(async () => {
      const x = await enrolmentOf(SILENT);
      return x.steps[0]?.notice?.status === 'sent' && x;
    }, 'the first step sent');
    expect(e).toMatchObject({ status: 'active', nextStep: 1, nextStepAt: '2026-11-28T03:30:05.000Z' });
    expect(e.steps).toMatchObject([{ step: 0, dueAt: '2026-11-27T03:30:00.000Z', outcome: 'queued', notice: { status: 'sent', viaTemplate: true, channel: 'whatsapp_cloud' } }]);
    expect(sentTo(OPTS_OUT).filter((b) => b.type === 'template')).toEqual([]);
  });

  it('a reply stops the sequence for that customer', async () => {
    app.clock.set(Date.parse('2026-11-27T05:00:00Z'));
    await customerSays(REPLIES, 'Maybe, what does it cost?');
    const stopped = await until(async () => {
      const e = await enrolmentOf(REPLIES);
      return e.status === 'stopped' && e;
    }, 'the replying customer stopped');
    expect(stopped).toMatchObject({ stopReason: 'replied', nextStepAt: null });
    expect(stopped.steps).toHaveLength(1);
  });

  it('makes the second attempt 24 h after the first, then no more', async () => {
    await sweepAt(Date.parse('2026-11-28T03:30:00Z'));
    expect(templatesTo(SILENT)).toEqual(['cold_recovery_1']);
    await sweepAt(Date.parse('2026-11-28T03:31:00Z'));
    await fake.until(() => templatesTo(SILENT).length === 2);
    expect(templatesTo(SILENT)).toEqual(['cold_recovery_1', 'cold_recovery_2']);
    const done = await enrolmentOf(SILENT);
    expect(done).toMatchObject({ status: 'completed', stopReason: 'completed', nextStep: null, nextStepAt: null });
    expect(done.steps.map((s) => s.step)).toEqual([0, 1]);

    const before = fake.sent.length;
    for (let day = 1; day <= 5; day++) await sweepAt(Date.parse('2026-11-28T03:31:00Z') + day * 24 * H);
    expect(await app.notifications.service.sendDue()).toBe(0);
    expect(fake.sent.length).toBe(before);
    expect(templatesTo(REPLIES)).toEqual(['cold_recovery_1']);
    expect(templatesTo(OPTS_OUT)).toEqual([]);
  });

  it('publishes sequence.enrolled, sequence.step_sent and sequence.stopped on the bus', async () => {
    const e = await enrolmentOf(SILENT);
    const types = (await app.events.about(tenantId, e.id)).map((x) => [x.type, x.data.reason ?? x.data.step ?? null]);
    expect(types).toEqual([['sequence.enrolled', null], ['sequence.step_sent', 0], ['sequence.step_sent', 1], ['sequence.stopped', 'completed']]);
    const replied = await enrolmentOf(REPLIES);
    expect((await app.events.about(tenantId, replied.id)).at(-1)).toMatchObject({ type: 'sequence.stopped', data: { reason: 'replied', sequenceId } });
  });
});
