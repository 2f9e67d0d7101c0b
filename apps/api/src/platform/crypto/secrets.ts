import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * Seals small JSON secrets (provider tokens, app secrets) with AES-256-GCM. The output names the
 * key that sealed it, so a new key can be introduced while old values still open; `reseal`
 * moves a value to the current key.
 */
export function secretBox(keys: { current: { id: string; key: Buffer }; previous?: { id: string; key: Buffer }[] }) {
  const byId = new Map([keys.current, ...(keys.previous ?? [])].map((k) => [k.id, k.key]));
  for (const [id, key] of byId) if (key.length !== 32) throw new Error(`Secret key ${id} must be 32 bytes`);

  function seal(value: unknown): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keys.current.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return [VERSION, keys.current.id, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
  }
  function open<T = unknown>(sealed: string): T {
    const [version, id, iv, tag, body] = sealed.split(':');
    const key = id && byId.get(id);
    if (version !== VERSION || !key || !iv || !tag || body === undefined) throw new Error('Sealed value with an unknown format or key');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return JSON.parse(Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8')) as T;
  }
  return { seal, open, reseal: (sealed: string) => seal(open(sealed)), currentKeyId: keys.current.id };
}
export type SecretBox = ReturnType<typeof secretBox>;
