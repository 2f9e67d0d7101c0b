/**
 * Frontdesk-Signature, signed the way Stripe signs: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret,
 * "<t>.<raw body>")>`. The HMAC itself is passed in (domain code does no crypto I/O), so these
 * functions serve both the sender and a receiver's verification.
 */
export type Mac = (payload: string) => string;

export const signedPayload = (timestamp: number, body: string) => `${timestamp}.${body}`;

export const signatureHeader = (timestamp: number, body: string, mac: Mac) => `t=${timestamp},v1=${mac(signedPayload(timestamp, body))}`;

/** The timestamp and every v1 signature of a header (several while a receiver's secret rotates), or null. */
export function parseSignatureHeader(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2) as [string, string | undefined];
    if (key === 't' && value && /^\d+$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  return timestamp === undefined || signatures.length === 0 ? null : { timestamp, signatures };
}

/** Compares without stopping at the first difference, so timing says nothing about the expected value. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

export type Verification = { ok: true } | { ok: false; reason: 'malformed' | 'outside_tolerance' | 'mismatch' };

/**
 * What a receiver does: parse the header, refuse a timestamp further than `toleranceSeconds` from
 * its own clock (a replayed request), recompute the HMAC over the raw body and compare.
 */
export function verifySignature(input: { header: string; body: string; nowSeconds: number; toleranceSeconds: number; mac: Mac }): Verification {
  const parsed = parseSignatureHeader(input.header);
  if (!parsed) return { ok: false, reason: 'malformed' };
  if (Math.abs(input.nowSeconds - parsed.timestamp) > input.toleranceSeconds) return { ok: false, reason: 'outside_tolerance' };
  const expected = input.mac(signedPayload(parsed.timestamp, input.body));
  return parsed.signatures.some((s) => constantTimeEqual(s, expected)) ? { ok: true } : { ok: false, reason: 'mismatch' };
}
