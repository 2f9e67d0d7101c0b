import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { firstContact } from '../harness/consent';
import { api, leadOfConversation, leadsIdle, startChat, until, type Reply } from './helpers';

let app: TestApp;
let key: string;
let tenantId: string;
let sdrs: string[];
beforeAll(async () => {
  app = await startTestApp();
  key = (await seedTenant(app, 'flexoraa')).key;
  [{ id: tenantId }] = await app.db.query<{ id: string }>(`SELECT id FROM tenants WHERE slug = 'flexoraa'`) as [{ id: string }];
  sdrs = ((await api(app, key).get('/v1/resources')).json().items as { id: string; kind: string }[]).filter((r) => r.kind === 'staff').map((r) => r.id);
});

interface LeadBody {
  id: string; stage: string; temperature: string; ownerId: string | null; routing: string; bookingIds: string[]; fields: Record<string, string>;
  score: { value: number; factors: { factor: string; score: number; signals: { signal: string }[] }[] };
  timers: { kind: string; dueAt: string }[]; breaches: { kind: string; escalatedTo: string | null }[];
}
const leadBody = async (id: string) => (await api(app, key).get(`/v1/leads/${id}`)).json() as LeadBody;
const timeline = async (id: string) => (await api(app, key).get(`/v1/leads/${id}/timeline`)).json().items as
  { type: string; subjectId: string; data: Record<string, unknown>; occurredAt: string }[];

