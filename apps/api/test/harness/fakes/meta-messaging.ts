import { randomBytes } from 'node:crypto';
import { startFakeHttp } from './http-server';
import { metaSignature } from './whatsapp';

export interface SentRequest { path: string; body: SendBody }
export interface SendBody {
  recipient: { id: string };
  messaging_type?: string;
  message: { text?: string; quick_replies?: { content_type: string; title: string; payload: string }[] };
}
type Scripted = { status: number; body: unknown };

/**
 * A local stand-in for the Send API of Messenger and Instagram (POST /{version}/{page-id|me}/messages):
 * checks the token (Bearer header, or the access_token parameter Meta also takes), answers like
 * Meta ({recipient_id, message_id}, or Meta's error envelope when told to fail), and records sends.
 */
export async function startFakeMetaMessaging(accessToken: string) {
  const sent: SentRequest[] = [];
  const script: Scripted[] = [];
  const { port, close } = await startFakeHttp((req, reply) => {
    const { raw } = req;
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.method !== 'POST' || !/^\/v\d+\.\d+\/(me|\d+)\/messages$/.test(url.pathname)) {
      return reply(404, graphError(100, 'Unsupported post request.'));
    }
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? url.searchParams.get('access_token');
    if (token !== accessToken) return reply(401, graphError(190, 'Invalid OAuth access token - Cannot parse access token'));
    const body = JSON.parse(raw) as SendBody;
    if (!body.recipient?.id) return reply(400, graphError(100, '(#100) The parameter recipient is required'));
    if (!body.message) return reply(400, graphError(100, '(#100) Must send either message or sender action'));
    sent.push({ path: url.pathname, body });
    const next = script.shift();
    if (next) return reply(next.status, next.body);
    reply(200, { recipient_id: body.recipient.id, message_id: `m_${randomBytes(24).toString('base64url')}` });
  });
  return {
    graphBaseUrl: `http://127.0.0.1:${port}/v21.0`,
    sent,
    /** The next sends answer with Meta's error envelope for this code (and subcode). */
    failNext(times: number, status: number, code: number, message: string, subcode?: number) {
      for (let i = 0; i < times; i++) script.push({ status, body: graphError(code, message, subcode) });
    },
    close,
  };
}

const graphError = (code: number, message: string, subcode?: number) =>
  ({ error: { message, type: 'OAuthException', code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: 'AfakeTrace' } });

/**
 * What a send said, normalised for the contract: quick-reply titles are the options, unless they
 * are the numbers of a numbered menu in the text, whose lines then are.
 */
export function normalisedSend({ body }: SentRequest): { to: string; text: string; options: string[] } {
  const text = body.message.text ?? '';
  const titles = body.message.quick_replies?.map((q) => q.title) ?? [];
  const numbered = [...text.matchAll(/^\d+\. (.+)$/gm)].map((m) => m[1]!);
  const options = titles.length && titles.every((t) => /^\d+$/.test(t)) && numbered.length === titles.length ? numbered : titles;
  return { to: body.recipient.id, text, options };
}

/** One messaging[] item as a Messenger (`page`) or Instagram webhook body. */
export function messagingWebhook(object: 'page' | 'instagram', ownId: string, items: Record<string, unknown>[], at = Date.now()) {
  return { object, entry: [{ id: ownId, time: at, messaging: items }] };
}

/** A customer's text message, as Meta delivers it. */
export function textItem(ownId: string, from: string, text: string, at: number, mid = `m_${randomBytes(16).toString('base64url')}`) {
  return { sender: { id: from }, recipient: { id: ownId }, timestamp: at, message: { mid, text } };
}

/** A webhook call signed like Meta signs it (X-Hub-Signature-256 over the exact bytes). */
export function signedWebhook(appSecret: string, body: unknown): { payload: string; headers: Record<string, string> } {
  const payload = JSON.stringify(body);
  return { payload, headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(appSecret, payload) } };
}
