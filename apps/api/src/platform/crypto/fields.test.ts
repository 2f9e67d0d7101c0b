import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  decryptField, encryptField, fieldKey, fieldKeyIdOf, installFieldKeys, lookupHash, lookupHashes, queryTokens, searchTokens,
} from './fields';

const secretA = randomBytes(32);
const secretB = randomBytes(32);

describe('personal field encryption', () => {
  beforeEach(() => installFieldKeys({ current: fieldKey(secretA), previous: [] }));

  it('encrypts with a fresh IV, never shows the value and reads it back (UTF-8 included)', () => {
    const a = encryptField('Conceição Souza +55 11 91111-0001');
    expect(a).toMatch(/^enc:v1:[0-9a-f]{8}:/);
    expect(a).not.toContain('Souza');
    expect(encryptField('Conceição Souza +55 11 91111-0001')).not.toBe(a);
    expect(decryptField(a)).toBe('Conceição Souza +55 11 91111-0001');
    expect(decryptField(encryptField(''))).toBe('');
    expect(encryptField(null)).toBeNull();
  });

  it('reads values stored before encryption as they are', () => {
    expect(decryptField('Maria')).toBe('Maria');
    expect(decryptField('enc:v1: not really')).toBe('enc:v1: not really');
  });

  it('refuses a tampered value', () => {
    const sealed = encryptField('Maria');
    const raw = Buffer.from(sealed.split(':')[3]!, 'base64');
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(() => decryptField(`${sealed.split(':').slice(0, 3).join(':')}:${raw.toString('base64')}`)).toThrow();
  });

  it('derives its keys from the secret instead of using it, and names them', () => {
    const key = fieldKey(secretA);
    expect(key.encryption.equals(secretA)).toBe(false);
    expect(key.lookup.equals(key.encryption)).toBe(false);
    expect(fieldKeyIdOf(encryptField('x'))).toBe(key.id);
    expect(fieldKey(secretA).id).toBe(key.id);
    expect(fieldKey(secretB).id).not.toBe(key.id);
  });

  it('opens values of a previous key after a rotation, and names a missing key', () => {
    const old = encryptField('Maria');
    installFieldKeys({ current: fieldKey(secretB), previous: [fieldKey(secretA)] });
    expect(decryptField(old)).toBe('Maria');
    expect(fieldKeyIdOf(encryptField('Maria'))).toBe(fieldKey(secretB).id);
    const unknown = `enc:v1:00000000:${old.split(':')[3]}`;
    expect(() => decryptField(unknown)).toThrow(/00000000.*FRONTDESK_PREVIOUS_SECRET_KEYS/);
  });

  it('hashes phones and e-mails for lookups: normalised, keyed, under every configured key', () => {
    expect(lookupHash('phone', '+54 9 11 5555-0001')).toBe(lookupHash('phone', '+541155550001'));
    expect(lookupHash('email', ' Ana@Example.COM')).toBe(lookupHash('email', 'ana@example.com'));
    expect(lookupHash('phone', '+5511911110001')).not.toContain('5511911110001');
    expect(lookupHash('phone', '+5511911110001')).not.toBe(lookupHash('email', '+5511911110001'));
    const underA = lookupHash('phone', '+5511911110001');
    installFieldKeys({ current: fieldKey(secretB), previous: [fieldKey(secretA)] });
    expect(lookupHash('phone', '+5511911110001')).not.toBe(underA);
    expect(lookupHashes('phone', '+5511911110001')).toContain(underA);
    expect(lookupHashes('phone', undefined)).toEqual([]);
  });

  it('finds names by whole words (without accents or case) and phones by runs of four digits', () => {
    const tokens = searchTokens({ name: 'Conceição da Silva', phone: '+5511911110001' });
    const matches = (query: string) => queryTokens(query).every((group) => group.some((t) => tokens.includes(t)));
    expect(matches('CONCEICAO silva')).toBe(true);
    expect(matches('Conc')).toBe(false);
    expect(matches('9111-0001')).toBe(true);
    expect(matches('0002')).toBe(false);
    expect(tokens.join()).not.toMatch(/silva|9111/i);
    expect(searchTokens({})).toEqual([]);
  });
});
