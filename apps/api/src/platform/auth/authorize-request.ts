import type { FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '../../shared/errors';
import { authorize, type Principal } from './permissions';
import { ruleOf } from './route-rules';

/**
 * Every `/v1` request: the route's rule decides whether credentials are needed and which
 * permission they must carry. An unknown path falls through to the 404 handler; a route
 * without a rule is refused to everyone.
 */
export async function authorizeRequest(request: FastifyRequest, authenticate: (request: FastifyRequest) => Promise<Principal>): Promise<void> {
  const route = request.routeOptions.url;
  if (!request.url.startsWith('/v1/') || route === undefined || !route.startsWith('/v1/')) return;
  const rule = ruleOf(request.method, route);
  if (rule === 'public') return;
  request.principal = await authenticate(request);
  if (authorize(request.principal, rule) === 'forbidden') {
    throw new AppError('FORBIDDEN', rule === undefined ? 'This route has no access rule' : forbiddenDetail(request.principal, rule));
  }
}

function forbiddenDetail(principal: Principal, rule: string): string {
  if (rule === 'platform') return 'Only the platform admin key or an operator may do this';
  if (principal.kind === 'admin') return 'Use a tenant API key or a staff session for this route';
  if (principal.kind === 'user') return 'Open a tenant first (POST /v1/auth/session/tenant)';
  if (principal.kind === 'staff') return `The ${principal.role} role may not do this (needs ${rule})`;
  return `This API key's scopes do not include ${rule}`;
}

/** At registration: a `/v1` route must have a rule, or the server does not start. */
export function requireRouteRule(route: RouteOptions): void {
  if (!route.url.startsWith('/v1/')) return;
  for (const method of [route.method].flat()) {
    if (ruleOf(method, route.url) === undefined) throw new Error(`${method} ${route.url} has no access rule: add it to platform/auth/route-rules.ts`);
  }
}
