import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { inviteAndJoin } from '../harness/staff';
import { api, leadOfConversation, leadsIdle } from '../leads/helpers';

interface Turn {
  conversationId: string;
  replies: { text: string; options?: { id: string; label: string }[]; sources: { source: string; tool: string; faq?: { id: string; question: string } }[] }[];
  toolCalls: { tool: string; input: string; output: string }[];
}

let app: TestApp;
let key: string;
const MAKE_UP = 'Sim: avisando até a véspera, a aula perdida é reposta na mesma semana.';
beforeAll(async () => {
  app = await startTestApp({ workers: true });
  key = (await seedTenant(app, 'kumon-vila-a')).key;
  const profile = (await api(app, key).get('/v1/assistant/profile')).json();
  const faq = [...profile.faq, { id: 'reposicao', lang: 'pt', question: 'Dá para repor uma aula perdida?', answer: MAKE_UP, keywords: ['repor', 'reposição', 'faltar', 'falta'] }];
  const saved = await api(app, key).put('/v1/assistant/profile', { ...profile, faq });
  expect(saved.statusCode, saved.body).toBe(200);
});

async function testChat(headers: Record<string, string> = app.auth(key), cookies?: Record<string, string>) {
  const started = await app.app.inject({ method: 'POST', url: '/v1/assistant/test-chat', headers, ...(cookies ? { cookies } : {}), payload: { lang: 'pt' } });
  expect(started.statusCode, started.body).toBe(201);
  const first = started.json() as Turn;
  const send = async (text: string): Promise<Turn> => {
    const r = await app.app.inject({ method: 'POST', url: `/v1/assistant/test-chat/${first.conversationId}/messages`, headers, ...(cookies ? { cookies } : {}), payload: { text } });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as Turn;
  };
  return { ...first, send };
}

describe('the assistant test chat (Kumon, pt-BR)', () => {
  it('answers from an FAQ entry and names it as the source', async () => {
    const chat = await testChat();
    expect(chat.replies[0]!.text).toContain('Kumon');
    const turn = await chat.send('Se meu filho faltar, dá pra repor a aula?');
    const answer = turn.replies.find((r) => r.text === MAKE_UP);
    expect(answer, JSON.stringify(turn)).toBeDefined();
    expect(answer!.sources).toEqual([{ source: 'knowledge.reposicao', tool: 'search_knowledge', faq: { id: 'reposicao', question: 'Dá para repor uma aula perdida?' } }]);
  });

  it('answers a price question from the configured prices, naming the quote tool', async () => {
    const chat = await testChat();
    const turn = await chat.send('quanto fica matemática por mês?');
    const price = turn.replies.find((r) => /R\$\s375,00/.test(r.text));
    expect(price, JSON.stringify(turn)).toBeDefined();
    expect(price!.sources.map((s) => s.tool)).toEqual(['quote', 'quote']);
    expect(price!.sources.map((s) => s.source)).toEqual(['assistant.price_list', 'catalogue.prices']);
  });

  it('shows the scheduling tools a booking request ran, with their inputs and results', async () => {
    app.clock.set(Date.parse('2026-11-25T13:00:00Z')); // Wed 10:00 in São Paulo
    const chat = await testChat();
    const turn = await chat.send('quero marcar uma avaliação na sexta de manhã');
    expect(turn.toolCalls.map((c) => c.tool)).toEqual(['find_slots']);
    expect(turn.toolCalls[0]!.output).toContain('"result":"slots"');
    expect(turn.replies.at(-1)!.sources.map((s) => s.tool)).toEqual(['find_slots']);
  });

  it('books for real, marked as a test booking, and leaves it out of the week\'s numbers', async () => {
    app.clock.set(Date.now()); // the week's numbers count bookings by when the database stored them
    const chat = await testChat();
    const offered = await chat.send('quero marcar uma avaliação na sexta de manhã');
    await chat.send(offered.replies.at(-1)!.options![0]!.label);
    await chat.send('Teste da Equipe');
    const done = await chat.send('sim');
    expect(done.toolCalls.map((c) => c.tool)).toContain('book');
    const bookingId = /"bookingId":"([0-9a-f-]+)"/.exec(done.toolCalls.find((c) => c.tool === 'book')!.output)![1]!;
    const booking = (await api(app, key).get(`/v1/bookings/${bookingId}`)).json();
    expect(booking).toMatchObject({ status: 'confirmed', sourceChannel: 'test', customer: { name: 'Teste da Equipe' } });
    const week = async () => (await api(app, key).get('/v1/dashboard/summary')).json().week.bookingsMade as number;
    const before = await week();
    const services = (await api(app, key).get('/v1/services')).json().items as { id: string }[];
    const staffMade = await api(app, key).post('/v1/bookings', { serviceId: services[0]!.id, start: booking.end, customer: { name: 'Ana Real' }, sourceChannel: 'dashboard' });
    expect(staffMade.statusCode, staffMade.body).toBe(201);
    expect(await week()).toBe(before + 1);
    expect(before).toBe(0);
  });

  it('keeps test conversations out of the inbox and leads, unlike a customer\'s', async () => {
    const chat = await testChat();
    await chat.send('Oi, meu nome é Joana, quero saber o preço');
    await leadsIdle(app);
    const inbox = (await api(app, key).get('/v1/conversations')).json().items as { id: string }[];
    expect(inbox.map((c) => c.id)).not.toContain(chat.conversationId);
    const leads = (await api(app, key).get('/v1/leads?limit=200')).json().items as { conversationIds: string[] }[];
    expect(leads.some((l) => l.conversationIds.includes(chat.conversationId))).toBe(false);
    // …while a customer's web chat is in both (so the checks above can fail).
    const customer = (await app.app.inject({ method: 'POST', url: '/v1/chat/kumon-vila-a/conversations' })).json() as { conversationId: string; token: string };
    await app.app.inject({ method: 'POST', url: `/v1/chat/kumon-vila-a/conversations/${customer.conversationId}/messages`,
      headers: { authorization: `Bearer ${customer.token}` }, payload: { text: 'Oi, quero saber o preço' } });
    await leadOfConversation(app, key, customer.conversationId);
    expect(((await api(app, key).get('/v1/conversations')).json().items as { id: string }[]).map((c) => c.id)).toContain(customer.conversationId);
  });

  it('is not a way to write into a customer\'s conversation, and viewers may not use it', async () => {
    const customer = (await app.app.inject({ method: 'POST', url: '/v1/chat/kumon-vila-a/conversations' })).json() as { conversationId: string };
    const r = await app.app.inject({ method: 'POST', url: `/v1/assistant/test-chat/${customer.conversationId}/messages`, headers: app.auth(key), payload: { text: 'oi' } });
    expect(r.statusCode).toBe(404);
    const viewer = await inviteAndJoin(app, app.auth(key), { email: 'viewer@kumon.example', role: 'viewer' });
    const refused = await app.app.inject({ method: 'POST', url: '/v1/assistant/test-chat', headers: viewer.headers, cookies: viewer.cookies, payload: {} });
    expect(refused.statusCode).toBe(403);
    const agent = await inviteAndJoin(app, app.auth(key), { email: 'agent@kumon.example', role: 'agent' });
    const chat = await testChat(agent.headers, agent.cookies);
    expect((await chat.send('Se meu filho faltar, dá pra repor a aula?')).replies.map((x) => x.text)).toContain(MAKE_UP);
  });
});
