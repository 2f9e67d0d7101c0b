import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors';

export type Principal = { kind: 'admin' } | { kind: 'tenant'; tenantId: string; keyId: string };

export interface KeyVerifier {
  /** Resolves a tenant API key to its tenant, or undefined for an unknown/revoked key. */
  verifyTenantKey(key: string): Promise<{ tenantId: string; keyId: string } | undefined>;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function createAuthenticator(adminKey: string, keys: KeyVerifier) {
  return async function authenticate(request: FastifyRequest): Promise<Principal> {
    const token = bearerToken(request);
    if (!token) throw new AppError('UNAUTHENTICATED', 'Send Authorization: Bearer <api key>');
    if (sameSecret(token, adminKey)) return { kind: 'admin' };
    const tenant = await keys.verifyTenantKey(token);
    if (!tenant) throw new AppError('UNAUTHENTICATED', 'Unknown or revoked API key');
    return { kind: 'tenant', ...tenant };
  };
}

export function requireTenant(request: FastifyRequest): string {
  const p = request.principal;
  if (p?.kind === 'tenant') return p.tenantId;
  throw new AppError('FORBIDDEN', 'Use a tenant API key for this route');
}

export function requireAdmin(request: FastifyRequest): void {
  if (request.principal?.kind !== 'admin') throw new AppError('FORBIDDEN', 'Only the platform admin key may do this');
}
