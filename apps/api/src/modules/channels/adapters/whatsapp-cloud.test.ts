import { describe, expect, it } from 'vitest';
import signature from '../../../../test/fixtures/whatsapp-cloud/signature-example.json';
import text from '../../../../test/fixtures/whatsapp-cloud/webhook-text.json';
import listReply from '../../../../test/fixtures/whatsapp-cloud/webhook-interactive-list-reply.json';
import location from '../../../../test/fixtures/whatsapp-cloud/webhook-location-named.json';
import image from '../../../../test/fixtures/whatsapp-cloud/webhook-image.json';
import reaction from '../../../../test/fixtures/whatsapp-cloud/webhook-reaction.json';
import failed from '../../../../test/fixtures/whatsapp-cloud/webhook-status-failed.json';
import { whatsappCloud } from './whatsapp-cloud';
import { WebhookParseError } from './types';

const account = (appSecret = 'secret') => ({
  id: 'c1', tenantId: 't1', type: 'whatsapp_cloud' as const,
  config: { phoneNumberId: '1', accessToken: 'tok', appSecret, verifyToken: 'vt', graphBaseUrl: 'http://graph.test/v21.0' },
});
const request = (body: string, headers: Record<string, string> = {}) =>
  ({ method: 'POST', url: 'https://desk.example/v1/webhooks/c1', headers, query: {}, rawBody: Buffer.from(body) });
const parse = (payload: unknown) => whatsappCloud.parse(request(JSON.stringify(payload)), account());

describe('WhatsApp Cloud webhooks', () => {
  it("verifies Meta's X-Hub-Signature-256 over the exact bytes (pywa's real captured vector)", () => {
    const req = request(signature.raw_body, { 'x-hub-signature-256': signature.expected });
    expect(whatsappCloud.verify(req, account(signature.secret))).toEqual({ ok: true });
    expect(whatsappCloud.verify({ ...req, rawBody: Buffer.from(signature.raw_body + ' ') }, account(signature.secret)).ok).toBe(false);
    expect(whatsappCloud.verify(req, account('another-secret')).ok).toBe(false);
    expect(whatsappCloud.verify(request(signature.raw_body), account(signature.secret))).toMatchObject({ ok: false, status: 401 });
  });

  it('reads text, tapped list rows, places, media, reactions and failed statuses', () => {
    expect(parse(text)).toEqual([{ kind: 'message', providerMessageId: 'wamid.xyzxyz', from: '972987654321', name: 'Test Name',
      at: 1697043223000, content: { type: 'text', text: 'Body Text' } }]);
    expect(parse(listReply)[0]).toMatchObject({ content: { type: 'choice', id: 'callback_data', title: 'title' } });
    expect(parse(location)[0]).toMatchObject({ content: { type: 'location', latitude: 37.4611978, name: 'Facebook HQ' } });
    expect(parse(image)[0]).toMatchObject({ content: { type: 'media', mediaType: 'image', ref: '65463453', mimeType: 'image/jpeg' } });
    expect(parse(reaction)[0]).toMatchObject({ content: { type: 'reaction', toMessageId: 'wamid.yzxyzx=', emoji: '😮' } });
    expect(parse(failed)).toEqual([{ kind: 'status', providerMessageId: 'wamid.xyzxyz', status: 'failed', at: 1689380458000,
      error: { code: '130472', title: "User's number is part of an experiment", detail: "Failed to send message because this user's phone number is part of an experiment" } }]);
  });

  it('refuses what Meta does not send', () => {
    expect(() => whatsappCloud.parse(request('not json'), account())).toThrow(WebhookParseError);
    expect(() => parse({ object: 'page', entry: [] })).toThrow(WebhookParseError);
    expect(() => parse({ object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages', value: { messages: [{ type: 'text' }] } }] }] }))
      .toThrow(/without id/);
  });
});

describe('WhatsApp Cloud sends', () => {
  const capture = () => {
    const calls: { url: string; body: Record<string, unknown>; auth: string | null }[] = [];
    const http = (async (url: string, init: RequestInit) => {
      calls.push({ url, body: JSON.parse(String(init.body)), auth: new Headers(init.headers).get('authorization') });
      return new Response(JSON.stringify({ messaging_product: 'whatsapp', messages: [{ id: 'wamid.out' }] }), { status: 200 });
    }) as typeof fetch;
    return { calls, http };
  };

  it('uses reply buttons for up to three short options and a list for longer ones', async () => {
    const { calls, http } = capture();
    const outcome = await whatsappCloud.send(account(), '5511987654321', { text: 'Confirma?', options: [{ id: 'y', label: 'Sim' }, { id: 'n', label: 'Não' }] }, http);
    expect(outcome).toEqual({ ok: true, providerMessageId: 'wamid.out' });
    expect(calls[0]!.url).toBe('http://graph.test/v21.0/1/messages');
    expect(calls[0]!.auth).toBe('Bearer tok');
    expect(calls[0]!.body).toMatchObject({ to: '5511987654321', type: 'interactive', interactive: { type: 'button',
      action: { buttons: [{ type: 'reply', reply: { id: 'y', title: 'Sim' } }, { type: 'reply', reply: { id: 'n', title: 'Não' } }] } } });
    await whatsappCloud.send(account(), '5511987654321', { text: 'Horários', lang: 'pt',
      options: [{ id: 's1', label: 'sexta-feira, 27 de novembro, 09:00' }] }, http);
    expect(calls[1]!.body).toMatchObject({ type: 'interactive', interactive: { type: 'list', action: { button: 'Ver opções',
      sections: [{ rows: [{ id: 's1', title: 'sexta-feira, 27 de nove…', description: 'sexta-feira, 27 de novembro, 09:00' }] }] } } });
  });

  it("maps Meta's errors to what to do next", async () => {
    const answer = (status: number, code: number) => (async () =>
      new Response(JSON.stringify({ error: { message: `(#${code})`, code } }), { status })) as unknown as typeof fetch;
    const send = (status: number, code: number) => whatsappCloud.send(account(), '1', { text: 'x' }, answer(status, code));
    expect(await send(400, 131047)).toMatchObject({ ok: false, action: 'template', error: { code: '131047' } });
    expect(await send(400, 130429)).toMatchObject({ ok: false, action: 'retry' });
    expect(await send(400, 131026)).toMatchObject({ ok: false, action: 'undeliverable' });
    expect(await send(401, 190)).toMatchObject({ ok: false, action: 'fail' });
    expect(await send(503, 2)).toMatchObject({ ok: false, action: 'retry' });
    const offline = (async () => { throw new TypeError('fetch failed'); }) as unknown as typeof fetch;
    expect(await whatsappCloud.send(account(), '1', { text: 'x' }, offline)).toMatchObject({ ok: false, action: 'retry', error: { code: 'network' } });
  });
});
