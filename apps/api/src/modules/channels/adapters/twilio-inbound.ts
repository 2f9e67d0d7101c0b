import type { DeliveryStatus, InboundContent, InboundEvent, ProviderError } from '../domain/types';
import { formParams } from './twilio-signature';
import { WebhookParseError } from './types';

type Media = Extract<InboundContent, { type: 'media' }>;

/** Twilio's MessageStatus values that are delivery receipts; the rest (queued, sending…) say nothing new. */
const RECEIPTS: Record<string, DeliveryStatus> = {
  sent: 'sent', delivered: 'delivered', read: 'read', failed: 'failed', undelivered: 'failed',
};

/** Titles for the error codes a status callback most often carries (Twilio sends only the code). */
const ERROR_TITLES: Record<string, string> = {
  '21610': 'The recipient has opted out (STOP)',
  '30003': 'Unreachable destination handset',
  '30005': 'Unknown destination handset',
  '30006': 'Landline or unreachable carrier',
  '30007': 'Filtered by the carrier',
  '30008': 'Unknown error',
  '63016': 'Outside the 24-hour WhatsApp window: only a template can be sent',
  '63018': 'WhatsApp rate limit exceeded',
};

/**
 * A Twilio Messaging webhook (a form post): an incoming SMS/MMS/WhatsApp message, or a status
 * callback for one we sent (both come to the same URL). Twilio's payloads carry no time, so
 * `receivedAt` stands for it.
 */
export function parseTwilioWebhook(rawBody: Buffer, contentType: string | undefined, receivedAt: number, ref?: string): InboundEvent[] {
  if (!(contentType ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw new WebhookParseError('Twilio Messaging webhooks are form posts');
  }
  const params = formParams(rawBody);
  const get = (name: string) => { const v = params[name]; return Array.isArray(v) ? v[0] : v; };
  const sid = get('MessageSid') ?? get('SmsMessageSid') ?? get('SmsSid');
  if (!sid) throw new WebhookParseError('a Twilio webhook without MessageSid');
  const status = get('MessageStatus');
  if (status && status !== 'received') return [statusEvent(sid, status, get, receivedAt, ref)];
  const from = get('From');
  if (!from) throw new WebhookParseError('a Twilio message without From');
  const name = get('ProfileName');
  const base = { kind: 'message' as const, from, at: receivedAt, ...(name ? { name } : {}) };
  const contents = contentsOf(get);
  if (!contents.length) return [{ kind: 'ignored', providerEventId: sid, reason: 'an empty message' }];
  // One Twilio message may carry several media: the first keeps the message id, the others get their own.
  return contents.map((content, i) => ({ ...base, providerMessageId: i === 0 ? sid : `${sid}:${i}`, content }));
}

function statusEvent(sid: string, status: string, get: (name: string) => string | undefined, at: number, ref?: string): InboundEvent {
  const receipt = RECEIPTS[status];
  if (!receipt) return { kind: 'ignored', providerEventId: `${sid}:${status}`, reason: `status ${status}` };
  const code = get('ErrorCode');
  const error: ProviderError | undefined = code
    ? { code, title: ERROR_TITLES[code] ?? `Twilio error ${code}`, ...(get('ErrorMessage') ? { detail: get('ErrorMessage') } : {}) }
    : undefined;
  return { kind: 'status', providerMessageId: sid, status: receipt, at, ...(error ? { error } : {}), ...(ref ? { ref } : {}) };
}

/** What the message says: a tapped button, a shared place, its media (the text as the first one's caption), or its text. */
function contentsOf(get: (name: string) => string | undefined): InboundContent[] {
  const body = get('Body') ?? '';
  const button = get('ButtonPayload') ?? get('ButtonText');
  if (button) return [{ type: 'choice', id: button, title: get('ButtonText') ?? button }];
  const listItem = get('ListId');
  if (listItem) return [{ type: 'choice', id: listItem, title: get('ListTitle') ?? listItem }];
  const latitude = Number(get('Latitude'));
  const longitude = Number(get('Longitude'));
  if (get('Latitude') && Number.isFinite(latitude) && Number.isFinite(longitude)) {
    const name = get('Label');
    const address = get('Address');
    return [{ type: 'location', latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) }];
  }
  const media: Media[] = [];
  for (let i = 0; i < Number(get('NumMedia') ?? 0); i++) {
    const url = get(`MediaUrl${i}`);
    if (url) media.push(mediaOf(url, get(`MediaContentType${i}`)));
  }
  if (media.length) return media.map((m, i) => (i === 0 && body ? { ...m, caption: body } : m));
  return body.trim() ? [{ type: 'text', text: body }] : [];
}

/** Media stays at Twilio (fetching it needs the account's credentials): kept by its URL. */
function mediaOf(ref: string, mimeType: string | undefined): Media {
  const kind = (mimeType ?? '').split('/')[0] || guessKind(ref);
  const mediaType = kind === 'image' || kind === 'audio' || kind === 'video' ? kind : 'document';
  return { type: 'media', mediaType, ref, ...(mimeType ? { mimeType } : {}) };
}

function guessKind(url: string): string {
  const ext = /\.([a-z0-9]+)(?:\?|$)/i.exec(url)?.[1]?.toLowerCase() ?? '';
  if (['jpg', 'jpeg', 'png', 'gif', 'webp'].includes(ext)) return 'image';
  if (['mp3', 'ogg', 'oga', 'amr', 'm4a', 'wav'].includes(ext)) return 'audio';
  if (['mp4', '3gp', 'mov'].includes(ext)) return 'video';
  return 'document';
}
