import { describe, expect, it } from 'vitest';
import created from '../../../../test/fixtures/twilio/send-message-response-201.json';
import errorShape from '../../../../test/fixtures/twilio/error-response-shape.json';
import { twilioSms, twilioWhatsApp } from './twilio';

const ACCOUNT_SID = `AC${'a'.repeat(32)}`;
const SERVICE_SID = `MG${'b'.repeat(32)}`;
const account = (config: Record<string, string> = { from: '+447700900001' }) => ({
  id: 'c1', tenantId: 't1', type: 'twilio_sms' as const,
  config: { accountSid: ACCOUNT_SID, authToken: 'auth-token', apiBaseUrl: 'http://twilio.test/', ...config },
});

function capture(status = 201, body: unknown = created, headers: Record<string, string> = {}) {
  const calls: { url: string; form: Record<string, string>; auth: string | null; type: string | null }[] = [];
  const http = (async (url: string, init: RequestInit) => {
    const h = new Headers(init.headers);
    calls.push({ url, form: Object.fromEntries(new URLSearchParams(String(init.body))), auth: h.get('authorization'), type: h.get('content-type') });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
  }) as typeof fetch;
  return { calls, http };
}

describe('Twilio sends', () => {
  it('posts a form to the Messages resource with Basic auth and returns the SM… sid', async () => {
    const { calls, http } = capture();
    expect(await twilioSms.send(account(), '+447700900123', { text: 'See you Friday' }, http))
      .toEqual({ ok: true, providerMessageId: 'SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' });
    expect(calls[0]).toEqual({
      url: `http://twilio.test/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`,
      form: { To: '+447700900123', From: '+447700900001', Body: 'See you Friday' },
      auth: `Basic ${Buffer.from(`${ACCOUNT_SID}:auth-token`).toString('base64')}`,
      type: 'application/x-www-form-urlencoded',
    });
  });

  it('writes options as a numbered menu and cuts the body at 1600 characters', async () => {
    const { calls, http } = capture();
    await twilioSms.send(account(), '+447700900123', { text: 'I have these times:', lang: 'en',
      options: [{ id: 'slot-1', label: 'Fri 27 Nov, 09:00' }, { id: 'slot-2', label: 'Fri 27 Nov, 10:00' }] }, http);
    expect(calls[0]!.form.Body).toBe('I have these times:\n\n1. Fri 27 Nov, 09:00\n2. Fri 27 Nov, 10:00\n\nReply with the number of your choice.');
    await twilioSms.send(account(), '+447700900123', { text: 'x'.repeat(2000) }, http);
    expect([...calls[1]!.form.Body!]).toHaveLength(1600);
    expect(calls[1]!.form.Body!.endsWith('…')).toBe(true);
  });

  it("asks Twilio to report delivery to the channel's webhook URL", async () => {
    const { calls, http } = capture();
    await twilioSms.send({ ...account(), webhookUrl: 'https://desk.example/v1/webhooks/c1' }, '+447700900123', { text: 'Hi' }, http);
    expect(calls[0]!.form).toEqual({ To: '+447700900123', StatusCallback: 'https://desk.example/v1/webhooks/c1', From: '+447700900001', Body: 'Hi' });
  });

  it('prefers the messaging service over the from number', async () => {
    const { calls, http } = capture();
    await twilioSms.send(account({ from: '+447700900001', messagingServiceSid: SERVICE_SID }), '+447700900123', { text: 'Hi' }, http);
    expect(calls[0]!.form).toEqual({ To: '+447700900123', MessagingServiceSid: SERVICE_SID, Body: 'Hi' });
  });

  it('addresses WhatsApp as whatsapp:+…, with options as a numbered menu in the customer language', async () => {
    const { calls, http } = capture();
    await twilioWhatsApp.send(account({ from: '+551130000000' }), 'whatsapp:+5511987654321', { text: 'Temos:', lang: 'pt',
      options: [{ id: 's1', label: 'sexta, 09:00' }] }, http);
    expect(calls[0]!.form).toEqual({ To: 'whatsapp:+5511987654321', From: 'whatsapp:+551130000000',
      Body: 'Temos:\n\n1. sexta, 09:00\n\nResponda com o número da opção.' });
    await twilioWhatsApp.send(account({ from: 'whatsapp:+551130000000' }), '+5511987654321', { text: 'Oi' }, http);
    expect(calls[1]!.form).toMatchObject({ To: 'whatsapp:+5511987654321', From: 'whatsapp:+551130000000' });
  });

  it('sends a WhatsApp template by its Content SID with numbered variables, and refuses one without', async () => {
    const { calls, http } = capture();
    const contentSid = `HX${'c'.repeat(32)}`;
    await twilioWhatsApp.send(account(), 'whatsapp:+5511987654321', { text: 'Lembrete', template: { name: contentSid, language: 'pt_BR', variables: ['Ana', 'sexta 09:00'] } }, http);
    expect(calls[0]!.form).toEqual({ To: 'whatsapp:+5511987654321', From: 'whatsapp:+447700900001', ContentSid: contentSid,
      ContentVariables: '{"1":"Ana","2":"sexta 09:00"}' });
    expect(await twilioWhatsApp.send(account(), 'whatsapp:+5511987654321', { text: 'x', template: { name: 'reminder', language: 'pt_BR', variables: [] } }, http))
      .toMatchObject({ ok: false, action: 'fail', error: { code: 'template' } });
    expect(calls).toHaveLength(1);
  });

  it('does not send without a sender', async () => {
    const { calls, http } = capture();
    expect(await twilioSms.send(account({}), '+447700900123', { text: 'Hi' }, http)).toMatchObject({ ok: false, action: 'fail', error: { code: 'config' } });
    expect(calls).toHaveLength(0);
  });
});

