import { describe, expect, it } from 'vitest';
import vectors from '../../../../test/fixtures/twilio/signature-example.json';
import { twilioSignature } from './twilio-signature';
import { twilioSms, twilioWhatsApp } from './twilio';
import { WebhookParseError } from './types';

const URL_ = 'https://desk.example/v1/webhooks/c1';
const SID = 'SM0123456789abcdef0123456789abcdef';
const account = (authToken = 'auth-token') => ({
  id: 'c1', tenantId: 't1', type: 'twilio_sms' as const,
  config: { accountSid: `AC${'a'.repeat(32)}`, authToken, from: '+447700900001', apiBaseUrl: 'http://twilio.test' },
});
const FORM = 'application/x-www-form-urlencoded';
const request = (body: string, headers: Record<string, string> = {}, url = URL_) =>
  ({ method: 'POST', url, headers: { 'content-type': FORM, ...headers }, query: {}, rawBody: Buffer.from(body), receivedAt: 1_790_000_000_000 });
const parse = (fields: Record<string, string>, adapter = twilioSms) =>
  adapter.parse(request(new URLSearchParams(fields).toString()), account());

describe('X-Twilio-Signature', () => {
  it("matches twilio-node's worked vectors (form parameters, default port, encoded URL, repeated names)", () => {
    expect(twilioSignature(vectors.secret, vectors.url, vectors.params)).toBe(vectors.expected);
    for (const example of vectors.additional_examples.filter((e) => 'params' in e)) {
      const pairs = Object.entries(example.params ?? {})
        .flatMap(([name, value]) => (value === undefined ? [] : [value].flat()).map((v): [string, string] => [name, v]));
      const signed = request(new URLSearchParams(pairs).toString(), { 'x-twilio-signature': example.expected }, example.url);
      expect(twilioSms.verify(signed, account(vectors.secret)), example.case).toEqual({ ok: true });
    }
  });

  it("accepts the fixture's raw form body under the fixture's signature, and nothing else", () => {
    const signed = request(vectors.raw_body, { 'x-twilio-signature': vectors.expected }, vectors.url);
    expect(twilioSms.verify(signed, account(vectors.secret))).toEqual({ ok: true });
    expect(twilioSms.verify({ ...signed, rawBody: Buffer.from(vectors.raw_body.replace('Digits=1234', 'Digits=9999')) }, account(vectors.secret)).ok).toBe(false);
    expect(twilioSms.verify({ ...signed, url: `${vectors.url}&x=1` }, account(vectors.secret)).ok).toBe(false);
    expect(twilioSms.verify(signed, account('another-token'))).toMatchObject({ ok: false, status: 401 });
    expect(twilioSms.verify(request(vectors.raw_body, {}, vectors.url), account(vectors.secret))).toMatchObject({ ok: false, status: 401, reason: /missing/ });
  });

  it('checks JSON bodies by the bodySHA256 the signed URL carries', () => {
    const json = vectors.additional_examples[0]!;
    const signed = { ...request(json.raw_body!, { 'content-type': 'application/json', 'x-twilio-signature': json.expected }, json.url) };
    expect(twilioSms.verify(signed, account(json.secret))).toEqual({ ok: true });
    expect(twilioSms.verify({ ...signed, rawBody: Buffer.from(json.raw_body!.replace('true', 'false')) }, account(json.secret)))
      .toMatchObject({ ok: false, reason: /bodySHA256/ });
  });
});

