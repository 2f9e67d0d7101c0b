import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { staffApi, startChat, until } from './setup';
import { openDetails } from '../../src/platform/crypto/sealed-details';

const MINUTE = 60_000;
const OPENED = Date.parse('2026-06-02T14:00:00Z'); // Tuesday 11:00 in Buenos Aires

let app: TestApp;
let staff: ReturnType<typeof staffApi>;
let barbers: { id: string; name: string; kind: string }[];
beforeAll(async () => {
  app = await startTestApp({ workers: true });
  const { key } = await seedTenant(app, 'barberpro-palermo');
  staff = staffApi(app, key);
  barbers = (await staff.call('GET', '/v1/resources')).body.items;
});

/** A customer complains in the web chat; the assistant hands them to a person and a ticket opens. */
async function complain() {
  app.clock.set(OPENED);
  const chat = await startChat(app, 'barberpro-palermo');
  await chat.send('tengo una queja, el corte quedó mal');
  const [ticket] = await until(async () => {
    const items = await staff.tickets(`?conversationId=${chat.conversationId}`);
    return items.length ? items : undefined;
  });
  return { chat, ticket: ticket as { id: string } & Record<string, unknown> };
}

describe('a BarberPro complaint becomes a ticket', () => {
  it('opens from the web chat in Spanish, is assigned, answered and resolved, timed by the app clock', async () => {
    const { chat, ticket } = await complain();
    expect(ticket).toMatchObject({
      conversationId: chat.conversationId, subject: 'tengo una queja, el corte quedó mal', status: 'open', priority: 'high',
      source: 'assistant', assigneeId: null, openedAt: new Date(OPENED).toISOString(), resolutions: 0, satisfaction: null,
    });
    expect(ticket.contactId).toEqual(expect.any(String));
    expect(await staff.history(ticket.id)).toEqual([
      expect.objectContaining({ kind: 'opened', actor: 'assistant', detail: { reason: 'complaint: "queja"', text: 'tengo una queja, el corte quedó mal' } }),
    ]);

    const matias = barbers.find((b) => b.name.startsWith('Matías'))!;
    const assigned = await staff.patch(ticket.id, { assigneeId: matias.id });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assigneeId).toBe(matias.id);
    expect((await staff.tickets(`?assigneeId=${matias.id}`)).map((t) => t.id)).toContain(ticket.id);

    // Ten minutes later a person answers in the conversation: the first response.
    app.clock.set(OPENED + 10 * MINUTE);
    expect((await staff.call('POST', `/v1/conversations/${chat.conversationId}/messages`, { text: 'Hola, lo sentimos mucho. ¿Podés venir mañana?' })).status).toBe(201);
    const answered = await until(async () => {
      const t = await staff.ticket(ticket.id);
      return t.firstResponseAt ? t : undefined;
    });
    expect(answered).toMatchObject({ firstResponseAt: new Date(OPENED + 10 * MINUTE).toISOString(), timeToFirstResponseMs: 10 * MINUTE });

    const withoutResolution = await staff.patch(ticket.id, { status: 'resolved' });
    expect(withoutResolution.status).toBe(400);
    expect(withoutResolution.body.errors).toEqual([expect.objectContaining({ path: 'resolution' })]);

    app.clock.set(OPENED + 90 * MINUTE);
    const resolved = await staff.patch(ticket.id, { status: 'resolved', resolution: 'Le rehicimos el corte sin cargo.' });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      status: 'resolved', resolution: 'Le rehicimos el corte sin cargo.', resolvedAt: new Date(OPENED + 90 * MINUTE).toISOString(),
      timeToResolveMs: 90 * MINUTE, timeToFirstResponseMs: 10 * MINUTE, resolutions: 1,
    });
    expect((await staff.history(ticket.id)).map((h) => h.kind)).toEqual(expect.arrayContaining(['opened', 'assigned', 'first_response', 'resolved']));
    const [tenant] = await app.db.query<{ tenant_id: string }>(`SELECT tenant_id FROM tickets WHERE id = $1`, [ticket.id]);
    expect((await app.events.about(tenant!.tenant_id, ticket.id)).map((e) => e.type)).toEqual(['ticket.opened', 'ticket.assigned', 'ticket.resolved']);
  });

  it('adds a second complaint to the ticket in progress, and a redelivered event changes nothing', async () => {
    const { chat, ticket } = await complain();
    const [handedOff] = await app.db.query<{ id: number; tenant_id: string; data: Record<string, unknown> }>(
      `SELECT id, tenant_id, data FROM events WHERE subject_id = $1 AND type = 'conversation.handed_off'`, [chat.conversationId]);
    const jobsOfFirst = () => app.db.query<{ state: string; retry_count: number }>(
      `SELECT state, retry_count FROM pgboss.job WHERE name = 'events.tickets' AND (data->>'id')::bigint = $1`, [handedOff!.id]);
    await until(async () => (await jobsOfFirst()).some((j) => j.state === 'completed'));
    // The relay hands the same event over again: the queue keeps one job per event.
    await app.db.query(`UPDATE events SET relayed_at = NULL WHERE tenant_id = $1 AND id = $2`, [handedOff!.tenant_id, handedOff!.id]);
    // And a second complaint in the same conversation.
    await app.events.publish(app.db, { tenantId: handedOff!.tenant_id, type: 'conversation.handed_off', subjectId: chat.conversationId,
      data: { ...openDetails(handedOff!.data), reason: 'the business hands "reclamo" to a person' } });
    await until(async () => (await staff.history(ticket.id)).some((h) => h.kind === 'complaint_added'));
    expect(await jobsOfFirst()).toHaveLength(1);
    // The job runs a second time all the same (as after a worker died before marking it done): the ticket does not change.
    await app.db.query(`UPDATE pgboss.job SET state = 'retry', start_after = now() WHERE name = 'events.tickets' AND (data->>'id')::bigint = $1`, [handedOff!.id]);
    await until(async () => (await jobsOfFirst()).some((j) => j.state === 'completed' && j.retry_count > 0));
    expect(await staff.tickets(`?conversationId=${chat.conversationId}`)).toHaveLength(1);
    expect((await staff.history(ticket.id)).map((h) => h.kind)).toEqual(['opened', 'complaint_added']);
  });

  // A web-chat customer has no channel handle: the question is written into their chat.
  it('asks the customer for a rating after the resolution, and "5" rates the ticket', async () => {
    const { chat, ticket } = await complain();
    app.clock.set(OPENED + 30 * MINUTE);
    expect((await staff.patch(ticket.id, { status: 'resolved', resolution: 'Devolución hecha.' })).status).toBe(200);
    const question = await until(async () => {
      const items = (await staff.call('GET', `/v1/conversations/${chat.conversationId}/messages`)).body.items as { author: string; text: string }[];
      return items.find((m) => m.author !== 'customer' && /\b1\b.*\b5\b/s.test(m.text));
    });
    expect(question.text).toMatch(/BarberPro Palermo/);
    await staff.call('POST', `/v1/conversations/${chat.conversationId}/handback`);
    await chat.send('5');
    const rated = await until(async () => {
      const t = await staff.ticket(ticket.id);
      return t.satisfaction ? t : undefined;
    });
    expect(rated.satisfaction).toMatchObject({ rating: 5, resolution: 1 });
    expect((await staff.history(ticket.id)).map((h) => h.kind)).toEqual(expect.arrayContaining(['rating_requested', 'rated']));
  });
});
