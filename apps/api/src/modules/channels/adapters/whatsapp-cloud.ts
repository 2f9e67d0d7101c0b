import { z } from 'zod';
import type { InboundEvent, OutboundMessage, SendFailure } from '../domain/types';
import { outboxRefOf } from '../domain/types';
import { fit, menuLabel, numberedMenu } from '../domain/render';
import { failure, isOutcome, postJson } from './http';
import { metaHandshake, verifyMetaSignature } from './meta';
import { WebhookParseError, type ChannelAdapter } from './types';
import { parseWhatsAppMessage } from './whatsapp-inbound';

interface Config { phoneNumberId: string; accessToken: string; appSecret: string; verifyToken: string; graphBaseUrl: string }

const Envelope = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(z.object({ changes: z.array(z.object({ field: z.string(), value: z.record(z.string(), z.unknown()) })) })),
});
const Status = z.object({
  id: z.string(), status: z.enum(['sent', 'delivered', 'read', 'failed']), timestamp: z.string(),
  biz_opaque_callback_data: z.string().optional(),
  errors: z.array(z.object({ code: z.number(), title: z.string().optional(), message: z.string().optional(),
    error_data: z.object({ details: z.string() }).partial().optional() })).optional(),
});

/** Meta's error codes that change what we do next (see the error-codes reference in the fixtures). */
function actionFor(code: number): SendFailure {
  if (code === 131047) return 'template';                              // 24-hour window closed
  if ([130429, 131056, 80007, 4, 613].includes(code)) return 'retry';  // throughput / pair rate limits
  if ([131026, 131030, 131021].includes(code)) return 'undeliverable'; // not on WhatsApp, not allowed, self
  if (code === 131031 || code === 368) return 'blocked';               // account locked, policy block
  return 'fail';
}

export const whatsappCloud: ChannelAdapter<Config> = {
  type: 'whatsapp_cloud',
  ratePerSecond: 80, // Cloud API's default throughput per business number (Meta raises it to 1,000 on request)
  handleIsPhone: true,

  verify: (req, account) => verifyMetaSignature(req, account.config.appSecret),
  handshake: (req, account) => metaHandshake(req, account.config.verifyToken),

  parse(req) {
    const envelope = Envelope.safeParse(safeJson(req.rawBody));
    if (!envelope.success) throw new WebhookParseError('not a WhatsApp Business Account webhook');
    const events: InboundEvent[] = [];
    for (const change of envelope.data.entry.flatMap((e) => e.changes)) {
      if (change.field !== 'messages') {
        events.push({ kind: 'ignored', providerEventId: `field:${change.field}:${JSON.stringify(change.value).length}`, reason: `field ${change.field}` });
        continue;
      }
      const value = change.value as { contacts?: { wa_id: string; profile?: { name?: string } }[]; messages?: unknown[]; statuses?: unknown[] };
      for (const raw of value.messages ?? []) events.push(parseWhatsAppMessage(raw, value.contacts ?? []));
      for (const raw of value.statuses ?? []) {
        const s = Status.safeParse(raw);
        if (!s.success) throw new WebhookParseError('a status without id/status/timestamp');
        const error = s.data.errors?.[0];
        events.push({
          kind: 'status', providerMessageId: s.data.id, status: s.data.status, at: Number(s.data.timestamp) * 1000,
          ...(outboxRefOf(s.data.biz_opaque_callback_data) ? { ref: s.data.biz_opaque_callback_data } : {}),
          ...(error ? { error: { code: String(error.code), title: error.title ?? error.message ?? 'error', ...(error.error_data?.details ? { detail: error.error_data.details } : {}) } } : {}),
        });
      }
    }
    return events;
  },

  async send(account, to, message, http) {
    const { graphBaseUrl, phoneNumberId, accessToken } = account.config;
    const res = await postJson(http, `${graphBaseUrl.replace(/\/$/, '')}/${phoneNumberId}/messages`,
      // Meta echoes biz_opaque_callback_data on this message's status webhooks: a send cut short by a crash is settled by it.
      { messaging_product: 'whatsapp', recipient_type: 'individual', to, ...body(message), ...(message.ref ? { biz_opaque_callback_data: message.ref } : {}) },
      { authorization: `Bearer ${accessToken}` });
    if (isOutcome(res)) return res;
    const json = res.json as { messages?: { id: string }[]; error?: { code: number; message?: string; error_data?: { details?: string } } };
    if (res.status < 300 && json?.messages?.[0]?.id) return { ok: true, providerMessageId: json.messages[0].id };
    const error = { code: String(json?.error?.code ?? res.status), title: json?.error?.message ?? `HTTP ${res.status}`,
      ...(json?.error?.error_data?.details ? { detail: json.error.error_data.details } : {}) };
    if (res.status >= 500 || res.status === 429) return failure('retry', error);
    return failure(json?.error ? actionFor(json.error.code) : 'fail', error);
  },
};

/** Buttons for up to 3 short options, a list for up to 10, numbered text beyond that. */
function body(message: OutboundMessage): Record<string, unknown> {
  if (message.template) {
    return { type: 'template', template: {
      name: message.template.name, language: { policy: 'deterministic', code: message.template.language },
      components: message.template.variables.length
        ? [{ type: 'body', parameters: message.template.variables.map((text) => ({ type: 'text', text })) }] : [],
    } };
  }
  const options = message.options ?? [];
  const text = fit(message.text, 1024);
  if (options.length && options.length <= 3 && options.every((o) => [...o.label].length <= 20)) {
    return { type: 'interactive', interactive: { type: 'button', body: { text },
      action: { buttons: options.map((o) => ({ type: 'reply', reply: { id: o.id, title: o.label } })) } } };
  }
  if (options.length && options.length <= 10) {
    return { type: 'interactive', interactive: { type: 'list', body: { text }, action: {
      button: menuLabel(message),
      sections: [{ title: fit(menuLabel(message), 24), rows: options.map((o) => ({
        id: o.id, title: fit(o.label, 24), ...([...o.label].length > 24 ? { description: fit(o.label, 72) } : {}) })) }],
    } } };
  }
  return { type: 'text', text: { preview_url: false, body: fit(numberedMenu(message), 4096) } };
}

function safeJson(raw: Buffer): unknown {
  try { return JSON.parse(raw.toString('utf8')); } catch { throw new WebhookParseError('the body is not JSON'); }
}
