import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import { expectProblem } from '../harness/problem';
import { api } from '../leads/helpers';

let app: TestApp;
let tenant: { id: string; key: string; slug: string };
let other: { id: string; key: string; slug: string };
// Thursday 26 November 2026, 14:00 in São Paulo: outside the default quiet hours (21:00–09:00).
const NOON = Date.parse('2026-11-26T17:00:00Z');

const SEQUENCE = {
  name: 'Welcome back', trigger: { event: 'manual' },
  steps: [{ waitMinutes: 0, texts: { pt: 'Oi! Podemos ajudar?', en: 'Hi! Can we help?' } }, { waitMinutes: 60 * 24, texts: { pt: 'Ainda por aqui.' } }],
};

async function chatContact(slug: string): Promise<string> {
  const res = await app.app.inject({ method: 'POST', url: `/v1/chat/${slug}/conversations` });
  expect(res.statusCode).toBe(201);
  const [row] = await app.db.query<{ contact_id: string }>(`SELECT contact_id FROM conversations WHERE id = $1`, [res.json().conversationId]);
  return row!.contact_id;
}

beforeAll(async () => {
  app = await startTestApp();
  app.clock.set(NOON);
  tenant = await createTenant(app);
  other = await createTenant(app);
});

describe('/v1/sequences', () => {
  it('creates, lists, reads, changes and deletes sequences, with the defaults filled in', async () => {
    const created = await api(app, tenant.key).post('/v1/sequences', SEQUENCE);
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ name: 'Welcome back', active: true, trigger: { event: 'manual' } });
    expect(body.steps[0]).toEqual({ waitMinutes: 0, afterSilence: false, unless: ['replied', 'booked'], texts: SEQUENCE.steps[0]!.texts });
    expect((await api(app, tenant.key).get('/v1/sequences')).json().items.map((s: { id: string }) => s.id)).toEqual([body.id]);
    const patched = await api(app, tenant.key).patch(`/v1/sequences/${body.id}`, { name: 'Renamed', trigger: { event: 'booking.status_changed', to: 'no_show' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'Renamed', trigger: { event: 'booking.status_changed', to: 'no_show' }, steps: body.steps });
    expect((await api(app, tenant.key).get(`/v1/sequences/${body.id}`)).json().name).toBe('Renamed');
    expect((await app.app.inject({ method: 'DELETE', url: `/v1/sequences/${body.id}`, headers: app.auth(tenant.key) })).statusCode).toBe(204);
    expectProblem(await api(app, tenant.key).get(`/v1/sequences/${body.id}`), 404, 'NOT_FOUND');
  });

  it.each([
    ['no steps', { ...SEQUENCE, steps: [] }, 'steps'],
    ['a step without words', { ...SEQUENCE, steps: [{ waitMinutes: 10, texts: {} }] }, 'steps[0].texts'],
    ['a negative wait', { ...SEQUENCE, steps: [{ waitMinutes: -5, texts: { en: 'x' } }] }, 'steps[0].waitMinutes'],
    ['an unknown condition', { ...SEQUENCE, steps: [{ waitMinutes: 5, unless: ['clicked'], texts: { en: 'x' } }] }, 'steps[0].unless[0]'],
    ['an unknown temperature', { ...SEQUENCE, trigger: { event: 'lead.temperature_changed', to: 'tepid' } }, 'trigger.to'],
    ['no name', { ...SEQUENCE, name: '' }, 'name'],
  ])('refuses %s, naming the field', async (_, payload, path) => {
    const problem = expectProblem(await api(app, tenant.key).post('/v1/sequences', payload), 400, 'VALIDATION_FAILED');
    expect(problem.errors!.map((e) => e.path)).toContain(path);
  });

  it('keeps quiet hours per tenant (21:00–09:00 by default) and refuses a malformed time', async () => {
    expect((await api(app, tenant.key).get('/v1/sequences/settings')).json()).toEqual({ quietHours: { start: '21:00', end: '09:00' } });
    const saved = await api(app, tenant.key).put('/v1/sequences/settings', { quietHours: { start: '22:00', end: '07:30' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await api(app, tenant.key).get('/v1/sequences/settings')).json()).toEqual({ quietHours: { start: '22:00', end: '07:30' } });
    expect((await api(app, other.key).get('/v1/sequences/settings')).json()).toEqual({ quietHours: { start: '21:00', end: '09:00' } });
    const bad = expectProblem(await api(app, tenant.key).put('/v1/sequences/settings', { quietHours: { start: '25:00', end: '07:00' } }), 400, 'VALIDATION_FAILED');
    expect(bad.errors!.map((e) => e.path)).toEqual(['quietHours.start']);
  });
});

