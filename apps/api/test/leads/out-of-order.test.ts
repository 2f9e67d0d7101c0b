import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { firstContact } from '../harness/consent';
import { openDetails } from '../../src/platform/crypto/sealed-details';
import type { DomainEvent } from '../../src/platform/events/bus';
import { leadsIdle, startChat } from './helpers';

let app: TestApp;
let tenantId: string;
beforeAll(async () => {
  app = await startTestApp();
  await seedTenant(app, 'flexoraa');
  [{ id: tenantId }] = await app.db.query<{ id: string }>(`SELECT id FROM tenants WHERE slug = 'flexoraa'`) as [{ id: string }];
});

async function eventsOf(conversationId: string): Promise<DomainEvent[]> {
  const rows = await app.db.query<{ id: string; type: string; subject_id: string; data: Record<string, unknown>; occurred_at: Date }>(
    `SELECT id, type, subject_id, data, occurred_at FROM events WHERE tenant_id = $1 AND subject_id = $2 AND type LIKE 'message.%' ORDER BY id`,
    [tenantId, conversationId]);
  return rows.map((r) => ({ tenantId, id: Number(r.id), type: r.type, subjectId: r.subject_id, data: openDetails(r.data), occurredAt: r.occurred_at.toISOString() }));
}
const silence = (conversationId: string) => app.db.query<{ waiting_since: Date | null; stopped_at: Date | null }>(
  `SELECT waiting_since, stopped_at FROM lead_timers WHERE tenant_id = $1 AND conversation_id = $2`, [tenantId, conversationId]);

describe('leads follow a conversation whatever order its events arrive in', () => {
  it("counts the assistant's answers it saw before the lead existed: no silence is left running", async () => {
    app.clock.set(Date.parse('2026-11-25T06:00:00Z'));
    const chat = await startChat(app, 'flexoraa');
    await firstContact(chat.send, 'Hi, can I book a discovery call?');
    await chat.send('Priya Sharma');
    const events = await eventsOf(chat.conversationId);
    const replies = events.filter((e) => e.type === 'message.sent');
    expect(replies.length).toBeGreaterThan(0);
    expect(events.at(-1)!.type).toBe('message.sent');

    // Every answer first (no lead yet, so each is passed over), then the customer's messages newest first.
    const handle = app.leads.subscription.handler;
    for (const event of [...replies, ...events.filter((e) => e.type === 'message.received').reverse()]) await handle(event);
    expect(await silence(chat.conversationId)).toMatchObject([{ waiting_since: null }]);
  });

  it('hands a consumer the jobs of one relay batch in the order the events happened', async () => {
    const chat = await startChat(app, 'flexoraa');
    await firstContact(chat.send, 'Hello, what does a call cost?');
    await chat.send('Raj Mehta');
    await chat.send('this month');
    await app.startWorkers();
    await leadsIdle(app);
    // Taken in pg-boss's order (created together, then by id), they come in event order.
    const order = await app.db.query<{ event: string }>(
      `SELECT data->>'id' AS event FROM pgboss.job WHERE name = 'events.leads' ORDER BY created_on, id`);
    const ids = order.map((r) => Number(r.event));
    expect(ids.length).toBeGreaterThan(5);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(await silence(chat.conversationId)).toMatchObject([{ waiting_since: null }]);
  });
});
