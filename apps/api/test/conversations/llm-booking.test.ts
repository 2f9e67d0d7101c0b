import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { calls, says, startFakeOpenAI, type FakeOpenAI, type FakeRequest } from '../harness/fake-openai';
import { configureLlm, lastTurnRecord, llmEntries, startChat } from './llm-chat';

let app: TestApp;
let fake: FakeOpenAI;
let key: string;
let serviceId: string;

beforeAll(async () => {
  app = await startTestApp();
  fake = await startFakeOpenAI();
  key = (await seedTenant(app, 'kumon-vila-a')).key;
  // This suite is about the assistant itself; consent on first contact (the blueprint's LGPD question) is tested in test/privacy.
  await app.app.inject({ method: 'PUT', url: '/v1/privacy/consent-settings', headers: app.auth(key), payload: { required: false } });
  const services = (await app.app.inject({ url: '/v1/services', headers: app.auth(key) })).json().items as { id: string; name: string }[];
  serviceId = services[0]!.id;
  await configureLlm(app, key, {
    baseUrl: fake.baseUrl, model: 'test-model', apiKey: 'sk-test-123', pricing: { inputPerMillion: 0, outputPerMillion: 0 },
  });
});
afterAll(() => fake.close());

/** What the last tool message in a request said, parsed. */
const lastToolResult = (req: FakeRequest) => JSON.parse(req.body.messages.filter((m) => m.role === 'tool').at(-1)!.content!);

describe('the assistant through an LLM', () => {
  it('books a Kumon assessment end to end through the model\'s tool calls', async () => {
    app.clock.set(Date.parse('2026-11-25T13:00:00Z')); // Wed 10:00 in São Paulo
    const chat = await startChat(app, 'kumon-vila-a');
    const before = fake.requests.length;

    fake.enqueue(
      calls({ name: 'find_slots', arguments: { serviceId, date: '2026-11-27', partOfDay: 'morning' } }),
      (req) => says(`Na sexta tenho: ${lastToolResult(req).offers.map((o: { label: string }) => o.label).join('; ')}. Qual prefere?`),
    );
    const offered = await chat.send('Oi, queria marcar uma avaliação na sexta de manhã');
    expect(offered).toHaveLength(1);
    expect(offered[0]!.text).toMatch(/^Na sexta tenho: sex\., 27 de nov\., \d\d:\d\d/);
    const options = offered[0]!.options!;
    expect(options.map((o) => o.id)).toEqual(['slot-1', 'slot-2', 'slot-3'].slice(0, options.length));
    expect(options.every((o) => offered[0]!.text.includes(o.label))).toBe(true);

    fake.enqueue(
      calls({ name: 'book', arguments: { offerId: 'slot-1', name: 'Maria Souza', phone: '(11) 98765-4321' } }),
      (req) => says(`Pronto, Maria! Avaliação marcada para ${lastToolResult(req).label}.`),
    );
    const done = await chat.send('Pode ser o primeiro. Sou Maria Souza, (11) 98765-4321');
    expect(done[0]!.text).toBe(`Pronto, Maria! Avaliação marcada para ${options[0]!.label}.`);

    const bookings = (await app.app.inject({ url: '/v1/bookings?status=confirmed', headers: app.auth(key) })).json().items as
      { id: string; start: string; customer: { name: string; phone: string }; sourceChannel: string }[];
    const booked = bookings.filter((b) => b.customer.name === 'Maria Souza');
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({ customer: { phone: '+5511987654321' }, sourceChannel: 'web' });
    expect(booked[0]!.start.startsWith('2026-11-27T1')).toBe(true);

    const [row] = await app.db.query<{ state: { bookingIds: string[]; customer: { name: string } } }>(
      `SELECT state FROM conversations WHERE id = $1`, [chat.conversationId]);
    expect(row!.state.bookingIds).toEqual([booked[0]!.id]);
    const record = await lastTurnRecord(app, chat.conversationId);
    expect(record.filter((r) => 'command' in r).map((r) => (r.command as { kind: string }).kind)).toEqual(['hold', 'book']);
    expect(fake.requests.length - before).toBe(4);
  });

  it('sends the tools, the system prompt, the history and the key in the OpenAI wire format', () => {
    const [first, second, third] = fake.requests;
    expect(first!.path).toBe('/v1/chat/completions');
    expect(first!.headers.authorization).toBe('Bearer sk-test-123');
    expect(first!.body).toMatchObject({ model: 'test-model', tool_choice: 'auto' });
    expect(first!.body.tools!.map((t) => t.function.name).sort()).toEqual([
      'book', 'business_info', 'cancel_booking', 'find_my_bookings', 'find_slots', 'hand_off', 'hold_slot', 'quote',
      'reschedule_booking', 'search_knowledge',
    ]);
    const findSlots = first!.body.tools!.find((t) => t.function.name === 'find_slots')!.function.parameters;
    expect(findSlots).toMatchObject({ type: 'object', required: ['serviceId'], properties: { date: { type: 'string' }, partOfDay: { enum: ['morning', 'afternoon', 'evening', 'night'] } } });

    const system = first!.body.messages[0]!;
    expect(system.role).toBe('system');
    expect(system.content).toContain('Kumon Vila A');
    expect(system.content).toContain(`${serviceId}: `);
    expect(system.content).toContain('2026-11-25 10:00 in America/Sao_Paulo');
    expect(system.content).not.toMatch(/R\$|375/);
    expect(first!.body.messages.at(-1)).toEqual({ role: 'user', content: 'Oi, queria marcar uma avaliação na sexta de manhã' });

    // The tool result goes back under the id of the call it answers.
    const call = second!.body.messages.find((m) => m.role === 'assistant' && m.tool_calls)!.tool_calls![0]!;
    expect(second!.body.messages.at(-1)).toMatchObject({ role: 'tool', tool_call_id: call.id });
    // The next turn carries the conversation so far and the offers on the table.
    expect(third!.body.messages.map((m) => m.role)).toEqual(['system', 'assistant', 'user', 'assistant', 'user']);
    expect(third!.body.messages[0]!.content).toContain('offer slot-1: ');
  });

  it('quotes Kumon tuition through the quote tool, and the grounded answer goes out', async () => {
    const chat = await startChat(app, 'kumon-vila-a');
    let quoted = '';
    fake.enqueue(
      calls({ name: 'quote', arguments: { subjects: ['Matemática', 'inglês'] } }),
      (req) => {
        quoted = lastToolResult(req).quote;
        return says('Para 2 disciplinas a mensalidade fica em R$ 750,00 por mês, mais R$ 100,00 de matrícula.');
      },
    );
    const [reply] = await chat.send('Quanto custa matemática e inglês?');
    expect(quoted).toContain('Para 2 disciplinas');
    expect(quoted).toContain('R$\u00a0750,00 por mês');
    expect(reply!.text).toBe('Para 2 disciplinas a mensalidade fica em R$ 750,00 por mês, mais R$ 100,00 de matrícula.');
    expect(llmEntries(await lastTurnRecord(app, chat.conversationId)).map((e) => e.tool ?? e.answered ?? null).filter(Boolean))
      .toEqual(['quote', 'test-model']);
  });

  it('answers from the FAQ and hands off through its tools', async () => {
    const chat = await startChat(app, 'kumon-vila-a');
    fake.enqueue(
      calls({ name: 'search_knowledge', arguments: { query: 'como funciona o método' } }),
      (req) => says(lastToolResult(req).found ? 'O Kumon é um método de estudo individualizado.' : 'Não sei.'),
    );
    expect((await chat.send('Como funciona o método Kumon?'))[0]!.text).toBe('O Kumon é um método de estudo individualizado.');

    fake.enqueue(calls({ name: 'hand_off', arguments: { reason: 'customer asked for a person' } }), says('Vou chamar uma pessoa da equipe.'));
    expect((await chat.send('quero falar com uma pessoa'))[0]!.text).toBe('Vou chamar uma pessoa da equipe.');
    const conversation = (await app.app.inject({ url: '/v1/conversations', headers: app.auth(key) })).json().items
      .find((c: { id: string }) => c.id === chat.conversationId);
    expect(conversation.handledBy).toBe('human');
  });
});