describe('enrolments', () => {
  let sequenceId: string;
  let contactId: string;
  let enrolmentId: string;

  it('enrols a contact by hand once at a time; the first step is due at once', async () => {
    sequenceId = (await api(app, tenant.key).post('/v1/sequences', SEQUENCE)).json().id;
    contactId = await chatContact(tenant.slug);
    const res = await api(app, tenant.key).post(`/v1/sequences/${sequenceId}/enrolments`, { contactId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ sequenceId, contactId, status: 'active', source: 'manual', nextStep: 0, nextStepAt: new Date(NOON).toISOString(), steps: [] });
    enrolmentId = res.json().id;
    const again = expectProblem(await api(app, tenant.key).post(`/v1/sequences/${sequenceId}/enrolments`, { contactId }), 409, 'SEQUENCE_ALREADY_ENROLLED');
    expect(again.enrolmentId).toBe(enrolmentId);
  });

  it('sends each step once, even when sweeps run twice or side by side, and shows its outcome', async () => {
    const moved = await Promise.all([app.sequences.sweep([tenant.id], NOON), app.sequences.sweep([tenant.id], NOON)]);
    expect(moved.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await app.sequences.sweep([tenant.id], NOON)).toBe(0);
    const notices = await app.db.query<{ key: string; kind: string; status: string }>(`SELECT key, kind, status FROM notices WHERE tenant_id = $1`, [tenant.id]);
    expect(notices).toEqual([{ key: `sequence:${enrolmentId}:0`, kind: 'follow_up', status: 'scheduled' }]);
    await app.notifications.service.sendDue();
    const [e] = (await api(app, tenant.key).get(`/v1/contacts/${contactId}/enrolments`)).json().items;
    expect(e).toMatchObject({ id: enrolmentId, status: 'active', nextStep: 1, nextStepAt: new Date(NOON + 24 * 3_600_000).toISOString() });
    // A web chat visitor with no phone, e-mail or channel cannot be reached on their own: the notice says so.
    expect(e.steps).toMatchObject([{ step: 0, outcome: 'queued', notice: { status: 'skipped', reason: 'no_channel' } }]);
    expect((await api(app, tenant.key).get(`/v1/sequences/${sequenceId}/enrolments?status=active`)).json().items.map((x: { id: string }) => x.id)).toEqual([enrolmentId]);
  });

  it('lets staff stop an enrolment once; nothing more is sent', async () => {
    const res = await api(app, tenant.key).post(`/v1/sequences/${sequenceId}/enrolments/${enrolmentId}/stop`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'stopped', stopReason: 'staff', nextStepAt: null });
    expectProblem(await api(app, tenant.key).post(`/v1/sequences/${sequenceId}/enrolments/${enrolmentId}/stop`, {}), 409, 'SEQUENCE_ENROLMENT_FINISHED');
    expect(await app.sequences.sweep([tenant.id], NOON + 48 * 3_600_000)).toBe(0);
    const stopped = (await app.events.about(tenant.id, enrolmentId)).map((x) => x.type);
    expect(stopped).toEqual(['sequence.enrolled', 'sequence.step_sent', 'sequence.stopped']);
    // Stopped, the contact may be enrolled again.
    expect((await api(app, tenant.key).post(`/v1/sequences/${sequenceId}/enrolments`, { contactId })).statusCode).toBe(201);
  });

  it('refuses an inactive sequence, and a contact that is not there', async () => {
    const paused = (await api(app, tenant.key).post('/v1/sequences', { ...SEQUENCE, active: false })).json().id;
    expectProblem(await api(app, tenant.key).post(`/v1/sequences/${paused}/enrolments`, { contactId }), 409, 'SEQUENCE_INACTIVE');
    expectProblem(await api(app, tenant.key).post(`/v1/sequences/${sequenceId}/enrolments`, { contactId: '00000000-0000-4000-8000-000000000000' }), 404, 'NOT_FOUND');
    const invalid = expectProblem(await api(app, tenant.key).post(`/v1/sequences/${sequenceId}/enrolments`, { contactId: 'nope' }), 400, 'VALIDATION_FAILED');
    expect(invalid.errors!.map((e) => e.path)).toEqual(['contactId']);
  });

  it("answers 404 for another tenant's sequences, enrolments and contacts", async () => {
    const theirs = api(app, other.key);
    expectProblem(await theirs.get(`/v1/sequences/${sequenceId}`), 404, 'NOT_FOUND');
    expectProblem(await theirs.patch(`/v1/sequences/${sequenceId}`, { name: 'x' }), 404, 'NOT_FOUND');
    expectProblem(await app.app.inject({ method: 'DELETE', url: `/v1/sequences/${sequenceId}`, headers: app.auth(other.key) }), 404, 'NOT_FOUND');
    expectProblem(await theirs.get(`/v1/sequences/${sequenceId}/enrolments`), 404, 'NOT_FOUND');
    expectProblem(await theirs.post(`/v1/sequences/${sequenceId}/enrolments/${enrolmentId}/stop`, {}), 404, 'NOT_FOUND');
    expectProblem(await theirs.get(`/v1/contacts/${contactId}/enrolments`), 404, 'NOT_FOUND');
    const own = (await theirs.post('/v1/sequences', SEQUENCE)).json().id;
    expectProblem(await theirs.post(`/v1/sequences/${own}/enrolments`, { contactId }), 404, 'NOT_FOUND');
    expect((await theirs.get('/v1/sequences')).json().items.map((s: { id: string }) => s.id)).toEqual([own]);
  });
});

