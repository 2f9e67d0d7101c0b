import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { until } from '../harness/wait';

let app: TestApp;
let tenant: { key: string; slug: string };
beforeAll(async () => {
  app = await startTestApp({ workers: true });
  tenant = await seedTenant(app, 'kumon-vila-a');
}, 120_000);

async function chat(texts: string[]) {
  const started = (await app.app.inject({ method: 'POST', url: `/v1/chat/${tenant.slug}/conversations`, payload: {} })).json();
  const replies: string[] = [];
  for (const text of texts) {
    const res = await app.app.inject({ method: 'POST', url: `/v1/chat/${tenant.slug}/conversations/${started.conversationId}/messages`,
      headers: { authorization: `Bearer ${started.token}` }, payload: { text } });
    expect(res.statusCode, res.body).toBe(200);
    replies.push(...res.json().replies.map((r: { text: string }) => r.text));
  }
  return { conversationId: started.conversationId as string, replies };
}

const requestsOf = async (contactId: string) => ((await app.app.inject({ url: '/v1/privacy/erasure-requests', headers: app.auth(tenant.key) })).json().items as
  { contactId: string; status: string; source: string; requestedBy: unknown }[]).filter((r) => r.contactId === contactId);

describe('a customer asking in the chat to have their data erased (LGPD)', () => {
  it('hears that it is on its way — before any consent — and the team gets one pending request from the customer, however often they ask', async () => {
    const { conversationId, replies } = await chat(['apague meus dados', 'por favor, excluam todos os meus dados']);
    expect(replies.filter((r) => r.includes('Recebemos seu pedido para apagar seus dados'))).toHaveLength(2);
    const [row] = await app.db.query<{ contact_id: string }>(`SELECT contact_id FROM conversations WHERE id = $1`, [conversationId]);
    const contactId = row?.contact_id;
    const [made] = await until(async () => { const r = await requestsOf(contactId!); return r.length ? r : undefined; });
    expect(made).toMatchObject({ status: 'pending', source: 'customer', requestedBy: { kind: 'customer', conversationId } });
    // Both asks were handled by the compliance consumer: still one request.
    await until(async () => (await app.db.query(`SELECT 1 FROM pgboss.job WHERE name = 'events.compliance' AND state = 'completed'`)).length === 2);
    expect(await requestsOf(contactId!)).toHaveLength(1);
  });
});
