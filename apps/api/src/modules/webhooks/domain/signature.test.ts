import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { constantTimeEqual, parseSignatureHeader, signatureHeader, signedPayload, verifySignature } from './signature';

const mac = (secret: string) => (payload: string) => createHmac('sha256', secret).update(payload).digest('hex');
const BODY = '{"id":1}';
const T = 1_700_000_000;
// printf '%s' '1700000000.{"id":1}' | openssl dgst -sha256 -hmac whsec_test
const EXPECTED = '2f441ba4b3b2d50d28a9ab9d9fd8880376ecd1eb5d0435401553f5d8d0a5dcf8';

describe('Frontdesk-Signature', () => {
  it('is t=<seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">, as Stripe signs', () => {
    expect(signedPayload(T, BODY)).toBe('1700000000.{"id":1}');
    expect(signatureHeader(T, BODY, mac('whsec_test'))).toBe(`t=${T},v1=${EXPECTED}`);
  });

  it.each([
    ['t=1700000000,v1=' + EXPECTED, { timestamp: T, signatures: [EXPECTED] }],
    [`v1=${EXPECTED}, t=1700000000, v0=abc`, { timestamp: T, signatures: [EXPECTED] }],
    [`t=1,v1=${EXPECTED},v1=${'0'.repeat(64)}`, { timestamp: 1, signatures: [EXPECTED, '0'.repeat(64)] }],
    ['t=1700000000', null],
    [`v1=${EXPECTED}`, null],
    ['t=abc,v1=' + EXPECTED, null],
    ['t=1,v1=nothex', null],
    ['', null],
  ])('parses %j', (header, expected) => {
    expect(parseSignatureHeader(header)).toEqual(expected);
  });

  it.each([
    ['the right secret within the window', `t=${T},v1=${EXPECTED}`, BODY, T + 299, { ok: true }],
    ['a clock a little behind', `t=${T},v1=${EXPECTED}`, BODY, T - 60, { ok: true }],
    ['an old request (replay)', `t=${T},v1=${EXPECTED}`, BODY, T + 301, { ok: false, reason: 'outside_tolerance' }],
    ['a changed body', `t=${T},v1=${EXPECTED}`, '{"id":2}', T, { ok: false, reason: 'mismatch' }],
    ['a changed timestamp', `t=${T + 1},v1=${EXPECTED}`, BODY, T, { ok: false, reason: 'mismatch' }],
    ['another secret', signatureHeader(T, BODY, mac('whsec_other')), BODY, T, { ok: false, reason: 'mismatch' }],
    ['no signature', `t=${T}`, BODY, T, { ok: false, reason: 'malformed' }],
  ])('verifies %s', (_name, header, body, now, expected) => {
    expect(verifySignature({ header, body, nowSeconds: now, toleranceSeconds: 300, mac: mac('whsec_test') })).toEqual(expected);
  });

  it('compares whole strings', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
  });
});
