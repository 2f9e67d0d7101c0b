import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonical, chainText, firstBreak, GENESIS, redact, type AuditEntry } from './entry';

const sha = (t: string) => createHash('sha256').update(t).digest('hex');
const entry = (n: number): AuditEntry => ({ tenantId: 't1', at: `2026-11-23T10:00:0${n}.000Z`, actor: { kind: 'api_key', keyId: 'k1' },
  action: 'PATCH /v1/leads/:id', target: { id: `lead-${n}` }, request: { stage: 'won' }, status: 200, ip: '10.0.0.1' });
function chain(n: number) {
  const rows = [];
  let prev = GENESIS;
  for (let i = 1; i <= n; i++) {
    const hash = sha(chainText(prev, entry(i)));
    rows.push({ id: i, prevHash: prev, hash, entry: entry(i) });
    prev = hash;
  }
  return rows;
}

describe('the audit chain', () => {
  it('hashes the same entry the same way whatever the key order', () => {
    expect(canonical({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
  });
  it('accepts an intact chain', () => {
    expect(firstBreak(chain(5), GENESIS, sha)).toBeUndefined();
  });
  it('finds a modified entry', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, entry: { ...rows[2]!.entry, request: { stage: 'lost' } } };
    expect(firstBreak(rows, GENESIS, sha)).toEqual({ id: 3, reason: 'modified' });
  });
  it('finds a deleted entry at the one after it', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(firstBreak(rows, GENESIS, sha)).toEqual({ id: 3, reason: 'missing_before' });
  });
  it('finds a rewritten entry whose own hash was recomputed, at the next one', () => {
    const rows = chain(3);
    const forged = { ...rows[0]!.entry, status: 500 };
    rows[0] = { ...rows[0]!, entry: forged, hash: sha(chainText(GENESIS, forged)) };
    expect(firstBreak(rows, GENESIS, sha)).toEqual({ id: 2, reason: 'missing_before' });
  });
});

describe('redacting a request body', () => {
  it('hides secrets at any depth and keeps the rest', () => {
    expect(redact({ type: 'whatsapp_cloud', config: { accessToken: 'EAAG', appSecret: 's', phoneNumberId: '1' }, apiKey: 'k', items: [{ password: 'p' }] }))
      .toEqual({ type: 'whatsapp_cloud', config: { accessToken: '[redacted]', appSecret: '[redacted]', phoneNumberId: '1' }, apiKey: '[redacted]',
        items: [{ password: '[redacted]' }] });
  });
});

describe('personal values kept out of the chain', () => {
  it('replaces every string but ids by a reference, and puts them back (an erased one as [erased])', async () => {
    const { detachValues, attachValues, refsOf } = await import('./entry');
    let n = 0;
    const body = { name: 'Ana Lima', serviceId: '0b8f3c2e-1d2a-4c5b-9e8f-7a6b5c4d3e2f', seats: 2, tags: ['vip'], secret: '[redacted]' };
    const { body: chained, values } = detachValues(body, () => `r${++n}`);
    expect(chained).toEqual({ name: { $ref: 'r1' }, serviceId: body.serviceId, seats: 2, tags: [{ $ref: 'r2' }], secret: '[redacted]' });
    expect(values).toEqual([{ ref: 'r1', value: 'Ana Lima' }, { ref: 'r2', value: 'vip' }]);
    expect(refsOf(chained)).toEqual(['r1', 'r2']);
    expect(attachValues(chained, new Map([['r1', 'Ana Lima'], ['r2', 'vip']]))).toEqual(body);
    expect(attachValues(chained, new Map([['r2', 'vip']]))).toMatchObject({ name: '[erased]' });
  });
});
