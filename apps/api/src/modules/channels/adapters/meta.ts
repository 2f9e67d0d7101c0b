import type { WebhookRequest } from '../domain/types';
import { hmacHex, sameText } from './http';
import type { Verdict } from './types';

/**
 * Meta's webhook signature (WhatsApp Cloud, Instagram, Messenger): `X-Hub-Signature-256` is
 * `sha256=` + HMAC-SHA256 of the raw body with the app secret. Messenger still sends the legacy
 * `X-Hub-Signature` (sha1) too; it is accepted only where the caller allows it and only when the
 * sha256 header is absent, so a request cannot downgrade a bad sha256 to a good sha1.
 */
export function verifyMetaSignature(req: WebhookRequest, appSecret: string, options: { legacySha1?: boolean } = {}): Verdict {
  const sha256 = req.headers['x-hub-signature-256'];
  if (sha256) {
    return sameText(sha256, `sha256=${hmacHex('sha256', appSecret, req.rawBody)}`)
      ? { ok: true } : { ok: false, status: 401, reason: 'bad X-Hub-Signature-256' };
  }
  const sha1 = options.legacySha1 ? req.headers['x-hub-signature'] : undefined;
  if (!sha1) return { ok: false, status: 401, reason: 'missing X-Hub-Signature-256' };
  return sameText(sha1, `sha1=${hmacHex('sha1', appSecret, req.rawBody)}`)
    ? { ok: true } : { ok: false, status: 401, reason: 'bad X-Hub-Signature' };
}

/** Meta's subscription handshake: GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=… → the challenge. */
export function metaHandshake(req: WebhookRequest, verifyToken: string): string | undefined {
  const { 'hub.mode': mode, 'hub.verify_token': token, 'hub.challenge': challenge } = req.query;
  return mode === 'subscribe' && challenge && sameText(token, verifyToken) ? challenge : undefined;
}
