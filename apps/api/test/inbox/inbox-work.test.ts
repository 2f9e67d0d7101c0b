import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { inviteAndJoin, type SignedIn } from '../harness/staff';
import { leadsIdle, startChat, until } from '../leads/helpers';

let app: TestApp;
let key: string;
let tenantId: string;
let dave: SignedIn;
let maria: SignedIn;
let viewer: SignedIn;
let first: Awaited<ReturnType<typeof startChat>>;
let second: Awaited<ReturnType<typeof startChat>>;
const HOUR = 3600_000;

type Method = 'GET' | 'POST' | 'PATCH';
const as = (who: SignedIn, method: Method, url: string, payload?: object) =>
  app.app.inject({ method, url, cookies: who.cookies, headers: who.headers, ...(payload ? { payload } : {}) });
const queue = async (who: SignedIn, query: string) => {
  const res = await as(who, 'GET', `/v1/conversations?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: string; assigneeId: string | null; tags: string[]; contactId: string }[]; counts: Record<string, number> };
};
const ids = async (who: SignedIn, query: string) => (await queue(who, query)).items.map((c) => c.id).sort();
const sorted = (...list: string[]) => [...list].sort();

beforeAll(async () => {
  app = await startTestApp({ workers: true });
  ({ key } = await seedTenant(app, 'speedy-van'));
  [{ id: tenantId }] = await app.db.query<{ id: string }>(`SELECT id FROM tenants WHERE slug = 'speedy-van'`) as [{ id: string }];
  dave = await inviteAndJoin(app, app.auth(key), { email: 'dave@speedyvan.test', role: 'agent', name: 'Dave Jones' });
  maria = await inviteAndJoin(app, app.auth(key), { email: 'maria@speedyvan.test', role: 'agent', name: 'Maria Silva' });
  viewer = await inviteAndJoin(app, app.auth(key), { email: 'val@speedyvan.test', role: 'viewer', name: 'Val Viewer' });
  first = await startChat(app, 'speedy-van');
  await first.send('Hi, do you have a small van on Friday?');
  second = await startChat(app, 'speedy-van');
  await second.send('Hello, I need help moving a sofa');
}, 120_000);

describe('the inbox as a team queue', () => {
  it('lists the unassigned with counts; an agent assigns one to themself, and it moves to "mine" (a live event says so)', async () => {
    const before = await queue(dave, 'queue=unassigned');
    expect(before.items.map((c) => c.id).sort()).toEqual(sorted(first.conversationId, second.conversationId));
    expect(before.counts).toMatchObject({ all: 2, open: 2, unassigned: 2, mine: 0, breached: 0 });

    const assigned = await as(dave, 'PATCH', `/v1/conversations/${first.conversationId}`, { assigneeId: dave.userId });
    expect(assigned.statusCode, assigned.body).toBe(204);
    expect(await ids(dave, 'queue=mine')).toEqual([first.conversationId]);
    expect(await ids(dave, 'queue=unassigned')).toEqual([second.conversationId]);
    expect(await ids(maria, 'queue=mine')).toEqual([]);
    expect((await queue(dave, 'queue=all')).counts).toMatchObject({ mine: 1, unassigned: 1 });
    const [event] = await app.db.query<{ data: { assigneeId: string } }>(
      `SELECT data FROM events WHERE type = 'conversation.assigned' AND subject_id = $1`, [first.conversationId]);
    expect(event!.data.assigneeId).toBe(dave.userId);
  });

  it('refuses someone who is not on the team, by the field, and an unknown conversation; a viewer may not assign', async () => {
    const stranger = await as(dave, 'PATCH', `/v1/conversations/${first.conversationId}`, { assigneeId: '00000000-0000-4000-8000-000000000001' });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors).toEqual([{ path: 'assigneeId', message: 'is not a staff member of this business' }]);
    expect((await as(dave, 'PATCH', '/v1/conversations/00000000-0000-4000-8000-000000000002', { assigneeId: null })).statusCode).toBe(404);
    expect((await as(viewer, 'PATCH', `/v1/conversations/${first.conversationId}`, { assigneeId: viewer.userId })).statusCode).toBe(403);
    expect(await ids(dave, 'queue=mine')).toEqual([first.conversationId]);
  });

  it('taking over gives an unassigned conversation to the person, and leaves an assigned one alone; null unassigns', async () => {
    expect((await as(maria, 'POST', `/v1/conversations/${second.conversationId}/takeover`, {})).statusCode).toBe(204);
    expect((await as(maria, 'POST', `/v1/conversations/${first.conversationId}/takeover`, {})).statusCode).toBe(204);
    expect(await ids(maria, 'queue=mine')).toEqual([second.conversationId]);
    expect(await ids(dave, 'queue=mine')).toEqual([first.conversationId]);
    expect((await as(maria, 'PATCH', `/v1/conversations/${first.conversationId}`, { assigneeId: null })).statusCode).toBe(204);
    expect(await ids(dave, 'queue=mine')).toEqual([]);
    expect(await ids(dave, 'queue=unassigned')).toEqual([first.conversationId]);
    await as(dave, 'PATCH', `/v1/conversations/${first.conversationId}`, { assigneeId: dave.userId });
    await as(dave, 'POST', `/v1/conversations/${first.conversationId}/handback`);
  });

  it('tags a conversation (lower-cased, once each) and filters by tag, alone or with a queue', async () => {
    const tagged = await as(dave, 'PATCH', `/v1/conversations/${first.conversationId}`, { tags: ['VIP', 'quote', ' vip'] });
    expect(tagged.statusCode, tagged.body).toBe(204);
    const item = (await queue(dave, 'queue=all')).items.find((c) => c.id === first.conversationId)!;
    expect(item.tags).toEqual(['vip', 'quote']);
    expect(await ids(dave, 'tag=VIP')).toEqual([first.conversationId]);
    expect(await ids(dave, 'queue=mine&tag=quote')).toEqual([first.conversationId]);
    expect(await ids(maria, 'queue=mine&tag=quote')).toEqual([]);
    const tooLong = await as(dave, 'PATCH', `/v1/conversations/${first.conversationId}`, { tags: ['x'.repeat(41)] });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].path).toBe('tags[0]');
  });

  it('keeps private notes with their author, encrypted at rest, never in the customer\'s thread', async () => {
    const text = 'Ana Souza asked for a discount: call her on +44 7700 900123';
    const added = await as(dave, 'POST', `/v1/conversations/${first.conversationId}/notes`, { text });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ conversationId: first.conversationId, authorId: dave.userId, text });
    expect((await as(viewer, 'POST', `/v1/conversations/${first.conversationId}/notes`, { text: 'x' })).statusCode).toBe(403);
    expect((await as(dave, 'POST', `/v1/conversations/${first.conversationId}/notes`, { text: '  ' })).json().errors[0].path).toBe('text');
    const notes = (await as(viewer, 'GET', `/v1/conversations/${first.conversationId}/notes`)).json().items;
    expect(notes).toEqual([expect.objectContaining({ text, authorId: dave.userId })]);

    const [raw] = await app.db.query<{ text: string }>(`SELECT text FROM conversation_notes WHERE conversation_id = $1`, [first.conversationId]);
    expect(raw!.text).toMatch(/^enc:v1:/);
    expect(raw!.text).not.toContain('Ana');
    expect(raw!.text).not.toContain('7700');
    const thread = (await as(dave, 'GET', `/v1/conversations/${first.conversationId}/messages`)).json().items as { text: string }[];
    expect(thread.map((m) => m.text)).not.toContain(text);
    expect((await as(dave, 'GET', `/v1/conversations/${second.conversationId}/notes`)).json().items).toEqual([]);
  });

  it('"waiting": the assistant is handling it and the customer wrote last; "breached": its response SLA ran out unanswered', async () => {
    // Maria holds the second conversation: the customer writes, the assistant stays silent.
    await leadsIdle(app);
    expect(await second.send('Are you there? I need it on Saturday')).toEqual([]);
    expect(await ids(dave, 'queue=waiting')).toEqual([]); // a person has it
    await leadsIdle(app);
    app.clock.advance(3 * HOUR); // the person's hold has ended: the assistant has it again, and owes an answer
    expect(await ids(dave, 'queue=waiting')).toEqual([second.conversationId]);
    expect(await ids(dave, 'queue=breached')).toEqual([]);

    app.clock.advance(22 * HOUR); // a cold lead's next answer was due within 24 hours
    await app.leads.sweep([tenantId], app.clock.now());
    await until(async () => (await ids(dave, 'queue=breached')).length > 0, 'the breach');
    expect(await ids(dave, 'queue=breached')).toEqual([second.conversationId]);
    expect((await queue(dave, 'queue=all')).counts).toMatchObject({ breached: 1, waiting: 1 });
  });

  it('"open" holds what moved in the last 30 days; with an API key "mine" is empty; an unknown queue is refused by name', async () => {
    // A day has gone by on the clock: the staff sessions have ended, the API key works on.
    const byKey = async (query: string) => ((await app.app.inject({ url: `/v1/conversations?${query}`, headers: app.auth(key) })).json().items as { id: string }[])
      .map((c) => c.id).sort();
    expect(await byKey('queue=open')).toEqual(sorted(first.conversationId, second.conversationId));
    expect(await byKey('queue=mine')).toEqual([]);
    app.clock.advance(31 * 24 * HOUR);
    expect(await byKey('queue=open')).toEqual([]);
    const bad = await app.app.inject({ url: '/v1/conversations?queue=closed', headers: app.auth(key) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('query.queue');
  });
});
