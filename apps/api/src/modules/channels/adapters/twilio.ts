import type { OutboundMessage, ProviderError, SendFailure, SendOutcome } from '../domain/types';
import { outboxRefOf } from '../domain/types';
import { fit, numberedMenu } from '../domain/render';
import { failure } from './http';
import { parseTwilioWebhook } from './twilio-inbound';
import { verifyTwilio } from './twilio-signature';
import type { ChannelAdapter, ChannelAccount } from './types';

interface Config { accountSid: string; authToken: string; from?: string; messagingServiceSid?: string; apiBaseUrl: string }
type Kind = 'twilio_sms' | 'twilio_whatsapp';

/** Twilio's limit for one message body (a longer SMS would be refused, not split). */
const MAX_BODY = 1600;
const CONTENT_SID = /^HX[0-9a-f]{32}$/i;

/** Twilio's error codes that change what we do next (https://www.twilio.com/docs/api/errors). */
function actionFor(status: number, code: number | undefined): SendFailure {
  if (status === 429 || code === 20429 || code === 63018) return 'retry';  // too many requests
  if (code === 21610) return 'blocked';                                  // the recipient replied STOP
  if (code !== undefined && [21211, 21614, 63003, 63024].includes(code)) return 'undeliverable'; // invalid, not mobile, not on WhatsApp
  if (code === 63016) return 'template';                                 // WhatsApp 24-hour window closed
  if (status >= 500) return 'retry';
  return 'fail';
}

/** The outbox id a status callback's URL carries, if it is one. */
const refOf = (url: string) => outboxRefOf(new URL(url, 'http://x').searchParams.get('ref'));
const asWhatsApp = (address: string) => (address.startsWith('whatsapp:') ? address : `whatsapp:${address}`);

/**
 * The Messages resource's form fields: the sender (a messaging service, else the from number),
 * where to report delivery (a bare number reports only to a StatusCallback named per send),
 * and the text with options as a numbered menu ("reply 1, 2 or 3"): Twilio has no buttons
 * without Content templates, and the assistant reads "2" as the second option. A WhatsApp
 * template is sent by its Content SID (HX…), the template's name in the tenant's registry.
 */
function form(kind: Kind, account: ChannelAccount<Config>, to: string, message: OutboundMessage): URLSearchParams | ProviderError {
  const { config } = account;
  const whatsapp = kind === 'twilio_whatsapp';
  const fields = new URLSearchParams({ To: whatsapp ? asWhatsApp(to) : to });
  // Twilio calls back the exact URL it was given: our outbox id in it settles a send a crash cut short.
  if (account.webhookUrl) fields.set('StatusCallback', message.ref ? `${account.webhookUrl}?ref=${message.ref}` : account.webhookUrl);
  if (config.messagingServiceSid) fields.set('MessagingServiceSid', config.messagingServiceSid);
  else if (config.from) fields.set('From', whatsapp ? asWhatsApp(config.from) : config.from);
  else return { code: 'config', title: 'The channel needs a from number or a messaging service SID' };
  if (whatsapp && message.template) {
    if (!CONTENT_SID.test(message.template.name)) {
      return { code: 'template', title: 'Twilio sends WhatsApp templates by Content SID: name the template HX…' };
    }
    fields.set('ContentSid', message.template.name);
    fields.set('ContentVariables', JSON.stringify(Object.fromEntries(message.template.variables.map((v, i) => [String(i + 1), v]))));
    return fields;
  }
  fields.set('Body', fit(numberedMenu(message), MAX_BODY));
  return fields;
}

/** A form POST with HTTP Basic auth; network failures and timeouts come back as a retryable outcome. */
async function postForm(http: typeof fetch, url: string, fields: URLSearchParams, user: string, password: string) {
  try {
    const res = await http(url, {
      method: 'POST', body: fields.toString(), signal: AbortSignal.timeout(15_000),
      headers: {
        'content-type': 'application/x-www-form-urlencoded', accept: 'application/json',
        authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
      },
    });
    const text = await res.text();
    let json: unknown = undefined;
    try { json = text ? JSON.parse(text) : undefined; } catch { json = { message: text.slice(0, 500) }; }
    return { status: res.status, json, headers: res.headers };
  } catch (err) {
    return failure('retry', { code: 'network', title: 'Twilio could not be reached', detail: (err as Error).message });
  }
}

async function send(kind: Kind, account: ChannelAccount<Config>, to: string, message: OutboundMessage, http: typeof fetch): Promise<SendOutcome> {
  const { apiBaseUrl, accountSid, authToken } = account.config;
  const fields = form(kind, account, to, message);
  if (!(fields instanceof URLSearchParams)) return failure('fail', fields);
  const url = `${apiBaseUrl.replace(/\/$/, '')}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`;
  const res = await postForm(http, url, fields, accountSid, authToken);
  if ('ok' in res) return res;
  const json = res.json as { sid?: string; code?: number; message?: string; more_info?: string } | undefined;
  if (res.status < 300 && json?.sid) return { ok: true, providerMessageId: json.sid };
  const error: ProviderError = {
    code: String(json?.code ?? res.status), title: json?.message ?? `HTTP ${res.status}`, ...(json?.more_info ? { detail: json.more_info } : {}),
  };
  const retryAfter = Number(res.headers.get('retry-after'));
  return failure(actionFor(res.status, json?.code), error, retryAfter > 0 ? retryAfter * 1000 : undefined);
}

/** Twilio's empty TwiML answer: accepted, nothing to reply right now (replies go out through the API). */
const TWIML_ACK = { contentType: 'text/xml', body: '<?xml version="1.0" encoding="UTF-8"?><Response></Response>' };

function twilioAdapter(kind: Kind): ChannelAdapter<Config> {
  return {
    type: kind,
    // Twilio queues each sender's messages and paces them itself (1/s for a US long code, more for
    // short codes, services and WhatsApp), so we only keep far below its API concurrency limit.
    ratePerSecond: 10,
    handleIsPhone: true,
    acknowledge: TWIML_ACK,
    verify: (req, account) => verifyTwilio(req, account.config.authToken),
    parse: (req) => parseTwilioWebhook(req.rawBody, req.headers['content-type'], req.receivedAt ?? Date.now(), refOf(req.url)),
    send: (account, to, message, http) => send(kind, account, to, message, http),
  };
}

export const twilioSms = twilioAdapter('twilio_sms');
export const twilioWhatsApp = twilioAdapter('twilio_whatsapp');
