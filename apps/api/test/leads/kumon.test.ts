import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, seedTenant, startTestApp, type TestApp } from '../harness/app';
import { firstContact } from '../harness/consent';
import { api, leadOfConversation, leadsIdle, startChat, until } from './helpers';

let app: TestApp;
let key: string;
let lead: string;
let chat: Awaited<ReturnType<typeof startChat>>;
beforeAll(async () => {
  app = await startTestApp({ workers: true });
  key = (await seedTenant(app, 'kumon-vila-a')).key;
});
const get = async (id: string) => (await api(app, key).get(`/v1/leads/${id}`)).json();

describe('Kumon leads (pt-BR)', () => {
  it('fills the 8 qualification fields from the chat and moves to booked, with its source and an explained score', async () => {
    app.clock.set(Date.parse('2026-11-25T13:00:00Z')); // Wed 10:00 in São Paulo
    chat = await startChat(app, 'kumon-vila-a');
    const offered = await firstContact(chat.send, 'Oi, queria marcar uma avaliação na sexta de manhã');
    await chat.send(offered.at(-1)!.options![0]!.label);
    await chat.send('Maria Souza');
    await chat.send('sim');
    for (const text of ['Pedro', 'ele tem 8 anos', '3º ano', 'matemática e inglês', '(11) 98765-4321', 'maria.souza@example.com', 'Pelo Instagram']) await chat.send(text);

    lead = (await leadOfConversation(app, key, chat.conversationId)).id;
    const body = await until(async () => {
      const l = await get(lead);
      return Object.keys(l.fields).length === 8 && l.stage === 'booked' && l.temperature ? l : undefined;
    }, 'all 8 answers on the lead');
    expect(body.fields).toMatchObject({ guardian_name: 'Maria Souza', student_name: 'Pedro', subjects: 'Matemática, Inglês', heard_from: 'Pelo Instagram' });
    expect(body.source).toEqual({ channel: 'web', campaign: null, referral: null });
    expect(body.bookingIds).toHaveLength(1);
    const fit = body.score.factors.find((f: { factor: string }) => f.factor === 'fit');
    expect(fit.signals.map((s: { signal: string }) => s.signal)).toEqual(['age_in_range', 'details_given']);
    await leadsIdle(app);
    const stages = (await api(app, key).get(`/v1/leads/${lead}/timeline`)).json().items
      .filter((i: { type: string }) => i.type === 'lead.stage_changed').map((i: { data: { to: string } }) => i.data.to);
    expect(stages).toContain('booked');
    expect(stages.indexOf('engaged')).toBeLessThan(stages.indexOf('booked'));
  });

  it('moves to attended when the visit is completed, and takes a booking made by staff for the same phone', async () => {
    const { bookingIds: [bookingId] } = await get(lead);
    expect((await api(app, key).patch(`/v1/bookings/${bookingId}`, { status: 'completed' })).statusCode).toBe(200);
    await until(async () => (await get(lead)).stage === 'attended', 'the lead attended');

    const services = (await api(app, key).get('/v1/services')).json().items as { id: string }[];
    const made = await api(app, key).post('/v1/bookings', {
      serviceId: services[0]!.id, start: '2026-12-07T14:00:00Z', customer: { name: 'Maria Souza', phone: '+5511987654321' },
    });
    expect(made.statusCode, made.body).toBe(201);
    await until(async () => (await get(lead)).bookingIds.includes(made.json().id), 'the staff booking on the lead');
    expect((await get(lead)).stage).toBe('attended'); // never backwards
  });

  it("lets staff correct an answer, which the assistant's later values no longer overwrite", async () => {
    const patched = await api(app, key).patch(`/v1/leads/${lead}`, { fields: { subjects: 'Matemática, Português e Inglês' }, tags: ['irmãos'] });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ staffFields: ['subjects'], tags: ['irmãos'], fields: { subjects: 'Matemática, Português e Inglês' } });
    await chat.send('obrigada!');
    await leadsIdle(app);
    expect((await get(lead)).fields.subjects).toBe('Matemática, Português e Inglês');
  });

  it('validates changes and names the field', async () => {
    const bad = [
      [{ ownerId: '00000000-0000-4000-8000-000000000000' }, 'ownerId'],
      [{ stage: 'lost' }, 'lostReason'],
      [{ stage: 'sold' }, 'stage'],
      [{ tags: [''] }, 'tags[0]'],
    ] as const;
    for (const [payload, path] of bad) {
      const res = await api(app, key).patch(`/v1/leads/${lead}`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const settings = (await api(app, key).get('/v1/leads/settings')).json();
    expect(settings.fields.student_age).toBe('age');
    expect(settings.routing.agents).toHaveLength(2);
    for (const [payload, path] of [
      [{ ...settings, routing: { ...settings.routing, agents: [settings.routing.agents[0], '00000000-0000-4000-8000-000000000000'] } }, 'routing.agents[1]'],
      [{ ...settings, thresholds: { hot: 40, warm: 60 } }, 'thresholds.warm'],
      [{ ...settings, sla: { ...settings.sla, escalateTo: '00000000-0000-4000-8000-000000000000' } }, 'sla.escalateTo'],
    ] as const) {
      const res = await api(app, key).put('/v1/leads/settings', payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
  });

  it('lets staff set an owner, any stage (lost with its reason), notes, a campaign; lists with filters and a cursor', async () => {
    const [owner] = (await api(app, key).get('/v1/leads/settings')).json().routing.agents;
    const res = await api(app, key).patch(`/v1/leads/${lead}`, { ownerId: owner, stage: 'lost', lostReason: 'chose another school', source: { campaign: 'volta-as-aulas' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ownerId: owner, stage: 'lost', lostReason: 'chose another school', routing: 'human',
      source: { channel: 'web', campaign: 'volta-as-aulas', referral: null } });
    const note = await api(app, key).post(`/v1/leads/${lead}/notes`, { text: 'Mãe pediu para ligar depois das 18h' });
    expect(note.statusCode).toBe(201);
    expect((await get(lead)).notes.map((n: { text: string }) => n.text)).toEqual(['Mãe pediu para ligar depois das 18h']);
    const items = (await api(app, key).get(`/v1/leads/${lead}/timeline`)).json().items as { type: string; data: Record<string, unknown> }[];
    expect(items.find((i) => i.type === 'lead.stage_changed' && i.data.to === 'lost')!.data).toMatchObject({ from: 'attended', reason: 'chose another school' });
    expect(items.map((i) => i.type)).toEqual(expect.arrayContaining(['lead.assigned', 'lead.note_added', 'lead.updated']));

    app.clock.advance(60_000);
    const other = await startChat(app, 'kumon-vila-a');
    await firstContact(other.send, 'Quanto custa?');
    const second = (await leadOfConversation(app, key, other.conversationId)).id;
    const list = async (q: string) => ((await api(app, key).get(`/v1/leads?${q}`)).json().items as { id: string }[]).map((l) => l.id);
    expect(await list('stage=lost')).toEqual([lead]);
    expect(await list(`owner=${owner}`)).toEqual([lead]);
    expect(await list('source=web')).toEqual([second, lead]);
    expect(await list('source=whatsapp')).toEqual([]);
    const page = (await api(app, key).get('/v1/leads?limit=1')).json();
    expect(page.items.map((l: { id: string }) => l.id)).toEqual([second]);
    expect(await list(`limit=1&cursor=${page.nextCursor}`)).toEqual([lead]);
    expect((await api(app, key).get('/v1/leads?cursor=nonsense')).json().errors[0].path).toBe('cursor');
  });

  it('keeps one lead when a second chat turns out to be the same person (its anonymous contact goes away)', async () => {
    const first = await startChat(app, 'kumon-vila-a');
    await firstContact(first.send, 'Oi, meu WhatsApp é (11) 91234-5678');
    const known = (await leadOfConversation(app, key, first.conversationId)).id;
    await leadsIdle(app);
    const second = await startChat(app, 'kumon-vila-a');
    await firstContact(second.send, 'Oi de novo, meu WhatsApp é (11) 91234-5678');
    await leadsIdle(app);
    const leads = ((await api(app, key).get('/v1/leads?limit=200')).json().items as { id: string; conversationIds: string[] }[])
      .filter((l) => l.conversationIds.some((c) => [first.conversationId, second.conversationId].includes(c)));
    expect(leads).toHaveLength(1);
    expect(leads[0]!.id).toBe(known);
    expect(leads[0]!.conversationIds.sort()).toEqual([first.conversationId, second.conversationId].sort());
  });

  it("answers 404 for another tenant's lead", async () => {
    const stranger = await createTenant(app);
    for (const url of [`/v1/leads/${lead}`, `/v1/leads/${lead}/timeline`]) expect((await api(app, stranger.key).get(url)).statusCode).toBe(404);
    expect((await api(app, stranger.key).patch(`/v1/leads/${lead}`, { tags: ['x'] })).statusCode).toBe(404);
    expect((await api(app, stranger.key).post(`/v1/leads/${lead}/notes`, { text: 'x' })).statusCode).toBe(404);
    expect((await api(app, stranger.key).get('/v1/leads')).json().items).toEqual([]);
  });
});
