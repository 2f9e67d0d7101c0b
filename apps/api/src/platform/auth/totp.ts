import { Secret, TOTP } from 'otpauth';

const totpFor = (secret: string, label = 'staff') =>
  new TOTP({ issuer: 'Frontdesk', label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });

/** A new authenticator secret (base32) and the otpauth:// URL a phone app scans. */
export function newTotpSecret(label: string): { secret: string; otpauthUrl: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, otpauthUrl: totpFor(secret, label).toString() };
}

const PERIOD_MS = 30_000;

/** The time step the code belongs to if it is valid now (±1 period for clock drift), else undefined. */
export function totpStep(secret: string, code: string, nowMs: number): number | undefined {
  const delta = totpFor(secret).validate({ token: code, timestamp: nowMs, window: 1 });
  return delta === null ? undefined : Math.floor(nowMs / PERIOD_MS) + delta;
}

/** The code an authenticator shows at a given moment (tests, and nothing else, need this). */
export const totpCodeAt = (secret: string, nowMs: number): string => totpFor(secret).generate({ timestamp: nowMs });
