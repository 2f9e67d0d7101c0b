import { createHmac, randomBytes } from 'node:crypto';
import { startFakeHttp } from './http-server';

export interface SentRequest { path: string; authorization?: string; body: Record<string, unknown> }
type Scripted = { status: number; body: unknown };

/**
 * A local stand-in for Meta's Graph API send endpoint (POST /{version}/{phone-number-id}/messages):
 * answers like Meta (a wamid on success, Meta's error envelope otherwise), records what it got,
 * and can be told to fail the next sends.
 */
export interface StatusTarget { webhookUrl: string; appSecret: string; phoneNumberId: string }

export async function startFakeWhatsApp(accessToken: string, options: {
  /** Where Meta posts status webhooks (looked up for each try; undefined while nobody listens): "sent" for each accepted message. */
  reportTo?: () => StatusTarget | undefined;
  /** How long each send takes to answer. */
  latencyMs?: number;
} = {}) {
  const sent: SentRequest[] = [];
  const script: Scripted[] = [];
  const waiters: (() => void)[] = [];
  const { port, close } = await startFakeHttp((req, reply) => {
    const { raw } = req;
    if (req.method !== 'POST' || !/^\/v\d+\.\d+\/\d+\/messages$/.test(req.url ?? '')) return reply(404, { error: { message: 'Unknown path', code: 100 } });
    if (req.headers.authorization !== `Bearer ${accessToken}`) {
      return reply(401, { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 } });
    }
    const body = JSON.parse(raw) as Record<string, unknown>;
    sent.push({ path: req.url!, authorization: req.headers.authorization, body });
    waiters.splice(0).forEach((w) => w());
    const next = script.shift();
    if (next) return reply(next.status, next.body);
    const wamid = `wamid.${randomBytes(12).toString('base64url')}`;
    const accept = () => {
      reply(200, { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: wamid }] });
      if (options.reportTo) void reportStatus(options.reportTo, wamid, String(body.to), body.biz_opaque_callback_data as string | undefined);
    };
    if (options.latencyMs) setTimeout(accept, options.latencyMs);
    else accept();
  });
  return {
    graphBaseUrl: `http://127.0.0.1:${port}/v21.0`,
    sent,
    /** The next sends answer with Meta's error envelope for this code. */
    failNext(times: number, status: number, code: number, message: string) {
      for (let i = 0; i < times; i++) script.push({ status, body: { error: { message, type: 'OAuthException', code, fbtrace_id: 'Afake' } } });
    },
    async until(ok: () => boolean, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!ok()) {
        if (Date.now() > deadline) throw new Error(`fake WhatsApp: condition not met; got ${JSON.stringify(sent.map((s) => s.body))}`);
        await Promise.race([new Promise<void>((r) => waiters.push(r)), new Promise((r) => setTimeout(r, 100))]);
      }
    },
    close,
  };
}

/** Meta's signature over the exact bytes of a webhook body. */
export const metaSignature = (appSecret: string, body: string) => `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;

/** A WhatsApp Cloud webhook with one text message, in Meta's wire shape. */
export function whatsappText(phoneNumberId: string, from: string, text: string, at: number, id = `wamid.${randomBytes(10).toString('hex')}`, name = 'Cliente') {
  return { object: 'whatsapp_business_account', entry: [{ id: '1234567890', changes: [{ field: 'messages', value: {
    messaging_product: 'whatsapp', metadata: { display_phone_number: '551130000000', phone_number_id: phoneNumberId },
    contacts: [{ profile: { name }, wa_id: from }],
    messages: [{ from, id, timestamp: String(Math.floor(at / 1000)), type: 'text', text: { body: text } }],
  } }] }] };
}

/** Meta's "sent" status webhook for an accepted message, retried (as Meta does) until someone answers 200. */
async function reportStatus(target: () => StatusTarget | undefined, wamid: string, to: string, callbackData: string | undefined) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const t = target();
    if (t) {
      const raw = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: {
        messaging_product: 'whatsapp', metadata: { display_phone_number: '15550000000', phone_number_id: t.phoneNumberId },
        statuses: [{ id: wamid, status: 'sent', timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: to,
          ...(callbackData ? { biz_opaque_callback_data: callbackData } : {}) }] } }] }] });
      const ok = await fetch(t.webhookUrl, { method: 'POST', body: raw,
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(t.appSecret, raw) } })
        .then((r) => r.status === 200, () => false);
      if (ok) return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
