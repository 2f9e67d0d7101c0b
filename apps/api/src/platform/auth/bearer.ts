import type { FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors';
import { tenantOf, type Principal } from './permissions';

export type { Principal } from './permissions';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** The tenant a request acts in: a tenant API key's, or the staff member's active tenant. */
export function requireTenant(request: FastifyRequest): string {
  const tenantId = tenantOf(request.principal);
  if (tenantId) return tenantId;
  throw new AppError('FORBIDDEN', 'Use a tenant API key or a staff session for this route');
}

export function requireAdmin(request: FastifyRequest): void {
  if (request.principal?.kind !== 'admin') throw new AppError('FORBIDDEN', 'Only the platform admin key or an operator may do this');
}

/** Who did it, for records: the staff member, the API key or the platform. */
export function actorOf(p: Principal): Record<string, string> & { kind: string } {
  switch (p.kind) {
    case 'staff': return { kind: 'user', userId: p.userId, role: p.role };
    case 'user': return { kind: 'user', userId: p.userId };
    case 'tenant': return { kind: 'api_key', keyId: p.keyId };
    case 'admin': return p.userId ? { kind: 'operator', userId: p.userId } : { kind: 'admin' };
  }
}