describe('what the server checks in the model\'s tool calls', () => {
  it('refuses unknown offers and malformed arguments, and tells the model why', async () => {
    app.clock.set(Date.parse('2026-11-25T13:00:00Z'));
    const chat = await startChat(app, 'kumon-vila-a');
    const results: unknown[] = [];
    fake.enqueue(
      calls({ name: 'book', arguments: { offerId: 'slot-9', name: 'João' } }, { name: 'find_slots', arguments: '{"serviceId": ' },
        { name: 'find_slots', arguments: { serviceId, date: '27/11/2026' } }, { name: 'delete_everything', arguments: {} }),
      (req) => {
        results.push(...req.body.messages.filter((m) => m.role === 'tool').map((m) => JSON.parse(m.content!)));
        return says('Pode me dizer que dia prefere?');
      },
    );
    expect((await chat.send('quero marcar para o João'))[0]!.text).toBe('Pode me dizer que dia prefere?');
    expect(results).toEqual([
      { error: 'unknown offerId; call find_slots first' },
      { error: 'the arguments are not valid JSON' },
      { error: expect.stringMatching(/^invalid arguments: date: /) },
      { error: 'no tool named delete_everything' },
    ]);
    const bookings = (await app.app.inject({ url: '/v1/bookings', headers: app.auth(key) })).json().items as { customer: { name: string } }[];
    expect(bookings.some((b) => b.customer.name === 'João')).toBe(false);
  });

  it("finds and cancels the customer's own booking (Maria's, above), and never looks up someone else's phone", async () => {
    const chat = await startChat(app, 'kumon-vila-a');
    const seen: Record<string, unknown>[] = [];
    const remember = (req: FakeRequest) => void seen.push(lastToolResult(req));
    fake.enqueue(
      calls({ name: 'find_my_bookings', arguments: { phone: '+55 11 91111-2222' } }),
      (req) => (remember(req), calls({ name: 'find_my_bookings', arguments: { phone: '(11) 98765-4321' } })),
      (req) => (remember(req), says('Encontrei sua avaliação. Confirma o cancelamento?')),
    );
    await chat.send('Quero cancelar minha avaliação, meu celular é (11) 98765-4321');
    expect(seen[0]).toEqual({ error: 'use the phone or e-mail exactly as the customer wrote it' });
    const found = (seen[1] as { bookings: { bookingId: string; label: string }[] }).bookings;
    expect(found).toHaveLength(1);

    fake.enqueue(
      calls({ name: 'cancel_booking', arguments: { bookingId: found[0]!.bookingId } }),
      (req) => says(`Cancelado: ${lastToolResult(req).label}.`),
    );
    expect((await chat.send('sim, pode cancelar'))[0]!.text).toBe(`Cancelado: ${found[0]!.label}.`);
    expect((await app.app.inject({ url: `/v1/bookings/${found[0]!.bookingId}`, headers: app.auth(key) })).json().status).toBe('cancelled');
  });
});