describe('follow-ups where the business asks consent first (LGPD/GDPR)', () => {
  it('holds a follow-up for a contact who has not consented, and sends it once they have', async () => {
    const lgpd = await createTenant(app);
    const saved = await api(app, lgpd.key).put('/v1/privacy/consent-settings', { required: true, texts: { pt: 'Você concorda com a LGPD? SIM ou NÃO.' } });
    expect(saved.statusCode, saved.body).toBe(200);
    const sequenceId = (await api(app, lgpd.key).post('/v1/sequences', SEQUENCE)).json().id;
    const contactId = await chatContact(lgpd.slug);
    await api(app, lgpd.key).patch(`/v1/contacts/${contactId}`, { email: 'rita@example.com' });
    const reasonOfFirstStep = async () => {
      await app.sequences.sweep([lgpd.id], app.clock.now());
      await app.notifications.service.sendDue();
      const [e] = (await api(app, lgpd.key).get(`/v1/contacts/${contactId}/enrolments`)).json().items;
      return e.steps[0]?.notice;
    };
    expect((await api(app, lgpd.key).post(`/v1/sequences/${sequenceId}/enrolments`, { contactId })).statusCode).toBe(201);
    expect(await reasonOfFirstStep()).toMatchObject({ status: 'skipped', reason: expect.stringContaining('consent') });

    const other = await chatContact(lgpd.slug);
    await api(app, lgpd.key).patch(`/v1/contacts/${other}`, { email: 'joao@example.com' });
    const consent = await api(app, lgpd.key).post(`/v1/contacts/${other}/consents`, { purposes: ['data_processing'], answer: 'granted', channel: 'paper', text: 'Ficha de matrícula assinada' });
    expect(consent.statusCode, consent.body).toBe(201);
    expect((await api(app, lgpd.key).post(`/v1/sequences/${sequenceId}/enrolments`, { contactId: other })).statusCode).toBe(201);
    await app.sequences.sweep([lgpd.id], app.clock.now());
    await app.notifications.service.sendDue();
    const [granted] = (await api(app, lgpd.key).get(`/v1/contacts/${other}/enrolments`)).json().items;
    expect(granted.steps[0]?.notice?.reason ?? '').not.toContain('consent');
  });
});

