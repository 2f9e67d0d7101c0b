import { createHash, createHmac } from 'node:crypto';
import { sameText } from './http';
import type { Verdict } from './types';
import type { WebhookRequest } from '../domain/types';

/** Form parameters with every value of a repeated name, as Twilio signs them. */
export type TwilioParams = Record<string, string | string[]>;

/**
 * X-Twilio-Signature: base64(HMAC-SHA1(authToken, url + each parameter name followed by its
 * value, names sorted)). A repeated name contributes each distinct value, sorted (as
 * twilio-node's validateRequest does).
 */
export function twilioSignature(authToken: string, url: string, params: TwilioParams): string {
  const signed = Object.keys(params).sort().reduce((acc, name) => {
    const value = params[name]!;
    const values = Array.isArray(value) ? [...new Set(value)].sort() : [value];
    return acc + values.map((v) => name + v).join('');
  }, url);
  return createHmac('sha1', authToken).update(signed, 'utf8').digest('base64');
}

/** The body of a form post as Twilio's parameters. */
export function formParams(raw: Buffer): TwilioParams {
  const params: TwilioParams = {};
  for (const [name, value] of new URLSearchParams(raw.toString('utf8'))) {
    const seen = params[name];
    params[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return params;
}

/**
 * The spellings of the URL Twilio may have signed: as received and as WHATWG-serialised (the
 * helper libraries sign `new URL(url)`, which percent-encodes characters such as ' in the
 * query), each with and without the default port (a proxy may add or drop it).
 */
export function urlVariants(url: string): string[] {
  let serialised = url;
  try { serialised = new URL(url).href; } catch { /* not a URL: only the string as given */ }
  return [...new Set([url, serialised].flatMap(withAndWithoutDefaultPort))];
}

function withAndWithoutDefaultPort(url: string): string[] {
  const m = /^(https?):\/\/([^/?#:]+)(?::(\d+))?(.*)$/i.exec(url);
  if (!m) return [url];
  const [, scheme, host, port, rest] = m;
  const defaultPort = scheme!.toLowerCase() === 'https' ? '443' : '80';
  if (port && port !== defaultPort) return [url];
  return [`${scheme}://${host}${rest}`, `${scheme}://${host}:${defaultPort}${rest}`];
}

/**
 * Checks X-Twilio-Signature. Form posts are signed over the URL and their parameters; JSON
 * bodies over the URL alone, which then carries bodySHA256 = hex SHA-256 of the exact body.
 */
export function verifyTwilio(req: WebhookRequest, authToken: string): Verdict {
  const given = req.headers['x-twilio-signature'];
  if (!given) return { ok: false, status: 401, reason: 'missing X-Twilio-Signature' };
  const isJson = (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json');
  if (isJson) {
    const bodyHash = new URL(req.url).searchParams.get('bodySHA256');
    if (!bodyHash || !sameText(bodyHash, createHash('sha256').update(req.rawBody).digest('hex'))) {
      return { ok: false, status: 401, reason: 'bodySHA256 does not match the body' };
    }
  }
  const params = isJson ? {} : formParams(req.rawBody);
  const ok = urlVariants(req.url).some((url) => sameText(given, twilioSignature(authToken, url, params)));
  return ok ? { ok: true } : { ok: false, status: 401, reason: 'bad X-Twilio-Signature' };
}
