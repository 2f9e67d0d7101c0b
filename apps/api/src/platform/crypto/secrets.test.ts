import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretBox } from './secrets';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('secret box', () => {
  it('seals and opens, with a fresh IV each time and no plaintext in the output', () => {
    const box = secretBox({ current: key('k1') });
    const a = box.seal({ accessToken: 'EAAG-super-secret' });
    expect(a).not.toContain('super-secret');
    expect(box.seal({ accessToken: 'EAAG-super-secret' })).not.toBe(a);
    expect(box.open(a)).toEqual({ accessToken: 'EAAG-super-secret' });
  });

  it('refuses a tampered value and an unknown key', () => {
    const box = secretBox({ current: key('k1') });
    const sealed = box.seal({ a: 1 }).split(':');
    sealed[4] = Buffer.from('{"a":2}').toString('base64');
    expect(() => box.open(sealed.join(':'))).toThrow();
    expect(() => secretBox({ current: key('k2') }).open(box.seal({ a: 1 }))).toThrow(/unknown format or key/);
  });

  it('rotates: values sealed with the previous key open, and reseal moves them to the new one', () => {
    const old = key('2026-01');
    const sealed = secretBox({ current: old }).seal({ token: 't' });
    const rotated = secretBox({ current: key('2026-11'), previous: [old] });
    expect(rotated.open(sealed)).toEqual({ token: 't' });
    const moved = rotated.reseal(sealed);
    expect(moved.split(':')[1]).toBe('2026-11');
    expect(secretBox({ current: key('other'), previous: [] }).open.bind(null, moved)).toThrow();
  });
});