describe('Twilio inbound messages', () => {
  const sms = { MessageSid: SID, SmsSid: SID, AccountSid: `AC${'a'.repeat(32)}`, From: '+447700900123', To: '+447700900001', NumMedia: '0', SmsStatus: 'received', ApiVersion: '2010-04-01' };
  const wa = { ...sms, From: 'whatsapp:+5511987654321', To: 'whatsapp:+551130000000', ProfileName: 'Ana', WaId: '5511987654321' };

  it('reads an SMS as text from its E.164 number, at the time it arrived', () => {
    expect(parse({ ...sms, Body: 'Hi, I need a van on Friday' })).toEqual([{ kind: 'message', providerMessageId: SID, from: '+447700900123',
      at: 1_790_000_000_000, content: { type: 'text', text: 'Hi, I need a van on Friday' } }]);
  });

  it("keeps WhatsApp's whatsapp:+… handle and the profile name", () => {
    expect(parse({ ...wa, Body: 'Oi' }, twilioWhatsApp)).toEqual([{ kind: 'message', providerMessageId: SID, from: 'whatsapp:+5511987654321',
      name: 'Ana', at: 1_790_000_000_000, content: { type: 'text', text: 'Oi' } }]);
  });

  it('keeps media by reference, the text as the first caption, one event per attachment', () => {
    const events = parse({ ...sms, Body: 'my boxes', NumMedia: '2', MediaUrl0: `https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/${SID}/Media/ME1`,
      MediaContentType0: 'image/jpeg', MediaUrl1: 'https://media.example/plan.pdf', MediaContentType1: 'application/pdf' });
    expect(events).toEqual([
      expect.objectContaining({ providerMessageId: SID, content: { type: 'media', mediaType: 'image', mimeType: 'image/jpeg', caption: 'my boxes',
        ref: `https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/${SID}/Media/ME1` } }),
      expect.objectContaining({ providerMessageId: `${SID}:1`, content: { type: 'media', mediaType: 'document', mimeType: 'application/pdf', ref: 'https://media.example/plan.pdf' } }),
    ]);
    expect(parse({ ...sms, NumMedia: '1', MediaUrl0: 'https://media.example/voice.ogg' })[0]).toMatchObject({ content: { type: 'media', mediaType: 'audio' } });
  });

  it('reads a tapped WhatsApp button as a choice, with or without its payload, and a shared place as a location', () => {
    expect(parse({ ...wa, Body: 'Confirmar', ButtonText: 'Confirmar', ButtonPayload: 'slot-2' }, twilioWhatsApp)[0])
      .toMatchObject({ content: { type: 'choice', id: 'slot-2', title: 'Confirmar' } });
    expect(parse({ ...wa, Body: 'Confirm', ButtonText: 'Confirm' }, twilioWhatsApp)[0])
      .toMatchObject({ content: { type: 'choice', id: 'Confirm', title: 'Confirm' } });
    expect(parse({ ...wa, Body: '', Latitude: '-23.5874', Longitude: '-46.6576', Label: 'Kumon Vila A', Address: 'Rua X, 10' }, twilioWhatsApp)[0])
      .toMatchObject({ content: { type: 'location', latitude: -23.5874, longitude: -46.6576, name: 'Kumon Vila A', address: 'Rua X, 10' } });
  });

  it('ignores an empty message and refuses what Twilio does not send', () => {
    expect(parse({ ...sms, Body: '' })).toEqual([{ kind: 'ignored', providerEventId: SID, reason: 'an empty message' }]);
    expect(() => parse({ From: '+447700900123', Body: 'x' })).toThrow(/MessageSid/);
    expect(() => parse({ MessageSid: SID, Body: 'x' })).toThrow(/From/);
    expect(() => twilioSms.parse({ ...request('{"MessageSid":"SM1"}'), headers: { 'content-type': 'application/json' } }, account())).toThrow(WebhookParseError);
  });
});

describe('Twilio status callbacks', () => {
  const status = (MessageStatus: string, extra: Record<string, string> = {}) =>
    parse({ MessageSid: SID, MessageStatus, SmsStatus: MessageStatus, To: '+447700900123', From: '+447700900001', AccountSid: `AC${'a'.repeat(32)}`, ...extra });

  it('turns sent, delivered and read into receipts, and failed/undelivered into failures with the error code', () => {
    expect(status('sent')).toEqual([{ kind: 'status', providerMessageId: SID, status: 'sent', at: 1_790_000_000_000 }]);
    expect(status('delivered')[0]).toMatchObject({ status: 'delivered' });
    expect(status('read')[0]).toMatchObject({ status: 'read' });
    expect(status('failed', { ErrorCode: '21610' })).toEqual([{ kind: 'status', providerMessageId: SID, status: 'failed', at: 1_790_000_000_000,
      error: { code: '21610', title: 'The recipient has opted out (STOP)' } }]);
    expect(status('undelivered', { ErrorCode: '30003', ErrorMessage: 'Unreachable destination handset' })[0])
      .toMatchObject({ status: 'failed', error: { code: '30003', detail: 'Unreachable destination handset' } });
    expect(status('failed', { ErrorCode: '63999' })[0]).toMatchObject({ error: { code: '63999', title: 'Twilio error 63999' } });
  });

  it('ignores the steps before sending (queued, accepted, sending), each once', () => {
    for (const s of ['queued', 'accepted', 'sending']) {
      expect(status(s)).toEqual([{ kind: 'ignored', providerEventId: `${SID}:${s}`, reason: `status ${s}` }]);
    }
  });

  it('answers Twilio with empty TwiML', () => {
    expect(twilioSms.acknowledge).toEqual({ contentType: 'text/xml', body: '<?xml version="1.0" encoding="UTF-8"?><Response></Response>' });
    expect(twilioWhatsApp.acknowledge).toEqual(twilioSms.acknowledge);
  });
});
