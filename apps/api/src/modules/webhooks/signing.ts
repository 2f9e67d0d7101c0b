import { createHmac, randomBytes } from 'node:crypto';
import type { Mac } from './domain/signature';

/** A new signing secret: `whsec_` and 32 random bytes; the whole string is the HMAC key. */
export const newSigningSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

export const hmacSha256 = (secret: string): Mac => (payload) => createHmac('sha256', secret).update(payload, 'utf8').digest('hex');
