import { describe, expect, it } from 'vitest';
import { evolution } from './evolution';

const account = () => ({
  id: 'c1', tenantId: 't1', type: 'evolution' as const,
  config: { baseUrl: 'http://evolution.test/', instance: 'kumon vila', apiKey: 'the-apikey', webhookSecret: 's' },
});

/** sendText's 201: the key of the message WhatsApp will carry (the id later receipts name). */
const created = {
  key: { remoteJid: '5511987654321@s.whatsapp.net', fromMe: true, id: 'BAE594145F4C59B4' },
  message: { extendedTextMessage: { text: 'Olá!' } }, messageTimestamp: '1764072000', status: 'PENDING',
};

function capture(status = 201, answer: unknown = created) {
  const calls: { url: string; body: Record<string, unknown>; apikey: string | null }[] = [];
  const http = (async (url: string, init: RequestInit) => {
    calls.push({ url, body: JSON.parse(String(init.body)), apikey: new Headers(init.headers).get('apikey') });
    return new Response(JSON.stringify(answer), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { calls, http };
}

describe('Evolution API sends', () => {
  it('posts sendText for the instance with its apikey, and keeps the key id WhatsApp gave the message', async () => {
    const { calls, http } = capture();
    expect(await evolution.send(account(), '5511987654321', { text: 'Olá!' }, http)).toEqual({ ok: true, providerMessageId: 'BAE594145F4C59B4' });
    expect(calls).toEqual([{ url: 'http://evolution.test/message/sendText/kumon%20vila', apikey: 'the-apikey', body: { number: '5511987654321', text: 'Olá!' } }]);
  });

  it('writes options as a numbered menu in the customer language', async () => {
    const { calls, http } = capture();
    await evolution.send(account(), '5511987654321', { text: 'Tenho estes horários:', lang: 'pt',
      options: [{ id: 'slot-1', label: 'sex., 27 de nov., 09:00' }, { id: 'slot-2', label: 'sex., 27 de nov., 10:00' }] }, http);
    expect(calls[0]!.body.text).toBe('Tenho estes horários:\n\n1. sex., 27 de nov., 09:00\n2. sex., 27 de nov., 10:00\n\nResponda com o número da opção.');
  });

  it("maps Evolution's errors to what to do next", async () => {
    const send = (status: number, answer: unknown) => evolution.send(account(), '5511987654321', { text: 'x' }, capture(status, answer).http);
    const notOnWhatsApp = { status: 400, error: 'Bad Request', response: { message: [{ jid: '5511987654321@s.whatsapp.net', exists: false, number: '5511987654321' }] } };
    expect(await send(400, notOnWhatsApp)).toEqual({ ok: false, action: 'undeliverable', error: { code: 'not_on_whatsapp',
      title: 'The number is not on WhatsApp', detail: '[{"jid":"5511987654321@s.whatsapp.net","exists":false,"number":"5511987654321"}]' } });
    expect(await send(404, { ...notOnWhatsApp, status: 404, error: 'Not Found' })).toMatchObject({ action: 'undeliverable' });
    expect(await send(404, { status: 404, error: 'Not Found', response: { message: ['The "kumon vila" instance does not exist'] } }))
      .toMatchObject({ action: 'fail', error: { code: '404', title: 'Not Found' } });
    expect(await send(401, { status: 401, error: 'Unauthorized', response: { message: 'Unauthorized' } })).toMatchObject({ action: 'fail', error: { code: '401' } });
    expect(await send(400, { status: 400, error: 'Bad Request', response: { message: ['instance requires property "text"'] } })).toMatchObject({ action: 'fail' });
    expect(await send(500, { status: 500, error: 'Internal Server Error', response: { message: 'Connection Closed' } }))
      .toMatchObject({ action: 'retry', error: { detail: '"Connection Closed"' } });
    expect(await send(503, { status: 503, error: 'Service Unavailable', response: { message: 'Service Unavailable' } })).toMatchObject({ action: 'retry' });
    const offline = (async () => { throw new TypeError('fetch failed'); }) as unknown as typeof fetch;
    expect(await evolution.send(account(), '1', { text: 'x' }, offline)).toMatchObject({ ok: false, action: 'retry', error: { code: 'network' } });
  });
});
