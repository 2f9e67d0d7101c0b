import { describe, expect, it } from 'vitest';
import { instagram } from './instagram';
import { WebhookParseError } from './types';

// Our own payloads in the wire shape of Instagram Messaging webhooks (see test/fixtures/messenger/ATTRIBUTION.md).
const ACCOUNT = '17841400000000001';
const IGSID = '6543210987654321';
const T = 1764075600456;
const account = () => ({
  id: 'c1', tenantId: 't1', type: 'instagram' as const,
  config: { accountId: ACCOUNT, accessToken: 'ig-token', appSecret: 'secret', verifyToken: 'vt', graphBaseUrl: 'https://graph.instagram.com/v21.0' },
});
const item = (event: Record<string, unknown>) => ({ sender: { id: IGSID }, recipient: { id: ACCOUNT }, timestamp: T, ...event });
const ig = (...items: unknown[]) => ({ object: 'instagram', entry: [{ id: ACCOUNT, time: T, messaging: items }] });
const parse = (payload: unknown) => instagram.parse(
  { method: 'POST', url: 'https://desk.example/v1/webhooks/c1', headers: {}, query: {}, rawBody: Buffer.from(JSON.stringify(payload)) }, account());

describe('Instagram webhooks', () => {
  it('reads a DM, an ice-breaker tap and a shared photo, the sender as the handle', () => {
    expect(parse(ig(item({ message: { mid: 'aWdfZAG1', text: 'Hola, ¿tenés turno?' } })))).toEqual([
      { kind: 'message', providerMessageId: 'aWdfZAG1', from: IGSID, at: T, content: { type: 'text', text: 'Hola, ¿tenés turno?' } }]);
    expect(parse(ig(item({ postback: { title: '¿Cuánto sale un corte?', payload: 'PRICE' } }))))
      .toMatchObject([{ kind: 'message', from: IGSID, content: { type: 'choice', id: 'PRICE', title: '¿Cuánto sale un corte?' } }]);
    expect(parse(ig(item({ message: { mid: 'aWdfZAG2', attachments: [{ type: 'image', payload: { url: 'https://lookaside.example/ig.jpg' } }] } }))))
      .toMatchObject([{ providerMessageId: 'aWdfZAG2', content: { type: 'media', mediaType: 'image', ref: 'https://lookaside.example/ig.jpg' } }]);
    expect(parse(ig(item({ message: { mid: 'aWdfZAG3', attachments: [{ type: 'ig_reel', payload: { url: 'https://lookaside.example/reel.mp4', title: 'fade' } }] } }))))
      .toMatchObject([{ content: { type: 'media', mediaType: 'video', ref: 'https://lookaside.example/reel.mp4' } }]);
  });

  it('reads an unsent message as a deletion and a heart reaction as a reaction', () => {
    expect(parse(ig(item({ message: { mid: 'aWdfZAG1', is_deleted: true } })))).toEqual([
      { kind: 'message', providerMessageId: 'aWdfZAG1:deleted', from: IGSID, at: T, content: { type: 'delete', toMessageId: 'aWdfZAG1' } }]);
    expect(parse(ig(item({ reaction: { mid: 'aWdfOut', action: 'react', reaction: 'love', emoji: '❤️' } }))))
      .toMatchObject([{ content: { type: 'reaction', toMessageId: 'aWdfOut', emoji: '❤️' } }]);
    expect(parse(ig(item({ read: { mid: 'aWdfOut' } })))).toEqual([{ kind: 'status', providerMessageId: 'aWdfOut', status: 'read', at: T }]);
  });

  it('ignores echoes of our sends, heart likes, story mentions and unsupported messages', () => {
    expect(parse(ig({ sender: { id: ACCOUNT }, recipient: { id: IGSID }, timestamp: T, message: { mid: 'aWdfOut', is_echo: true, text: 'Hola' } })))
      .toEqual([{ kind: 'ignored', providerEventId: 'echo:aWdfOut', reason: 'echo of our own send' }]);
    expect(parse(ig(item({ message: { mid: 'aWdfZAG4', attachments: [{ type: 'like_heart' }] } }))))
      .toEqual([{ kind: 'ignored', providerEventId: 'aWdfZAG4', reason: 'a message with like_heart to answer' }]);
    expect(parse(ig(item({ message: { mid: 'aWdfZAG5', attachments: [{ type: 'story_mention', payload: { url: 'https://story.example' } }] } }))))
      .toMatchObject([{ kind: 'ignored', providerEventId: 'aWdfZAG5' }]);
    expect(parse(ig(item({ message: { mid: 'aWdfZAG6', is_unsupported: true } })))).toMatchObject([{ kind: 'ignored', providerEventId: 'aWdfZAG6' }]);
  });

  it("refuses Messenger's envelope and what Meta does not send", () => {
    expect(() => parse({ object: 'page', entry: [] })).toThrow(/object "instagram"/);
    expect(() => parse(ig({ recipient: { id: ACCOUNT }, timestamp: T, message: { mid: 'x', text: 'no sender' } }))).toThrow(WebhookParseError);
  });
});

