import { createHmac, randomBytes } from 'node:crypto';
import { startFakeHttp } from './http-server';

export interface SentRequest { path: string; authorization?: string; body: Record<string, unknown> }
type Scripted = { status: number; body: unknown };

/**
 * A local stand-in for Meta's Graph API send endpoint (POST /{version}/{phone-number-id}/messages):
 * answers like Meta (a wamid on success, Meta's error envelope otherwise), records what it got,
 * and can be told to fail the next sends.
 */
export async function startFakeWhatsApp(accessToken: string) {
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
    reply(200, { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }],
      messages: [{ id: `wamid.${randomBytes(12).toString('base64url')}` }] });
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