describe("Twilio's errors", () => {
  const answer = (status: number, code: number, headers: Record<string, string> = {}) =>
    capture(status, { code, message: `error ${code}`, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, headers).http;
  const send = (status: number, code: number, headers?: Record<string, string>) => twilioSms.send(account(), '+447700900123', { text: 'x' }, answer(status, code, headers));

  it('map to what to do next', async () => {
    expect(await send(429, 20429)).toMatchObject({ ok: false, action: 'retry', error: { code: '20429' } });
    expect(await send(400, 20429)).toMatchObject({ ok: false, action: 'retry' });
    expect(await send(400, 21610)).toMatchObject({ ok: false, action: 'blocked' });
    for (const code of [21211, 21614, 63003, 63024]) expect(await send(400, code)).toMatchObject({ ok: false, action: 'undeliverable' });
    expect(await send(400, 63016)).toMatchObject({ ok: false, action: 'template' });
    expect(await send(401, 20003)).toMatchObject({ ok: false, action: 'fail' });
    expect(await send(503, 20500)).toMatchObject({ ok: false, action: 'retry' });
  });

  it("keep Twilio's code, message and link, and honour Retry-After", async () => {
    const { http } = capture(400, errorShape);
    expect(await twilioSms.send(account(), '+447700900123', { text: 'x' }, http)).toEqual({ ok: false, action: 'fail',
      error: { code: '81022', title: 'test', detail: 'https://www.twilio.com/docs/errors/81022' } });
    expect(await send(429, 20429, { 'retry-after': '3' })).toMatchObject({ action: 'retry', retryAfterMs: 3000 });
  });

  it('retry when Twilio cannot be reached or answers garbage', async () => {
    const offline = (async () => { throw new TypeError('fetch failed'); }) as unknown as typeof fetch;
    expect(await twilioSms.send(account(), '+447700900123', { text: 'x' }, offline)).toMatchObject({ ok: false, action: 'retry', error: { code: 'network' } });
    const garbage = (async () => new Response('<html>Bad gateway</html>', { status: 502 })) as unknown as typeof fetch;
    expect(await twilioSms.send(account(), '+447700900123', { text: 'x' }, garbage)).toMatchObject({ ok: false, action: 'retry', error: { code: '502' } });
  });
});