describe('Instagram sends', () => {
  const capture = (status = 200, answer: unknown = { recipient_id: IGSID, message_id: 'aWdfSent' }) => {
    const calls: { url: string; body: { message: { text: string; quick_replies?: { title: string; payload: string }[] } }; auth: string | null }[] = [];
    const http = (async (url: string, init: RequestInit) => {
      calls.push({ url, body: JSON.parse(String(init.body)), auth: new Headers(init.headers).get('authorization') });
      return new Response(JSON.stringify(answer), { status });
    }) as typeof fetch;
    return { calls, http };
  };

  it('posts to /me/messages with the token, numbering long slot labels with a quick reply per number', async () => {
    const { calls, http } = capture();
    const outcome = await instagram.send(account(), IGSID, { text: 'Tengo estos horarios:', lang: 'es', options: [
      { id: 'slot-1', label: 'vie., 27 de nov., 15:00' }, { id: 'slot-2', label: 'vie., 27 de nov., 16:00' }] }, http);
    expect(outcome).toEqual({ ok: true, providerMessageId: 'aWdfSent' });
    expect(calls[0]!.url).toBe('https://graph.instagram.com/v21.0/me/messages');
    expect(calls[0]!.auth).toBe('Bearer ig-token');
    expect(calls[0]!.body).toEqual({ recipient: { id: IGSID }, messaging_type: 'RESPONSE', message: {
      text: 'Tengo estos horarios:\n\n1. vie., 27 de nov., 15:00\n2. vie., 27 de nov., 16:00\n\nRespondé con el número de la opción.',
      quick_replies: [{ content_type: 'text', title: '1', payload: 'slot-1' }, { content_type: 'text', title: '2', payload: 'slot-2' }] } });
    await instagram.send(account(), IGSID, { text: '¿Confirmo?', options: [{ id: 'y', label: 'Sí' }, { id: 'n', label: 'No' }] }, http);
    expect(calls[1]!.body.message.quick_replies?.map((q) => q.title)).toEqual(['Sí', 'No']);
  });

  it("keeps text within Instagram's 1000 bytes, counting accents as two", async () => {
    const { calls, http } = capture();
    await instagram.send(account(), IGSID, { text: 'ñ'.repeat(700) }, http);
    const sent = calls[0]!.body.message.text;
    expect(Buffer.byteLength(sent)).toBeLessThanOrEqual(1000);
    expect(sent).toBe(`${'ñ'.repeat(498)}…`);
  });

  it('holds a reply outside the 24-hour window for the template path and backs off on rate limits', async () => {
    const window = { error: { message: 'This message is sent outside of allowed window.', type: 'IGApiException', code: 10, error_subcode: 2534022, fbtrace_id: 'A' } };
    expect(await instagram.send(account(), IGSID, { text: 'x' }, capture(403, window).http))
      .toEqual({ ok: false, action: 'template', error: { code: '10/2534022', title: 'This message is sent outside of allowed window.' } });
    const limited = { error: { message: 'Calls to this api have exceeded the rate limit.', type: 'OAuthException', code: 613 } };
    expect(await instagram.send(account(), IGSID, { text: 'x' }, capture(400, limited).http)).toMatchObject({ ok: false, action: 'retry' });
    expect(await instagram.send(account(), IGSID, { text: 'x' }, capture(200, {}).http)).toMatchObject({ ok: false, action: 'fail', error: { code: '200' } });
  });
});
