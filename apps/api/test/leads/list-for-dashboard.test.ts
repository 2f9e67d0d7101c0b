import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { api, leadOfConversation, leadsIdle, startChat, until } from './helpers';

/**
 * What the dashboard's lead board and customer profile read from GET /v1/leads: each lead with
 * its contact's name and its response clock, and a contact's own lead.
 */
let app: TestApp;
let key: string;
let tenantId: string;
beforeAll(async () => {
  app = await startTestApp({ workers: true });
  key = (await seedTenant(app, 'barberpro-palermo')).key;
  [{ id: tenantId }] = await app.db.query<{ id: string }>(`SELECT id FROM tenants WHERE slug = 'barberpro-palermo'`) as [{ id: string }];
});

interface Summary { id: string; contactId: string; contactName: string | null; ownerId: string | null;
  clock: { kind: string; startedAt: string; dueAt: string; breached: boolean } | null }
const list = async (query = '') => {
  const res = await api(app, key).get(`/v1/leads?limit=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Summary[];
};

describe('the lead list for the dashboard', () => {
  it("names each lead's contact, filters by contact, and shows the response clock running, then breached", async () => {
    const t0 = Date.parse('2026-11-25T13:00:00Z'); // Wednesday 10:00 in Buenos Aires
    app.clock.set(t0);
    // One conversation at a time, each handled before the next (the leads module follows the events as they come).
    const ana = await startChat(app, 'barberpro-palermo');
    await ana.send('Hola, quiero un corte de pelo el viernes');
    await leadsIdle(app);
    const other = await startChat(app, 'barberpro-palermo');
    await other.send('Hola, ¿cuánto sale la barba?');
    const lead = await leadOfConversation(app, key, ana.conversationId) as unknown as Summary;
    const otherLead = await leadOfConversation(app, key, other.conversationId);
    await leadsIdle(app);

    // A person corrects the contact's name: the list shows it (decrypted), for this lead only.
    const renamed = await app.app.inject({ method: 'PATCH', url: `/v1/contacts/${lead.contactId}`, headers: app.auth(key), payload: { name: 'Ana Torres' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const all = await list();
    expect(all.map((l) => l.id).sort()).toEqual([lead.id, otherLead.id].sort());
    expect(all.find((l) => l.id === lead.id)!.contactName).toBe('Ana Torres');
    expect(all.find((l) => l.id === otherLead.id)!.contactName).toBeNull();
    // A barber takes Ana's conversation over and answers: nobody is waiting there, no clock runs.
    expect((await api(app, key).post(`/v1/conversations/${ana.conversationId}/takeover`, {})).statusCode).toBe(204);
    expect((await api(app, key).post(`/v1/conversations/${ana.conversationId}/messages`, { text: '¡Hola Ana! Sí, el viernes hay lugar.' })).statusCode).toBe(201);
    await until(async () => (await list()).find((l) => l.id === lead.id)!.clock === null, 'the clock stopped by the reply');

    // The contact's lead, and nobody else's.
    expect((await list(`&contact=${lead.contactId}`)).map((l) => l.id)).toEqual([lead.id]);
    expect(await list(`&contact=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`)).toEqual([]);
    expect((await api(app, key).get('/v1/leads?contact=not-an-id')).statusCode).toBe(400);

    // Owned by a barber, her next message waits for a person.
    const barber = ((await api(app, key).get('/v1/resources')).json().items as { id: string; kind: string }[]).find((r) => r.kind === 'staff')!;
    expect((await api(app, key).patch(`/v1/leads/${lead.id}`, { ownerId: barber.id })).statusCode).toBe(200);
    const t1 = t0 + 10 * 60_000;
    app.clock.set(t1);
    await ana.send('¿Hay lugar a las 18?');
    const running = await until(async () => (await list()).find((l) => l.id === lead.id)?.clock, 'the clock of the owned lead');
    const settings = (await api(app, key).get('/v1/leads/settings')).json() as { sla: { nextResponseMinutes: Record<string, number> } };
    const temperature = ((await api(app, key).get(`/v1/leads/${lead.id}`)).json() as { temperature: string | null }).temperature ?? 'cold';
    const minutes = settings.sla.nextResponseMinutes[temperature]!;
    expect(running).toEqual({ kind: 'next_response', startedAt: new Date(t1).toISOString(), dueAt: new Date(t1 + minutes * 60_000).toISOString(), breached: false });

    // Nobody answered in time: the sweep records the breach and the list says so, until someone replies.
    await app.leads.sweep([tenantId], t1 + minutes * 60_000 + 1_000);
    expect((await list()).find((l) => l.id === lead.id)!.clock).toEqual({ ...running, breached: true });
    // Filtering by owner still works alongside.
    expect((await list(`&owner=${barber.id}`)).map((l) => l.id)).toEqual([lead.id]);
  });
});
