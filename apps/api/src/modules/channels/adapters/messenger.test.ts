import { describe, expect, it } from 'vitest';
import { messenger } from './messenger';
import { WebhookParseError } from './types';

// Our own payloads in the wire shape of Meta's Messenger Platform webhooks (see test/fixtures/messenger/ATTRIBUTION.md).
const PAGE = '104857600000001';
const PSID = '7012345678901234';
const T = 1764075600123;
const account = (appSecret = 'secret') => ({
  id: 'c1', tenantId: 't1', type: 'messenger' as const,
  config: { pageId: PAGE, accessToken: 'page-token', appSecret, verifyToken: 'vt', graphBaseUrl: 'http://graph.test/v21.0/' },
});
const item = (event: Record<string, unknown>) => ({ sender: { id: PSID }, recipient: { id: PAGE }, timestamp: T, ...event });
const page = (...items: unknown[]) => ({ object: 'page', entry: [{ id: PAGE, time: T, messaging: items }] });
const parse = (payload: unknown) => messenger.parse(
  { method: 'POST', url: 'https://desk.example/v1/webhooks/c1', headers: {}, query: {}, rawBody: Buffer.from(JSON.stringify(payload)) }, account());

describe('Messenger webhooks', () => {
  it('reads text, quick-reply taps and postbacks as what the customer said or chose', () => {
    expect(parse(page(item({ message: { mid: 'm_1', text: 'Hi there' } })))).toEqual([
      { kind: 'message', providerMessageId: 'm_1', from: PSID, at: T, content: { type: 'text', text: 'Hi there' } }]);
    expect(parse(page(item({ message: { mid: 'm_2', text: 'Sat 09:00', quick_reply: { payload: 'slot-1' } } }))))
      .toEqual([{ kind: 'message', providerMessageId: 'm_2', from: PSID, at: T, content: { type: 'choice', id: 'slot-1', title: 'Sat 09:00' } }]);
    expect(parse(page(item({ postback: { mid: 'm_3', title: 'Get a quote', payload: 'QUOTE', referral: { ref: 'ad-7', source: 'ADS', type: 'OPEN_THREAD' } } }))))
      .toEqual([{ kind: 'message', providerMessageId: 'm_3', from: PSID, at: T, content: { type: 'choice', id: 'QUOTE', title: 'Get a quote' } }]);
    // A postback without a mid (older pages, Get Started) is still one event, the same on every redelivery.
    const [bare] = parse(page(item({ postback: { title: 'Get Started', payload: 'GET_STARTED' } })));
    expect(bare).toMatchObject({ providerMessageId: `postback:${PSID}:${T}`, content: { type: 'choice', id: 'GET_STARTED' } });
  });

  it('reads media by URL, stickers, places, reactions and edits; one event per attachment', () => {
    const media = parse(page(item({ message: { mid: 'm_4', attachments: [
      { type: 'image', payload: { url: 'https://cdn.example/a.jpg' } }, { type: 'file', payload: { url: 'https://cdn.example/quote.pdf' } },
      { type: 'audio', payload: { url: 'https://cdn.example/v.mp4' } }] } })));
    expect(media.map((e) => e.kind === 'message' && [e.providerMessageId, e.content])).toEqual([
      ['m_4', { type: 'media', mediaType: 'image', ref: 'https://cdn.example/a.jpg' }],
      ['m_4:1', { type: 'media', mediaType: 'document', ref: 'https://cdn.example/quote.pdf' }],
      ['m_4:2', { type: 'media', mediaType: 'audio', ref: 'https://cdn.example/v.mp4' }]]);
    expect(parse(page(item({ message: { mid: 'm_5', attachments: [{ type: 'image', payload: { sticker_id: 369239263222822, url: 'https://cdn.example/like.png' } }] } }))))
      .toMatchObject([{ content: { type: 'media', mediaType: 'sticker', ref: 'https://cdn.example/like.png' } }]);
    expect(parse(page(item({ message: { mid: 'm_6', attachments: [{ type: 'location', title: 'Barking', payload: { coordinates: { lat: 51.539, long: 0.081 } } }] } }))))
      .toMatchObject([{ content: { type: 'location', latitude: 51.539, longitude: 0.081, name: 'Barking' } }]);
    expect(parse(page(item({ reaction: { mid: 'm_out', action: 'react', reaction: 'love', emoji: '❤️' } }))))
      .toMatchObject([{ kind: 'message', content: { type: 'reaction', toMessageId: 'm_out', emoji: '❤️' } }]);
    expect(parse(page(item({ reaction: { mid: 'm_out', action: 'unreact' } })))).toMatchObject([{ content: { type: 'reaction', emoji: '' } }]);
    expect(parse(page(item({ message_edit: { mid: 'm_1', text: 'Hi there!', num_edit: 1 } }))))
      .toMatchObject([{ providerMessageId: 'm_1:edit:1', content: { type: 'edit', toMessageId: 'm_1', text: 'Hi there!' } }]);
  });

  it('turns delivery and read receipts naming mids into statuses; bare watermarks, echoes and the rest are ignored', () => {
    expect(parse(page(item({ delivery: { mids: ['m_out1', 'm_out2'], watermark: T - 5, seq: 37 } })))).toEqual([
      { kind: 'status', providerMessageId: 'm_out1', status: 'delivered', at: T - 5 },
      { kind: 'status', providerMessageId: 'm_out2', status: 'delivered', at: T - 5 }]);
    expect(parse(page(item({ delivery: { watermark: T } }))).map((e) => e.kind)).toEqual(['ignored']);
    expect(parse(page(item({ read: { watermark: T } }))).map((e) => e.kind)).toEqual(['ignored']);
    expect(parse(page({ sender: { id: PAGE }, recipient: { id: PSID }, timestamp: T, message: { is_echo: true, app_id: 1517776481860111, mid: 'm_out', text: 'Hello' } })))
      .toEqual([{ kind: 'ignored', providerEventId: 'echo:m_out', reason: 'echo of our own send' }]);
    expect(parse(page(item({ referral: { ref: 'ad-7', source: 'ADS', type: 'OPEN_THREAD' } })))).toMatchObject([{ kind: 'ignored', reason: 'referral' }]);
    expect(parse(page(item({ optin: { type: 'notification_messages' } })))).toMatchObject([{ kind: 'ignored' }]);
    expect(parse({ object: 'page', entry: [{ id: PAGE, time: T, standby: [item({ message: { mid: 'm_7', text: 'hi' } })] }] }))
      .toMatchObject([{ kind: 'ignored', reason: 'standby' }]);
    expect(parse(page({ sender: { user_ref: 'plugin-ref' }, recipient: { id: PAGE }, timestamp: T, postback: { payload: 'X', title: 'X' } })))
      .toMatchObject([{ kind: 'ignored' }]);
  });

  it("reads the dashboard's test event (one item as a change, seconds as a string)", () => {
    const test = { object: 'page', entry: [{ id: '0', time: T, changes: [{ field: 'messages', value: {
      sender: { id: '12334' }, recipient: { id: '23245' }, timestamp: '1527459824', message: { mid: 'test_message_id', text: 'test_message' } } }] }] };
    expect(parse(test)).toEqual([{ kind: 'message', providerMessageId: 'test_message_id', from: '12334', at: 1527459824000,
      content: { type: 'text', text: 'test_message' } }]);
    expect(parse({ object: 'page', entry: [{ id: PAGE, time: T, changes: [{ field: 'feed', value: { item: 'comment', verb: 'add' } }] }] }))
      .toEqual([{ kind: 'ignored', providerEventId: `feed:-:${T}`, reason: 'field feed' }]);
  });

  it('refuses what Meta does not send', () => {
    expect(() => messenger.parse({ method: 'POST', url: '', headers: {}, query: {}, rawBody: Buffer.from('{') }, account())).toThrow(WebhookParseError);
    expect(() => parse({ object: 'instagram', entry: [] })).toThrow(/object "page"/);
    expect(() => parse({ object: 'page' })).toThrow(WebhookParseError);
    expect(() => parse(page(item({ message: { text: 'no mid' } })))).toThrow(/without mid/);
  });
});

