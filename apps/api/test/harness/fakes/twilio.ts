import { createHmac, randomBytes } from 'node:crypto';
import { startFakeHttp } from './http-server';

export interface TwilioSend { path: string; form: Record<string, string> }
type Scripted = { status: number; code: number; message: string };

const newSid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;
const errorBody = (status: number, code: number, message: string) =>
  ({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

/**
 * A local stand-in for Twilio's Messages resource (POST /2010-04-01/Accounts/{AccountSid}/Messages.json):
 * HTTP Basic auth with the account SID and auth token, a form body, a 201 Message resource with a
 * new SM… sid, Twilio's error JSON when told to fail. It records every accepted request.
 */
export async function startFakeTwilio(accountSid: string, authToken: string) {
  const sent: TwilioSend[] = [];
  const script: Scripted[] = [];
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const { port, close } = await startFakeHttp((req, reply) => {
    const { raw } = req;
    if (req.method !== 'POST' || req.url !== `/2010-04-01/Accounts/${accountSid}/Messages.json`) {
      return reply(404, errorBody(404, 20404, 'The requested resource was not found'));
    }
    if (req.headers.authorization !== expectedAuth) return reply(401, errorBody(401, 20003, 'Authenticate'));
    if (!req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
      return reply(400, errorBody(400, 21604, "A 'To' phone number is required."));
    }
    const form = Object.fromEntries(new URLSearchParams(raw));
    if (!form.To) return reply(400, errorBody(400, 21604, "A 'To' phone number is required."));
    if (!form.From && !form.MessagingServiceSid) return reply(400, errorBody(400, 21603, "A 'From' phone number is required."));
    if (!form.Body && !form.ContentSid) return reply(400, errorBody(400, 21602, 'Message body is required.'));
    sent.push({ path: req.url, form });
    const next = script.shift();
    if (next) return reply(next.status, errorBody(next.status, next.code, next.message));
    reply(201, message(accountSid, form));
  });
  return {
    apiBaseUrl: `http://127.0.0.1:${port}`,
    sent,
    /** The next sends answer with Twilio's error JSON for this code. */
    failNext(times: number, status: number, code: number, message: string) {
      for (let i = 0; i < times; i++) script.push({ status, code, message });
    },
    close,
  };
}

/** The Message resource Twilio answers a create with (snake_case, RFC 2822 dates, numbers as strings). */
function message(accountSid: string, form: Record<string, string>) {
  const sid = newSid('SM');
  const now = new Date().toUTCString().replace('GMT', '+0000');
  return {
    account_sid: accountSid, api_version: '2010-04-01', body: form.Body ?? '', date_created: now, date_sent: null, date_updated: now,
    direction: 'outbound-api', error_code: null, error_message: null, from: form.From ?? null,
    messaging_service_sid: form.MessagingServiceSid ?? null, num_media: '0', num_segments: '1', price: null, price_unit: 'USD',
    sid, status: form.MessagingServiceSid ? 'accepted' : 'queued',
    subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json` },
    to: form.To, uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
  };
}

/** X-Twilio-Signature, written from Twilio's description (not the adapter's code). */
export function twilioSignatureOf(authToken: string, url: string, fields: Record<string, string>): string {
  const data = url + Object.keys(fields).sort().map((k) => k + fields[k]).join('');
  return createHmac('sha1', authToken).update(data).digest('base64');
}

/** A form webhook as Twilio posts it to this URL, signed with the account's auth token. */
export function signedTwilioWebhook(url: string, authToken: string, fields: Record<string, string>) {
  return {
    payload: new URLSearchParams(fields).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8', 'user-agent': 'TwilioProxy/1.1',
      'i-twilio-idempotency-token': randomBytes(16).toString('hex'), 'x-twilio-signature': twilioSignatureOf(authToken, url, fields),
    },
  };
}

/** An incoming SMS or WhatsApp message in Twilio's field set (WhatsApp handles are whatsapp:+…, without the SMS geo fields). */
export function twilioInbound(input: { accountSid: string; from: string; to: string; body: string; sid?: string; profileName?: string }) {
  const sid = input.sid ?? newSid('SM');
  const common = {
    SmsMessageSid: sid, NumMedia: '0', SmsSid: sid, SmsStatus: 'received', Body: input.body, To: input.to, NumSegments: '1',
    MessageSid: sid, AccountSid: input.accountSid, From: input.from, ApiVersion: '2010-04-01',
  };
  return input.from.startsWith('whatsapp:')
    ? { ...common, ProfileName: input.profileName ?? 'Cliente', MessageType: 'text', WaId: input.from.replace(/^whatsapp:\+/, ''), ReferralNumMedia: '0' }
    : { ...common, ToCountry: 'GB', ToState: '', ToCity: '', ToZip: '', FromCountry: 'GB', FromState: '', FromCity: '', FromZip: '' };
}

/** A status callback for a message we sent. */
export function twilioStatus(input: { accountSid: string; sid: string; status: string; to: string; from: string; errorCode?: string }) {
  return {
    SmsSid: input.sid, SmsStatus: input.status, MessageStatus: input.status, To: input.to, MessageSid: input.sid,
    AccountSid: input.accountSid, From: input.from, ApiVersion: '2010-04-01', ...(input.errorCode ? { ErrorCode: input.errorCode } : {}),
  };
}

/** A numbered-menu text read back into its text and options ("1. Fri 09:00" lines), as a customer sees them. */
export function readNumberedMenu(body: string): { text: string; options: string[] } {
  const blocks = body.split('\n\n');
  const menuAt = blocks.findIndex((b) => b.split('\n').every((line) => /^\d+\. /.test(line)));
  if (menuAt < 1) return { text: body, options: [] };
  return { text: blocks.slice(0, menuAt).join('\n\n'), options: blocks[menuAt]!.split('\n').map((line) => line.replace(/^\d+\. /, '')) };
}
