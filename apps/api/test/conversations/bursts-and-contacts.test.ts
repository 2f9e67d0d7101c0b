import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { readable } from '../harness/readable';

let app: TestApp;
let key: string;
beforeAll(async () => {
  app = await startTestApp({ config: { burstWindowMs: 400 } });
  key = (await seedTenant(app, 'barberpro-palermo')).key;
  app.clock.set(Date.parse('2026-11-24T13:00:00Z')); // Tue 10:00 in Buenos Aires
});


interface Reply { text: string; options?: { id: string; label: string }[]; seq?: number }

async function startChat() {
  const res = await app.app.inject({ method: 'POST', url: '/v1/chat/barberpro-palermo/conversations' });
  const { conversationId, token } = res.json() as { conversationId: string; token: string };
  const send = async (text: string, clientMessageId?: string): Promise<Reply[]> => {
    const r = await app.app.inject({
      method: 'POST', url: `/v1/chat/barberpro-palermo/conversations/${conversationId}/messages`,
      headers: { authorization: `Bearer ${token}` }, payload: { text, ...(clientMessageId ? { clientMessageId } : {}) },
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json().replies;
  };
  return { conversationId, send };
}

const inbound = async (conversationId: string) => readable(await app.db.query<{ text: string; pending: boolean; understanding: unknown }>(
  `SELECT text, pending, understanding FROM messages WHERE conversation_id=$1 AND direction='in' ORDER BY seq`, [conversationId]));

describe('bursts of messages', () => {
  it('reads messages sent a moment apart as one turn, answered once after the last', async () => {
    const chat = await startChat();
    const first = chat.send('hola');
    await new Promise((r) => setTimeout(r, 100));
    const second = chat.send('quiero un corte de pelo');
    await new Promise((r) => setTimeout(r, 100));
    const third = chat.send('mañana a las 17');
    const [a, b, c] = await Promise.all([first, second, third]);
    expect(a).toEqual([]);
    expect(b).toEqual([]);
    // One answer for all three: a haircut tomorrow around 17:00 → three concrete times.
    expect(c.at(-1)!.options, JSON.stringify(c)).toHaveLength(3);
    expect(c.at(-1)!.options!.map((o) => o.label).join(' ')).toMatch(/17|16|18/);
    const rows = await inbound(chat.conversationId);
    expect(rows.map((r) => r.pending)).toEqual([false, false, false]);
    expect(rows.filter((r) => r.understanding !== null)).toHaveLength(1);
    const replies = await app.db.query(`SELECT 1 FROM messages WHERE conversation_id=$1 AND author='assistant'`, [chat.conversationId]);
    expect(replies.length).toBe(1 + c.length); // the greeting and this one answer
  });

  it('answers messages further apart than the window one by one', async () => {
    const chat = await startChat();
    expect((await chat.send('hola')).length).toBeGreaterThan(0);
    expect((await chat.send('cuánto sale el corte?')).at(-1)!.text).toMatch(/\$/);
  });

  it('a repeated delivery of a burst message changes nothing and gets the same (empty) answer', async () => {
    const chat = await startChat();
    const [a, b] = await Promise.all([chat.send('hola', 'm1'), chat.send('hola', 'm1')]);
    expect(a).toEqual(b);
    expect(await inbound(chat.conversationId)).toHaveLength(1);
  });

  it('a message whose request died is read by the sweep', async () => {
    const chat = await startChat();
    await app.db.query(
      `INSERT INTO messages (tenant_id, conversation_id, direction, author, text, pending, created_at)
       SELECT tenant_id, id, 'in', 'customer', 'cuánto sale el corte?', true, now() - interval '1 minute' FROM conversations WHERE id=$1`,
      [chat.conversationId]);
    expect(await app.conversations.service.sweepPending(30_000)).toBeGreaterThanOrEqual(1);
    const rows = await inbound(chat.conversationId);
    expect(rows.every((r) => !r.pending)).toBe(true);
    const [answer] = readable(await app.db.query<{ text: string }>(
      `SELECT text FROM messages WHERE conversation_id=$1 AND author='assistant' ORDER BY seq DESC LIMIT 1`, [chat.conversationId]));
    expect(answer!.text).toMatch(/\$/);
  });
});

describe('contacts', () => {
  const contacts = async (q?: string) => (await app.app.inject({
    url: `/v1/contacts${q ? `?q=${encodeURIComponent(q)}` : ''}`, headers: app.auth(key),
  })).json().items as { id: string; name: string | null; phone: string | null; email: string | null }[];
  const contactOf = async (conversationId: string) =>
    (await app.db.query<{ contact_id: string }>(`SELECT contact_id FROM conversations WHERE id=$1`, [conversationId]))[0]!.contact_id;

  it('every conversation has a contact, completed with what the customer tells us', async () => {
    const chat = await startChat();
    const anonymous = await contactOf(chat.conversationId);
    expect(anonymous).toBeTruthy();
    await chat.send('quiero cancelar mi turno, mi número es 11 5555-1234');
    const [found] = await contacts('5555');
    expect(found).toMatchObject({ id: anonymous, phone: '+541155551234' });
    const one = await app.app.inject({ url: `/v1/contacts/${anonymous}`, headers: app.auth(key) });
    expect(one.json()).toMatchObject({ phone: '+541155551234', lang: 'es' });
  });

  it('the same phone in a new conversation is the same person', async () => {
    const first = await startChat();
    await first.send('soy Lucía Fernández, mi cel es 11 4444-9876, quiero cancelar');
    const known = await contactOf(first.conversationId);
    const second = await startChat();
    const placeholder = await contactOf(second.conversationId);
    await second.send('hola, quiero cancelar, mi número es 11 4444-9876');
    expect(await contactOf(second.conversationId)).toBe(known);
    expect((await app.app.inject({ url: `/v1/contacts/${placeholder}`, headers: app.auth(key) })).statusCode).toBe(404);
    expect(await contacts('4444')).toHaveLength(1);
  });

  it("another business's contacts are not visible", async () => {
    const other = await seedTenant(app, 'speedy-van');
    const chat = await startChat();
    const id = await contactOf(chat.conversationId);
    expect((await app.app.inject({ url: `/v1/contacts/${id}`, headers: app.auth(other.key) })).statusCode).toBe(404);
  });
});
