import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ProviderError, SendOutcome, SendFailure } from '../domain/types';

/** Constant-time comparison of two strings (signatures, tokens). */
export function sameText(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const hmacHex = (algorithm: 'sha256' | 'sha1', key: string, body: Buffer | string) =>
  createHmac(algorithm, key).update(body).digest('hex');

/** A POST with a JSON body; network failures and timeouts come back as a retryable outcome. */
export async function postJson(
  http: typeof fetch, url: string, body: unknown, headers: Record<string, string>,
): Promise<{ status: number; json: unknown; headers: Headers } | SendOutcome> {
  try {
    const res = await http(url, {
      method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    let json: unknown = undefined;
    try { json = text ? JSON.parse(text) : undefined; } catch { json = { raw: text.slice(0, 500) }; }
    return { status: res.status, json, headers: res.headers };
  } catch (err) {
    return failure('retry', { code: 'network', title: 'The provider could not be reached', detail: (err as Error).message });
  }
}

export const failure = (action: SendFailure, error: ProviderError, retryAfterMs?: number): SendOutcome =>
  ({ ok: false, action, error, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });

export const isOutcome = (x: unknown): x is SendOutcome => typeof x === 'object' && x !== null && 'ok' in x;
