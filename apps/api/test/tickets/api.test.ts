import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import { setupCatalogue } from '../harness/catalogue';
import { staffApi, startChat, until } from './setup';

const NOW = Date.parse('2030-01-08T12:00:00Z');
let app: TestApp;
let tenant: { id: string; key: string; slug: string };
let staff: ReturnType<typeof staffApi>;
let barber: string;
let room: string;

beforeAll(async () => {
  app = await startTestApp({ workers: true });
  app.clock.set(NOW);
  tenant = await createTenant(app);
  staff = staffApi(app, tenant.key);
  const { resourceIds } = await setupCatalogue(app, tenant.key, { resources: [{ name: 'Ana' }, { name: 'Sala 1', kind: 'room' }] });
  [barber, room] = resourceIds as [string, string];
});

const open = async (subject = 'Cobro duplicado', extra: Record<string, unknown> = {}) => {
  const chat = await startChat(app, tenant.slug);
  const res = await staff.call('POST', '/v1/tickets', { conversationId: chat.conversationId, subject, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { chat, ticket: res.body as { id: string; conversationId: string } & Record<string, unknown> };
};

describe('tickets through the staff API', () => {
  it('opens one ticket in progress per conversation, with its assignee validated', async () => {
    const { chat, ticket } = await open('Cobro duplicado', { priority: 'urgent', assigneeId: barber });
    expect(ticket).toMatchObject({ status: 'open', priority: 'urgent', assigneeId: barber, source: 'staff', openedAt: new Date(NOW).toISOString() });
    const second = await staff.call('POST', '/v1/tickets', { conversationId: chat.conversationId, subject: 'Otra cosa' });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'TICKET_ALREADY_OPEN', ticketId: ticket.id });
    expect((await staff.history(ticket.id)).map((h) => [h.kind, h.actor])).toEqual([['opened', 'staff'], ['assigned', 'staff']]);

    for (const assigneeId of [room, '00000000-0000-4000-8000-000000000000']) {
      const refused = await staff.patch(ticket.id, { assigneeId });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'assigneeId' })]);
    }
  });

  it('names the invalid field', async () => {
    const chat = await startChat(app, tenant.slug);
    const cases: [Record<string, unknown>, string][] = [
      [{ conversationId: chat.conversationId }, 'subject'],
      [{ conversationId: chat.conversationId, subject: 'x', priority: 'whenever' }, 'priority'],
      [{ conversationId: 'nope', subject: 'x' }, 'conversationId'],
      [{ conversationId: chat.conversationId, subject: 'x', assigneeId: room }, 'assigneeId'],
    ];
    for (const [body, path] of cases) {
      const res = await staff.call('POST', '/v1/tickets', body);
      expect(res.status, path).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
  });

  it('moves through open → pending → resolved → closed and back, refusing what is not allowed', async () => {
    const { ticket } = await open();
    expect((await staff.patch(ticket.id, { status: 'closed' })).body).toMatchObject({ code: 'TICKET_INVALID_TRANSITION', from: 'open', to: 'closed' });
    expect((await staff.patch(ticket.id, { status: 'pending' })).body.status).toBe('pending');
    const missing = await staff.patch(ticket.id, { status: 'resolved' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'resolution' })]);
    app.clock.set(NOW + 3_600_000);
    expect((await staff.patch(ticket.id, { status: 'resolved', resolution: 'Reintegro hecho' })).body)
      .toMatchObject({ status: 'resolved', timeToResolveMs: 3_600_000, resolutions: 1 });
    expect((await staff.patch(ticket.id, { status: 'closed' })).body).toMatchObject({ status: 'closed', closedAt: new Date(NOW + 3_600_000).toISOString() });
    expect((await staff.patch(ticket.id, { status: 'open' })).body).toMatchObject({ status: 'open', resolution: null, closedAt: null, timeToResolveMs: null });
    expect((await staff.history(ticket.id)).map((h) => h.kind)).toEqual(['opened', 'status_changed', 'resolved', 'rating_requested', 'status_changed', 'reopened']);
    app.clock.set(NOW);
  });

  it('refuses to reopen a ticket while another is in progress in the same conversation', async () => {
    const { chat, ticket } = await open();
    await staff.patch(ticket.id, { status: 'resolved', resolution: 'ok' });
    await staff.patch(ticket.id, { status: 'closed' });
    const next = await staff.call('POST', '/v1/tickets', { conversationId: chat.conversationId, subject: 'Nuevo problema' });
    expect(next.status).toBe(201);
    expect((await staff.patch(ticket.id, { status: 'open' })).body).toMatchObject({ code: 'TICKET_ALREADY_OPEN', ticketId: next.body.id });
  });

  it('lists newest first, filtered by status, assignee and conversation', async () => {
    const first = await open('Primero');
    app.clock.set(NOW + 60_000);
    const second = await open('Segundo', { assigneeId: barber });
    app.clock.set(NOW);
    await staff.patch(first.ticket.id, { status: 'pending' });
    const all = (await staff.tickets()).map((t) => t.id);
    expect(all.indexOf(second.ticket.id)).toBeLessThan(all.indexOf(first.ticket.id));
    expect((await staff.tickets('?status=pending')).map((t) => t.id)).toContain(first.ticket.id);
    expect((await staff.tickets('?status=pending')).every((t) => t.status === 'pending')).toBe(true);
    expect((await staff.tickets(`?assigneeId=${barber}`)).every((t) => t.assigneeId === barber)).toBe(true);
    expect((await staff.tickets(`?conversationId=${first.chat.conversationId}`)).map((t) => t.id)).toEqual([first.ticket.id]);
    expect((await staff.call('GET', '/v1/tickets?status=lost')).body.errors[0].path).toMatch(/status/);
  });

  it("hides another tenant's tickets and conversations (404)", async () => {
    const { chat, ticket } = await open();
    const other = staffApi(app, (await createTenant(app)).key);
    for (const [method, url, body] of [['GET', `/v1/tickets/${ticket.id}`], ['GET', `/v1/tickets/${ticket.id}/history`],
      ['PATCH', `/v1/tickets/${ticket.id}`, { priority: 'low' }], ['POST', '/v1/tickets', { conversationId: chat.conversationId, subject: 'x' }]] as const) {
      expect((await other.call(method, url, body)).status, `${method} ${url}`).toBe(404);
    }
    expect(await other.tickets()).toEqual([]);
  });

  it('keeps the first rating of each resolution, once, from conversation.rating_received', async () => {
    const { chat, ticket } = await open();
    const rate = (rating: number, comment?: string) => app.events.publish(app.db, { tenantId: tenant.id, type: 'conversation.rating_received',
      subjectId: chat.conversationId, data: { ref: ticket.id, rating, conversationId: chat.conversationId, contactId: null, ...(comment ? { comment } : {}) } });
    const handled = (n: number) => until(async () => (await app.db.query(
      `SELECT 1 FROM pgboss.job WHERE name = 'events.tickets' AND data->>'type' = 'conversation.rating_received' AND data->>'subjectId' = $1
          AND state = 'completed'`, [chat.conversationId])).length === n);
    await rate(2); // before any resolution: nothing to rate
    await handled(1);
    expect((await staff.ticket(ticket.id)).satisfaction).toBeNull();
    await staff.patch(ticket.id, { status: 'resolved', resolution: 'ok' });
    await rate(4, 'Muy amables');
    await handled(2);
    await rate(1);
    await handled(3);
    const rated = await staff.ticket(ticket.id);
    expect(rated.satisfaction).toEqual({ rating: 4, comment: 'Muy amables', resolution: 1, ratedAt: expect.any(String) });
    expect((await staff.history(ticket.id)).filter((h) => h.kind === 'rated')).toHaveLength(1);
    expect((await app.events.about(tenant.id, ticket.id)).map((e) => e.type)).toEqual(['ticket.opened', 'ticket.resolved', 'ticket.rated']);
  });

  it('reads and replaces the settings', async () => {
    expect((await staff.call('GET', '/v1/tickets/settings')).body).toEqual({ openOn: 'complaints', complaintKeywords: [], priority: 'normal', askSatisfaction: true });
    const saved = await staff.call('PUT', '/v1/tickets/settings', { openOn: 'every_handoff', askSatisfaction: false });
    expect(saved.body).toMatchObject({ openOn: 'every_handoff', askSatisfaction: false, complaintKeywords: [] });
    expect((await staff.call('GET', '/v1/tickets/settings')).body).toMatchObject({ openOn: 'every_handoff' });
    expect((await staff.call('PUT', '/v1/tickets/settings', { openOn: 'sometimes' })).body.errors[0].path).toBe('openOn');
  });
});
