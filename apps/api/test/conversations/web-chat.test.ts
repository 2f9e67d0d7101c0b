import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { openState } from '../../src/modules/conversations/at-rest';
import { openTurn } from '../harness/readable';

let app: TestApp;
const keys: Record<string, string> = {};
beforeAll(async () => {
  app = await startTestApp();
  for (const name of ['kumon-vila-a', 'barberpro-palermo', 'speedy-van', 'flexoraa']) keys[name] = (await seedTenant(app, name)).key;
  // This suite is about the assistant itself; consent on first contact (Kumon's LGPD, Flexoraa's GDPR question) is tested in test/privacy.
  for (const name of ['kumon-vila-a', 'flexoraa']) {
    await app.app.inject({ method: 'PUT', url: '/v1/privacy/consent-settings', headers: app.auth(keys[name]!), payload: { required: false } });
  }
});

interface Reply { text: string; options?: { id: string; label: string }[] }

async function startChat(slug: string) {
  const res = await app.app.inject({ method: 'POST', url: `/v1/chat/${slug}/conversations` });
  expect(res.statusCode).toBe(201);
  const { conversationId, token, replies } = res.json() as { conversationId: string; token: string; replies: Reply[] };
  const send = async (text: string, clientMessageId?: string): Promise<Reply[]> => {
    const r = await app.app.inject({
      method: 'POST', url: `/v1/chat/${slug}/conversations/${conversationId}/messages`,
      headers: { authorization: `Bearer ${token}` }, payload: { text, ...(clientMessageId ? { clientMessageId } : {}) },
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json().replies;
  };
  return { conversationId, token, greeting: replies, send };
}

const bookingsOf = async (slug: string) =>
  (await app.app.inject({ url: '/v1/bookings?status=confirmed', headers: app.auth(keys[slug]!) })).json().items as
    { start: string; customer: { name: string }; sourceChannel: string }[];

describe('web chat with the assistant', () => {
  it('books a Kumon assessment in Portuguese, end to end', async () => {
    app.clock.set(Date.parse('2026-11-25T13:00:00Z')); // Wed 10:00 in São Paulo
    const chat = await startChat('kumon-vila-a');
    expect(chat.greeting[0]!.text).toContain('Kumon Vila A');

    const offered = await chat.send('Oi, queria marcar uma avaliação na sexta de manhã');
    const slots = offered.at(-1)!.options!;
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.length).toBeLessThanOrEqual(3);
    expect(slots.every((o) => /sex/i.test(o.label))).toBe(true);

    const askName = await chat.send('a primeira');
    expect(askName.at(-1)!.text).toMatch(/nome/i);
    const confirm = await chat.send('Maria Souza');
    expect(confirm.at(-1)!.text).toContain('Maria Souza');
    const done = await chat.send('sim');
    expect(done[0]!.text).toMatch(/Pronto/);

    // Then Kumon's qualification questions, one at a time; what is already known is not asked.
    expect(done.at(-1)!.text).toBe('Qual é o nome do aluno ou da aluna?');
    expect((await chat.send('Pedro')).at(-1)!.text).toBe('Quantos anos o aluno tem?');
    expect((await chat.send('ele tem 8 anos')).at(-1)!.text).toBe('Em que ano escolar ele ou ela está?');
    expect((await chat.send('3º ano')).at(-1)!.text).toMatch(/disciplinas/);
    expect((await chat.send('matemática e inglês')).at(-1)!.text).toMatch(/WhatsApp/);
    expect((await chat.send('(11) 98765-4321')).at(-1)!.text).toMatch(/e-mail/);
    expect((await chat.send('maria.souza@example.com')).at(-1)!.text).toMatch(/como você conheceu/);
    expect((await chat.send('Pelo Instagram')).at(-1)!.text).toBe('Obrigado! Anotei tudo para a equipe.');
    const [stored] = await app.db.query<{ state: Parameters<typeof openState>[0] }>(`SELECT state FROM conversations WHERE id = $1`, [chat.conversationId]);
    const row = { state: openState(stored!.state) };
    expect(row.state.fields).toMatchObject({
      guardian_name: 'Maria Souza', student_name: 'Pedro', student_age: '8', phone: '+5511987654321',
      email: 'maria.souza@example.com', heard_from: 'Pelo Instagram',
    });
    expect(row.state.fields.subjects).toMatch(/Matemática.*Inglês|Inglês.*Matemática/);
    expect(row.state.fields.school_year).toMatch(/3/);

    const booked = (await bookingsOf('kumon-vila-a')).filter((b) => b.customer.name === 'Maria Souza');
    expect(booked).toHaveLength(1);
    expect(booked[0]!.sourceChannel).toBe('web');
    expect(booked[0]!.start.startsWith('2026-11-27T1')).toBe(true);
  });

  it('quotes Kumon tuition from its price list: 2 subjects = R$ 750 a month + R$ 100 once', async () => {
    const chat = await startChat('kumon-vila-a');
    expect(chat.greeting[0]!.text).toContain('avaliação diagnóstica gratuita');
    const quote = (await chat.send('Quanto custa pra fazer matemática e inglês?')).at(-1)!.text;
    expect(quote).toContain('Para 2 disciplinas');
    expect(quote).toContain('R$\u00a0750,00 por mês');
    expect(quote).toContain('R$\u00a0100,00 (uma vez)');
    const general = (await chat.send('e qual o valor da mensalidade?')).at(-1)!.text;
    expect(general).toContain('R$\u00a0375,00 por mês');
  });

  it('lets a business edit what its assistant quotes, with validation', async () => {
    const headers = app.auth(keys['barberpro-palermo']!);
    const bad = await app.app.inject({ method: 'PUT', url: '/v1/assistant/profile', headers, payload: { priceList: [{ id: 'X', name: {}, amount: -1, period: 'year' }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['priceList[0].id', 'priceList[0].amount', 'priceList[0].period']));
    const profile = { priceList: [{ id: 'promo', name: { es: 'Corte + barba los martes' }, amount: 2000000, period: 'session' }] };
    expect((await app.app.inject({ method: 'PUT', url: '/v1/assistant/profile', headers, payload: profile })).statusCode).toBe(200);
    const chat = await startChat('barberpro-palermo');
    expect((await chat.send('¿precios?')).at(-1)!.text).toContain('Corte + barba los martes: $\u00a020.000,00 por sesión');
  });

  it('cancels the customer\'s booking found by phone, and passes to a person when the policy refuses', async () => {
    app.clock.set(Date.parse('2026-11-25T13:00:00Z'));
    const headers = app.auth(keys['barberpro-palermo']!);
    const services: { id: string; name: string }[] = (await app.app.inject({ url: '/v1/services', headers })).json().items;
    const corte = services.find((x) => x.name === 'Corte')!;
    const book = (start: string) => app.app.inject({ method: 'POST', url: '/v1/bookings', headers,
      payload: { serviceId: corte.id, start, customer: { name: 'Lucía', phone: '+5491155551234' } } });
    const later = (await book('2026-11-28T14:00:00Z')).json();
    expect(later.id).toBeDefined();

    const chat = await startChat('barberpro-palermo');
    expect((await chat.send('Hola, quiero cancelar mi turno')).at(-1)!.text).toMatch(/teléfono/);
    const list = (await chat.send('mi cel es 11 5555-1234')).at(-1)!;
    expect(list.options!.map((o) => o.id)).toEqual([later.id]);
    const done = (await chat.send(list.options![0]!.label)).at(-1)!.text;
    expect(done).toMatch(/^Cancelado/);
    expect((await app.app.inject({ url: `/v1/bookings/${later.id}`, headers })).json().status).toBe('cancelled');

    const soon = (await book('2026-11-25T15:00:00Z')).json(); // 12:00 local, within the 3-hour window
    const again = await startChat('barberpro-palermo');
    await again.send('quiero cancelar el turno');
    const options = (await again.send('+54 9 11 5555-1234')).at(-1)!.options!;
    const refusal = (await again.send(options.find((o) => o.id === soon.id)!.label)).at(-1)!.text;
    expect(refusal).toMatch(/política de cancelación/);
    expect((await app.app.inject({ url: `/v1/bookings/${soon.id}`, headers })).json().status).toBe('confirmed');
    const conversation = (await app.app.inject({ url: '/v1/conversations', headers })).json().items.find((c: { id: string }) => c.id === again.conversationId);
    expect(conversation.handledBy).toBe('human');
  });

  it('answers from the business FAQ word for word, and passes unanswered questions to a person', async () => {
    const chat = await startChat('speedy-van');
    expect((await chat.send('Are my things insured during the move?')).at(-1)!.text)
      .toBe('Yes. Every job includes goods-in-transit cover up to £10,000; ask us if you need more.');
    const unknown = await chat.send('Do you also clean the old flat after the move?');
    expect(unknown.at(-1)!.text).toMatch(/member of the team/);
    const headers = app.auth(keys['speedy-van']!);
    const conversation = (await app.app.inject({ url: '/v1/conversations', headers })).json().items.find((c: { id: string }) => c.id === chat.conversationId);
    expect(conversation.handledBy).toBe('human');
    const sources = await app.db.query<{ sources: string[] }>(
      `SELECT sources FROM messages WHERE conversation_id = $1 AND direction = 'out' AND sources IS NOT NULL`, [chat.conversationId]);
    expect(sources.map((r) => r.sources)).toContainEqual(['knowledge.insurance']);
  });

  it('answers prices and hours from the catalogue in Spanish', async () => {
    app.clock.set(Date.parse('2026-11-25T13:00:00Z'));
    const chat = await startChat('barberpro-palermo');
    const prices = await chat.send('Hola, ¿cuánto sale el corte?');
    expect(prices.at(-1)!.text).toContain('15.000');
    const hours = await chat.send('¿qué horarios tienen?');
    expect(hours.at(-1)!.text).toContain('16:00–20:30');
  });

  it('answers a repeated message once and never books twice', async () => {
    app.clock.set(Date.parse('2026-11-25T13:00:00Z'));
    const chat = await startChat('kumon-vila-a');
    const first = await chat.send('quero marcar uma avaliação segunda às 15h', 'm-1');
    const again = await chat.send('quero marcar uma avaliação segunda às 15h', 'm-1');
    expect(again).toEqual(first);
    const history = (await app.app.inject({
      url: `/v1/chat/kumon-vila-a/conversations/${chat.conversationId}/messages`, headers: { authorization: `Bearer ${chat.token}` },
    })).json().items as { direction: string }[];
    expect(history.filter((m) => m.direction === 'in')).toHaveLength(1);
    const [stored] = await app.db.query<{ tool_calls: unknown; understanding: unknown }>(
      `SELECT tool_calls, understanding FROM messages WHERE conversation_id = $1 AND direction = 'in'`, [chat.conversationId]);
    expect(openTurn<{ intent: string }>(stored!.understanding)!.intent).toBe('book');
    expect(openTurn<{ command: { kind: string } }[]>(stored!.tool_calls)!.map((c) => c.command.kind)).toEqual(['find_slots']);
    const outbound = await app.db.query<{ sources: string[] }>(
      `SELECT sources FROM messages WHERE conversation_id = $1 AND direction = 'out' AND options IS NOT NULL`, [chat.conversationId]);
    expect(outbound[0]!.sources).toEqual(['availability.find_slots']);
  });

  it('stays silent while a person holds the conversation, and speaks again after hand-back', async () => {
    app.clock.set(Date.parse('2026-11-25T13:00:00Z'));
    const chat = await startChat('speedy-van');
    const staff = app.auth(keys['speedy-van']!);
    expect((await app.app.inject({ method: 'POST', url: `/v1/conversations/${chat.conversationId}/takeover`, headers: staff, payload: { minutes: 30 } })).statusCode).toBe(204);
    expect(await chat.send('hello, how much is a small van?')).toEqual([]);
    const reply = await app.app.inject({ method: 'POST', url: `/v1/conversations/${chat.conversationId}/messages`, headers: staff, payload: { text: 'Hi, Sam here!' } });
    expect(reply.statusCode).toBe(201);
    await app.app.inject({ method: 'POST', url: `/v1/conversations/${chat.conversationId}/handback`, headers: staff });
    expect((await chat.send('what are your opening hours?')).at(-1)!.text).toContain('07:00–20:00');
  });

  it('refuses bad input with clear errors', async () => {
    const chat = await startChat('kumon-vila-a');
    const url = `/v1/chat/kumon-vila-a/conversations/${chat.conversationId}/messages`;
    const post = (headers: Record<string, string>, payload: Record<string, unknown>) => app.app.inject({ method: 'POST', url, headers, payload });
    const ok = { authorization: `Bearer ${chat.token}` };
    expect((await post(ok, { text: '   ' })).json()).toMatchObject({ status: 400, errors: [{ path: 'text' }] });
    expect((await post(ok, { text: 'a'.repeat(4001) })).json()).toMatchObject({ status: 400, errors: [{ path: 'text' }] });
    expect((await post({ authorization: 'Bearer wrong' }, { text: 'oi' })).statusCode).toBe(401);
    expect((await post({}, { text: 'oi' })).statusCode).toBe(401);
    expect((await app.app.inject({ method: 'POST', url: '/v1/chat/no-such-shop/conversations' })).statusCode).toBe(404);
    const emoji = await chat.send('🙂🙂🙂');
    expect(emoji.length).toBeGreaterThan(0);
  });

  it("follows the business's hand-off rules: a piano goes to a person, Flexoraa qualifies before offering times", async () => {
    const mover = await startChat('speedy-van');
    expect((await mover.send('I want to book a van to move my piano on Friday')).at(-1)!.text).toMatch(/member of the team/);
    const handled = (await app.app.inject({ url: '/v1/conversations', headers: app.auth(keys['speedy-van']!) })).json()
      .items.find((c: { id: string }) => c.id === mover.conversationId);
    expect(handled.handledBy).toBe('human');

    app.clock.set(Date.parse('2026-11-25T06:00:00Z')); // Wed 11:30 in Kolkata
    const lead = await startChat('flexoraa');
    const answers = ["Hi, I'd like to book a discovery call on Friday afternoon", 'Priya Sharma', 'WhatsApp lead follow-up for our clinics',
      'around 50,000 rupees a month', 'within a month', 'I decide, with our CFO', 'about 40 people'];
    const seen: Reply[][] = [];
    for (const text of answers) seen.push(await lead.send(text));
    expect(seen.slice(0, -1).every((r) => !r.some((x) => x.options?.length))).toBe(true);
    expect(seen.slice(0, -1).map((r) => r.at(-1)!.text)).toEqual([
      "What's your name?", 'What would you like Flexoraa to help you with?', 'Do you have a monthly budget in mind for this?',
      'When would you like to have it running?', 'Are you the person who decides on this, or who else is involved?',
      'How many people work at your company?']);
    const offered = seen.at(-1)!;
    expect(offered[0]!.text).toMatch(/noted everything/);
    expect(offered.at(-1)!.options).toHaveLength(3);
    expect(offered.at(-1)!.options!.every((o) => /Fri/.test(o.label))).toBe(true);
  });

  it('lets go of the slot it held when the customer asks for another time', async () => {
    app.clock.set(Date.parse('2026-11-25T13:00:00Z')); // Wed 10:00 in São Paulo
    const chat = await startChat('kumon-vila-a');
    const offered = await chat.send('Oi, queria marcar uma avaliação na sexta de manhã');
    await chat.send(offered.at(-1)!.options![0]!.label);
    const heldBefore = await app.db.query<{ id: string }>(`SELECT h.id FROM holds h JOIN tenants t ON t.id = h.tenant_id WHERE t.slug = 'kumon-vila-a'`);
    expect(heldBefore).toHaveLength(1);
    const again = await chat.send('na verdade prefiro sexta às 15h');
    expect(again.at(-1)!.options!.length).toBeGreaterThan(0);
    const heldAfter = await app.db.query<{ id: string }>(`SELECT h.id FROM holds h JOIN tenants t ON t.id = h.tenant_id WHERE t.slug = 'kumon-vila-a'`);
    expect(heldAfter.map((h) => h.id)).not.toContain(heldBefore[0]!.id);
  });
});
