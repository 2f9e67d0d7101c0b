import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encryption of personal fields at rest (names, phones, e-mails, message bodies): AES-256-GCM
 * under a key derived from the configured secret key, written `enc:v1:<key id>:<base64 iv|tag|text>`
 * so a value names the key that sealed it. Lookups by phone or e-mail use a keyed hash (HMAC-SHA256)
 * under every configured key, so rows still hashed with a previous key are found while a rotation
 * re-encrypts them. A value without the prefix was written before encryption and reads as it is.
 */
export interface FieldKey { id: string; encryption: Buffer; lookup: Buffer }
export interface FieldKeys { current: FieldKey; previous: FieldKey[] }

const PATTERN = /^enc:v1:([0-9a-f]{8}):([A-Za-z0-9+/]+={0,2})$/;
/** Every encrypted value inside a text: alone in a column, or within JSON. */
export const ENCRYPTED_VALUES = /enc:v1:[0-9a-f]{8}:[A-Za-z0-9+/]+={0,2}/g;

/** The two keys personal fields use, derived from one configured secret (never the secret itself). */
export function fieldKey(secret: Buffer): FieldKey {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'frontdesk', info, 32));
  const encryption = derive('personal fields: encryption');
  return { id: createHash('sha256').update(encryption).digest('hex').slice(0, 8), encryption, lookup: derive('personal fields: lookup') };
}

// Every key this process was configured with: values carry their key's id, so one keyring serves
// repositories without threading a cipher through every call. The last installed key encrypts.
const keyring = new Map<string, FieldKey>();
let current: FieldKey | undefined;

export function installFieldKeys(keys: FieldKeys): void {
  for (const key of [...keys.previous, keys.current]) keyring.set(key.id, key);
  current = keys.current;
}

const currentKey = (): FieldKey => {
  if (!current) throw new Error('Personal-field keys are not installed (composeApp installs them)');
  return current;
};

export const currentFieldKeyId = (): string => currentKey().id;

const seal = (key: FieldKey, iv: Buffer, value: string): string => {
  const cipher = createCipheriv('aes-256-gcm', key.encryption, iv);
  const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return `enc:v1:${key.id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
};

export function encryptField(value: string): string;
export function encryptField(value: string | null | undefined): string | null;
export function encryptField(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return seal(currentKey(), randomBytes(12), value);
}

// The IV of a deterministic value is a keyed hash of the value itself (a synthetic IV): one value
// always gives one output under one key, and two values never share an IV.
const sealSame = (key: FieldKey, value: string) =>
  seal(key, createHmac('sha256', key.lookup).update(`iv:${value}`).digest().subarray(0, 12), value);
const allKeys = (): FieldKey[] => {
  const current = currentKey();
  return [current, ...[...keyring.values()].filter((k) => k !== current)];
};

/**
 * Encryption that gives the same output for the same value, for values that name a row and are
 * matched by equality (a channel handle: a WhatsApp number, an e-mail address). Reads back with
 * `decryptField`; reveals only which rows share a value.
 */
export const encryptSame = (value: string): string => sealSame(currentKey(), value);
/** The value as `encryptSame` stores it under every configured key: query with `= ANY`. */
export const encryptSameAll = (value: string): string[] => allKeys().map((k) => sealSame(k, value));

export function decryptField(stored: string): string;
export function decryptField(stored: string | null | undefined): string | null;
export function decryptField(stored: string | null | undefined): string | null {
  if (stored === null || stored === undefined) return null;
  const match = PATTERN.exec(stored);
  if (!match) return stored;
  const key = keyring.get(match[1]!);
  if (!key) throw new Error(`A personal field was encrypted with key ${match[1]}, which is not configured (FRONTDESK_PREVIOUS_SECRET_KEYS)`);
  const raw = Buffer.from(match[2]!, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key.encryption, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** A value moved to the current key, encrypted the same way it was (`encryptSame` stays deterministic). */
export function reencrypt(stored: string): string {
  const id = fieldKeyIdOf(stored);
  if (!id) return stored;
  const clear = decryptField(stored);
  return sealSame(keyring.get(id)!, clear) === stored ? encryptSame(clear) : encryptField(clear);
}

/** The id of the key a stored value is encrypted with; undefined for a value stored in clear. */
export const fieldKeyIdOf = (stored: string): string | undefined => PATTERN.exec(stored)?.[1];

export type LookupKind = 'phone' | 'email' | 'word' | 'digits';

/** Argentine mobiles are written +54 9 11… internationally (and by WhatsApp) but +54 11… at home. */
const normalise: Record<LookupKind, (v: string) => string> = {
  phone: (v) => v.replace(/[^\d+]/g, '').replace(/^\+549/, '+54'),
  email: (v) => v.trim().toLowerCase(),
  word: (v) => v.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
  digits: (v) => v,
};

const hmac = (key: FieldKey, kind: LookupKind, value: string) =>
  createHmac('sha256', key.lookup).update(`${kind}:${normalise[kind](value)}`).digest('base64url').slice(0, 32);

/** The lookup hash stored with a value (under the current key). */
export function lookupHash(kind: LookupKind, value: string): string;
export function lookupHash(kind: LookupKind, value: string | null | undefined): string | null;
export function lookupHash(kind: LookupKind, value: string | null | undefined): string | null {
  return value ? hmac(currentKey(), kind, value) : null;
}

/** Every hash the value may be stored under (current and previous keys): query with `= ANY`. */
export function lookupHashes(kind: LookupKind, value: string | null | undefined): string[] {
  return value ? allKeys().map((k) => hmac(k, kind, value)) : [];
}

const words = (text: string): string[] => [...new Set(normalise.word(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w && !/^\d+$/.test(w)))];
const GRAM = 4;
const grams = (digits: string): string[] => [...new Set(Array.from({ length: Math.max(0, digits.length - GRAM + 1) }, (_, i) => digits.slice(i, i + GRAM)))];

/**
 * Blind search tokens of a contact: each word of the name, and every run of four digits of the
 * phone (so staff find "Souza" or "5555" without either stored in clear). Keyed hashes, current key.
 */
export function searchTokens(who: { name?: string | null; phone?: string | null }): string[] {
  const key = currentKey();
  return [
    ...(who.name ? words(who.name).map((w) => hmac(key, 'word', w)) : []),
    ...(who.phone ? grams(who.phone.replace(/\D/g, '').replace(/^549/, '54')).map((g) => hmac(key, 'digits', g)) : []),
  ];
}

/**
 * A query as groups of hashes: a contact matches when it holds one hash of every group. Digits
 * match by their four-digit runs, so a hit is only probable: check the decrypted phone after.
 */
export function queryTokens(query: string): string[][] {
  const digits = query.replace(/\D/g, '');
  return [
    ...words(query).map((w) => lookupHashes('word', w)),
    ...(digits.length >= GRAM ? grams(digits).map((g) => lookupHashes('digits', g)) : []),
  ];
}
