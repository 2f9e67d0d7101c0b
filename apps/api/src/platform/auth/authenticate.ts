import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors';
import type { Principal, Scopes } from './permissions';

export const SESSION_COOKIE = 'fd_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface CredentialVerifier {
  /** A tenant API key's tenant and scopes, or undefined for an unknown/revoked key. */
  verifyTenantKey(key: string): Promise<{ tenantId: string; keyId: string; scopes: Scopes } | undefined>;
  /** A live session's principal and CSRF token, or undefined. */
  verifySession(token: string, ip: string | undefined): Promise<{ principal: Principal; csrfToken: string } | undefined>;
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Who is calling: an `Authorization: Bearer` key (the platform admin key or a tenant key), else the
 * session cookie — whose changing requests must carry the session's X-CSRF-Token, since a browser
 * sends the cookie along with any site's forms.
 */
export function createAuthenticator(adminKey: string, verifier: CredentialVerifier) {
  return async function authenticate(request: FastifyRequest): Promise<Principal> {
    const token = bearerToken(request);
    if (token) {
      if (sameSecret(token, adminKey)) return { kind: 'admin' };
      const tenant = await verifier.verifyTenantKey(token);
      if (!tenant) throw new AppError('UNAUTHENTICATED', 'Unknown or revoked API key');
      return { kind: 'tenant', ...tenant };
    }
    const cookie = request.cookies?.[SESSION_COOKIE];
    if (!cookie) throw new AppError('UNAUTHENTICATED', 'Sign in, or send Authorization: Bearer <api key>');
    const session = await verifier.verifySession(cookie, request.ip);
    if (!session) throw new AppError('UNAUTHENTICATED', 'The session has ended; sign in again');
    if (UNSAFE.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) throw new AppError('AUTH_CSRF_INVALID');
    }
    return session.principal;
  };
}
