import { describe, expect, it } from 'vitest';
import bottender from '../../../../test/fixtures/messenger/signature-example.json';
import pywa from '../../../../test/fixtures/whatsapp-cloud/signature-example.json';
import { metaHandshake, verifyMetaSignature } from './meta';

const request = (body: string, headers: Record<string, string> = {}, query: Record<string, string> = {}) =>
  ({ method: 'POST', url: 'https://desk.example/v1/webhooks/c1', headers, query, rawBody: Buffer.from(body) });

describe("Meta's webhook signature", () => {
  it('accepts X-Hub-Signature-256 over the exact bytes and refuses any other body or secret', () => {
    const req = request(pywa.raw_body, { 'x-hub-signature-256': pywa.expected });
    expect(verifyMetaSignature(req, pywa.secret)).toEqual({ ok: true });
    expect(verifyMetaSignature({ ...req, rawBody: Buffer.from(`${pywa.raw_body}\n`) }, pywa.secret)).toMatchObject({ ok: false, status: 401 });
    expect(verifyMetaSignature(req, 'another-secret')).toEqual({ ok: false, status: 401, reason: 'bad X-Hub-Signature-256' });
    const sha256 = bottender.computed_by_us['x-hub-signature-256'];
    expect(verifyMetaSignature(request(bottender.raw_body, { 'x-hub-signature-256': sha256 }), bottender.secret)).toEqual({ ok: true });
  });

  it("accepts Messenger's legacy sha1 header only where allowed and only without a sha256 one (bottender's vectors)", () => {
    const sha1 = request(bottender.raw_body, bottender.headers);
    expect(verifyMetaSignature(sha1, bottender.secret, { legacySha1: true })).toEqual({ ok: true });
    expect(verifyMetaSignature(request(bottender.raw_body, bottender.negative_example.headers), bottender.secret, { legacySha1: true }))
      .toEqual({ ok: false, status: 401, reason: 'bad X-Hub-Signature' });
    expect(verifyMetaSignature(sha1, bottender.secret)).toEqual({ ok: false, status: 401, reason: 'missing X-Hub-Signature-256' });
    // A forged sha256 next to a good sha1 is refused: no downgrade.
    const both = request(bottender.raw_body, { ...bottender.headers, 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` });
    expect(verifyMetaSignature(both, bottender.secret, { legacySha1: true })).toMatchObject({ ok: false, reason: 'bad X-Hub-Signature-256' });
    expect(verifyMetaSignature(request('{}'), bottender.secret, { legacySha1: true })).toMatchObject({ ok: false, reason: 'missing X-Hub-Signature-256' });
  });

  it('answers the subscription handshake with the challenge only for the verify token', () => {
    const { request_query: ok, expected_response: answer } = bottender.verify_token_example;
    expect(metaHandshake(request('', {}, ok), '1qaz2wsx')).toBe(answer.body);
    expect(metaHandshake(request('', {}, bottender.verify_token_example.wrong_token.request_query), '1qaz2wsx')).toBeUndefined();
    expect(metaHandshake(request('', {}, { ...ok, 'hub.mode': 'unsubscribe' }), '1qaz2wsx')).toBeUndefined();
    expect(metaHandshake(request('', {}, { 'hub.mode': 'subscribe', 'hub.verify_token': '1qaz2wsx' }), '1qaz2wsx')).toBeUndefined();
  });
});