describe('Flexoraa leads through the web chat', () => {
  let hotLead: string;
  let hotConversation: string;
  let hotChat: Awaited<ReturnType<typeof startChat>>;

  it('a founder with a big budget and an urgent timeline is HOT, assigned to a working SDR, and the conversation is taken over; a vague lead is COLD', async () => {
    app.clock.set(Date.parse('2026-11-25T06:00:00Z')); // Wed 11:30 in Kolkata: every SDR is working
    const hot = await startChat(app, 'flexoraa');
    hotConversation = hot.conversationId;
    hotChat = hot;
    let last: Reply[] = await firstContact(hot.send, "Hi, I'd like to book a discovery call on Friday afternoon");
    for (const text of ['Priya Sharma', 'WhatsApp lead follow-up for our clinics',
      'around 1,50,000 rupees a month', 'this week, it is urgent', "I'm the founder, I decide", 'about 40 people']) last = await hot.send(text);
    const offered = last.at(-1)!.options!;
    expect(offered).toHaveLength(3);
    await hot.send(offered[0]!.label);
    expect((await hot.send('yes')).map((r) => r.text).join(' ')).toMatch(/booked|confirmed|see you/i);

    const vague = await startChat(app, 'flexoraa');
    await firstContact(vague.send, 'hi');
    for (const text of ['can I book a call sometime?', 'Raj', 'not sure yet, just exploring options', 'no budget yet', 'just exploring',
      'my boss decides', 'small team']) await vague.send(text);

    // The leads module follows the conversations' events from here on (in order, so the test is repeatable).
    await app.startWorkers();
    hotLead = (await leadOfConversation(app, key, hot.conversationId)).id;
    const lead = await until(async () => {
      const l = await leadBody(hotLead);
      return l.ownerId && l.bookingIds.length && l.stage === 'booked' ? l : undefined;
    }, 'the HOT lead assigned and booked');
    expect(lead).toMatchObject({ temperature: 'hot', routing: 'human', stage: 'booked' });
    expect(sdrs).toContain(lead.ownerId);
    expect(lead.score.value).toBeGreaterThanOrEqual(70);
    expect(lead.score.factors.find((f) => f.factor === 'budget')!.signals.map((s) => s.signal)).toEqual(['budget_at_least']);
    expect(lead.fields).toMatchObject({ budget: 'around 1,50,000 rupees a month', decision_role: "I'm the founder, I decide" });
    const conversation = (await api(app, key).get('/v1/conversations')).json().items.find((c: { id: string }) => c.id === hot.conversationId);
    expect(conversation.handledBy).toBe('human');
    // A HOT lead waits for a person: the 5-minute first-response timer runs on the app clock.
    expect(lead.timers).toMatchObject([{ kind: 'first_response', dueAt: '2026-11-25T06:05:00.000Z' }]);

    const coldLead = (await leadOfConversation(app, key, vague.conversationId)).id;
    const cold = await until(async () => {
      const l = await leadBody(coldLead);
      return Object.keys(l.fields).length === 6 && l.temperature ? l : undefined;
    }, 'the vague lead scored on every answer');
    expect(cold).toMatchObject({ temperature: 'cold', routing: 'nurture', ownerId: null });
    expect(cold.score.value).toBeLessThan(40);
    await leadsIdle(app);
  });

  it("shows the lead's messages, stage changes, assignment and booking on its timeline, oldest first", async () => {
    const items = await timeline(hotLead);
    const types = items.map((i) => i.type);
    for (const type of ['lead.created', 'message.received', 'message.sent', 'lead.stage_changed', 'lead.temperature_changed', 'lead.assigned', 'booking.created']) {
      expect(types, type).toContain(type);
    }
    const stages = items.filter((i) => i.type === 'lead.stage_changed').map((i) => i.data.to);
    expect(stages).toEqual(expect.arrayContaining(['engaged', 'qualified', 'booked']));
    const at = items.map((i) => Date.parse(i.occurredAt));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    const booking = items.find((i) => i.type === 'booking.created')!;
    expect((await leadBody(hotLead)).bookingIds).toEqual([booking.subjectId]);
  });

  it('breaches the HOT first-response SLA after 5 minutes without a person, escalates it, and raises one leakage alert per silence', async () => {
    const settings = (await api(app, key).get('/v1/leads/settings')).json();
    const manager = sdrs[3]!;
    expect((await api(app, key).put('/v1/leads/settings', { ...settings, sla: { ...settings.sla, escalateTo: manager } })).statusCode).toBe(200);

    app.clock.set(Date.parse('2026-11-25T06:04:00Z'));
    await app.leads.sweep([tenantId], app.clock.now());
    expect((await leadBody(hotLead)).breaches).toEqual([]);
    app.clock.set(Date.parse('2026-11-25T06:06:00Z'));
    await app.leads.sweep([tenantId], app.clock.now());
    await app.leads.sweep([tenantId], app.clock.now()); // a second sweep finds nothing new
    const lead = await leadBody(hotLead);
    expect(lead.breaches).toMatchObject([{ kind: 'first_response', escalatedTo: manager }]);
    expect(lead.timers).toEqual([]);
    const types = (await timeline(hotLead)).map((i) => i.type);
    expect(types.filter((t) => t === 'sla.breached')).toHaveLength(1);
    expect(types.filter((t) => t === 'sla.escalated')).toHaveLength(1);

    // The conversation is with a person now, so the assistant stays silent: the customer's next message waits for an answer.
    const waiting = () => app.db.query(`SELECT 1 FROM lead_timers WHERE tenant_id = $1 AND conversation_id = $2 AND waiting_since IS NOT NULL`, [tenantId, hotConversation]);
    app.clock.set(Date.parse('2026-11-25T07:00:00Z'));
    expect(await waiting()).toEqual([]);
    expect(await hotChat.send('Hello? Is anyone there?')).toEqual([]);
    await until(async () => (await waiting()).length > 0, 'the silence clock started');
    const leakage = async () => (await leadBody(hotLead)).breaches.filter((b) => b.kind === 'leakage').length;
    app.clock.set(Date.parse('2026-11-25T08:59:00Z'));
    await app.leads.sweep([tenantId], app.clock.now());
    expect(await leakage()).toBe(0);
    app.clock.set(Date.parse('2026-11-25T09:01:00Z'));
    await app.leads.sweep([tenantId], app.clock.now());
    app.clock.set(Date.parse('2026-11-25T09:30:00Z')); // the person's hold on the conversation lasts until 10:00
    await app.leads.sweep([tenantId], app.clock.now());
    expect(await leakage()).toBe(1);
    expect((await timeline(hotLead)).filter((i) => i.type === 'lead.leakage')).toHaveLength(1);

    // A person answers: the silence ends. The customer writes again: a new silence, and a next-response timer (15 minutes for HOT).
    const reply = await api(app, key).post(`/v1/conversations/${hotConversation}/messages`, { text: 'Hi Priya, Rohan here from Flexoraa.' });
    expect(reply.statusCode, reply.body).toBe(201);
    await until(async () => (await waiting()).length === 0, 'the staff reply seen');
    await hotChat.send('Great, thanks Rohan!');
    await until(async () => (await waiting()).length > 0, 'the new silence');
    expect((await leadBody(hotLead)).timers).toMatchObject([{ kind: 'next_response', dueAt: '2026-11-25T09:45:00.000Z' }]);
    app.clock.set(Date.parse('2026-11-25T11:31:00Z'));
    await app.leads.sweep([tenantId], app.clock.now());
    expect(await leakage()).toBe(2);
    expect((await leadBody(hotLead)).breaches.map((b) => b.kind)).toEqual(['first_response', 'leakage', 'next_response', 'leakage']);
  });
});
