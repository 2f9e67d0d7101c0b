import { createHash } from 'node:crypto';
import type { InboundEvent, ProviderError, SendOutcome } from '../domain/types';
import { fit, numberedMenu } from '../domain/render';
import { failure, isOutcome, postJson, sameText } from './http';
import { WebhookParseError, type ChannelAdapter } from './types';
import { parseEvolutionMessage, parseEvolutionStatus } from './evolution-inbound';

interface Config { baseUrl: string; instance: string; apiKey: string; webhookSecret: string }

/** Evolution's error envelope: `{ status, error, response: { message } }`. */
interface EvolutionAnswer { key?: { id?: string }; status?: number; error?: string; response?: { message?: unknown } }

/**
 * Evolution API (an unofficial WhatsApp gateway). It signs nothing, so the tenant puts a shared
 * secret in its webhook headers; replies are plain text with options as a numbered menu (its
 * buttons do not reach every WhatsApp client).
 */
export const evolution: ChannelAdapter<Config> = {
  type: 'evolution',
  // An unofficial number sending in bursts risks a ban from WhatsApp: keep well under Cloud API rates.
  ratePerSecond: 5,
  handleIsPhone: true,

  verify(req, account) {
    const given = req.headers['x-frontdesk-secret'];
    if (!given) return { ok: false, status: 401, reason: 'missing x-frontdesk-secret' };
    return sameText(given, account.config.webhookSecret) ? { ok: true } : { ok: false, status: 401, reason: 'bad x-frontdesk-secret' };
  },

  parse(req, account) {
    let body: { event?: unknown; instance?: unknown; data?: unknown; date_time?: unknown };
    try { body = JSON.parse(req.rawBody.toString('utf8')); } catch { throw new WebhookParseError('the body is not JSON'); }
    if (!body || typeof body.event !== 'string') throw new WebhookParseError('not an Evolution API webhook (no event)');
    // Evolution names events messages.upsert; its settings (and older versions) say MESSAGES_UPSERT.
    const event = body.event.toLowerCase().replace(/_/g, '.');
    const entries = Array.isArray(body.data) ? body.data : [body.data];
    if (body.instance !== undefined && body.instance !== account.config.instance) return [ignored(event, req.rawBody, `another instance (${String(body.instance)})`)];
    if (event === 'messages.upsert') return entries.map(parseEvolutionMessage);
    if (event === 'messages.update') {
      const sent = Date.parse(String(body.date_time ?? ''));
      const at = Number.isNaN(sent) ? (req.receivedAt ?? 0) : sent;
      return entries.map((d) => parseEvolutionStatus(d, at));
    }
    return [ignored(event, req.rawBody, `event ${event}`)];
  },

  async send(account, to, message, http) {
    const { baseUrl, instance, apiKey } = account.config;
    const res = await postJson(http, `${baseUrl.replace(/\/$/, '')}/message/sendText/${encodeURIComponent(instance)}`,
      { number: to, text: fit(numberedMenu(message), 4096) }, { apikey: apiKey });
    if (isOutcome(res)) return res;
    const answer = (res.json ?? {}) as EvolutionAnswer;
    if (res.status < 300 && answer.key?.id) return { ok: true, providerMessageId: answer.key.id };
    return failed(res.status, answer);
  },
};

function failed(status: number, answer: EvolutionAnswer): SendOutcome {
  const detail = answer.response?.message === undefined ? undefined : JSON.stringify(answer.response.message).slice(0, 500);
  // Evolution checks the number first and answers 400 with [{ jid, exists: false, number }].
  if ((status === 400 || status === 404) && detail?.includes('"exists":false')) {
    return failure('undeliverable', { code: 'not_on_whatsapp', title: 'The number is not on WhatsApp', detail });
  }
  const error: ProviderError = { code: String(answer.status ?? status), title: answer.error ?? `HTTP ${status}`, ...(detail ? { detail } : {}) };
  if (status >= 500 || status === 429) return failure('retry', error);
  return failure('fail', error); // 401 a wrong apikey, 404 an instance that does not exist: the channel needs fixing
}

/** Events that say nothing to answer, identified by their bytes (a redelivery is the same event). */
function ignored(event: string, raw: Buffer, reason: string): InboundEvent {
  return { kind: 'ignored', providerEventId: `${event}:${createHash('sha256').update(raw).digest('hex').slice(0, 24)}`, reason };
}