describe('Messenger sends', () => {
  const capture = (answer: () => Response = () => new Response(JSON.stringify({ recipient_id: PSID, message_id: 'm_sent' }), { status: 200 })) => {
    const calls: { url: string; body: { recipient: { id: string }; messaging_type: string; message: { text: string; quick_replies?: unknown[] } }; auth: string | null }[] = [];
    const http = (async (url: string, init: RequestInit) => {
      calls.push({ url, body: JSON.parse(String(init.body)), auth: new Headers(init.headers).get('authorization') });
      return answer();
    }) as typeof fetch;
    return { calls, http };
  };

  it("posts to the page's messages with the page token, short options as quick replies", async () => {
    const { calls, http } = capture();
    const outcome = await messenger.send(account(), PSID, { text: 'Shall I book it?', options: [{ id: 'yes', label: 'Yes please' }, { id: 'no', label: 'No' }] }, http);
    expect(outcome).toEqual({ ok: true, providerMessageId: 'm_sent' });
    expect(calls[0]!.url).toBe(`http://graph.test/v21.0/${PAGE}/messages`);
    expect(calls[0]!.auth).toBe('Bearer page-token');
    expect(calls[0]!.body).toEqual({ recipient: { id: PSID }, messaging_type: 'RESPONSE', message: { text: 'Shall I book it?', quick_replies: [
      { content_type: 'text', title: 'Yes please', payload: 'yes' }, { content_type: 'text', title: 'No', payload: 'no' }] } });
    await messenger.send(account(), PSID, { text: 'Just text' }, http);
    expect(calls[1]!.body.message).toEqual({ text: 'Just text' });
  });

  it('numbers options too long for a quick reply in the text, with a quick reply per number', async () => {
    const { calls, http } = capture();
    await messenger.send(account(), PSID, { text: 'These times are free:', lang: 'en', options: [
      { id: 'slot-1', label: 'Saturday 28 November, 09:00' }, { id: 'slot-2', label: 'Saturday 28 November, 10:00' }] }, http);
    expect(calls[0]!.body.message).toEqual({
      text: 'These times are free:\n\n1. Saturday 28 November, 09:00\n2. Saturday 28 November, 10:00\n\nReply with the number of your choice.',
      quick_replies: [{ content_type: 'text', title: '1', payload: 'slot-1' }, { content_type: 'text', title: '2', payload: 'slot-2' }] });
    const many = Array.from({ length: 14 }, (_, i) => ({ id: `o${i}`, label: `Opt ${i}` }));
    await messenger.send(account(), PSID, { text: 'Pick one', options: many }, http);
    expect(calls[1]!.body.message.text).toContain('14. Opt 13');
    expect(calls[1]!.body.message.quick_replies).toHaveLength(13);
    await messenger.send(account(), PSID, { text: 'x'.repeat(2500) }, http);
    expect([...calls[2]!.body.message.text]).toHaveLength(2000);
  });

  it("maps Meta's errors to what to do next", async () => {
    const send = (status: number, code: number, subcode?: number) => messenger.send(account(), PSID, { text: 'x' },
      capture(() => new Response(JSON.stringify({ error: { message: `(#${code}) error`, type: 'OAuthException', code, error_subcode: subcode, fbtrace_id: 'A' } }), { status })).http);
    expect(await send(400, 10, 2018278)).toEqual({ ok: false, action: 'template', error: { code: '10/2018278', title: '(#10) error' } });
    expect(await send(400, 613)).toMatchObject({ ok: false, action: 'retry', error: { code: '613' } });
    expect(await send(400, 4)).toMatchObject({ action: 'retry' });
    expect(await send(400, 32)).toMatchObject({ action: 'retry' });
    expect(await send(400, 551)).toMatchObject({ action: 'undeliverable' });
    expect(await send(400, 100, 2018001)).toMatchObject({ action: 'undeliverable', error: { code: '100/2018001' } });
    expect(await send(403, 200)).toMatchObject({ action: 'blocked' });
    expect(await send(403, 230)).toMatchObject({ action: 'blocked' });
    expect(await send(401, 190)).toMatchObject({ action: 'fail', error: { code: '190' } });
    expect(await send(400, 100)).toMatchObject({ action: 'fail' });
    expect(await send(500, 2)).toMatchObject({ action: 'retry' });
    expect(await messenger.send(account(), PSID, { text: 'x' }, capture(() => new Response('<html>Bad gateway</html>', { status: 502 })).http))
      .toMatchObject({ ok: false, action: 'retry', error: { code: '502' } });
    const offline = (async () => { throw new TypeError('fetch failed'); }) as unknown as typeof fetch;
    expect(await messenger.send(account(), PSID, { text: 'x' }, offline)).toMatchObject({ ok: false, action: 'retry', error: { code: 'network' } });
  });

  it('sends no WhatsApp-style template: Messenger has none to send', async () => {
    const { calls, http } = capture();
    expect(await messenger.send(account(), PSID, { text: 'x', template: { name: 'reminder', language: 'en', variables: [] } }, http))
      .toMatchObject({ ok: false, action: 'fail', error: { code: 'template_unsupported' } });
    expect(calls).toHaveLength(0);
  });
});
