import type { FastifyInstance, FastifyRequest } from 'fastify';
import '../auth/bearer';
import { tenantOf } from '../auth/permissions';
import { withTenant } from '../db/tenant-scope';

// Person-level routes (sign-in, the session's list of memberships, switching tenant) read across
// the person's tenants by design; their SQL filters by the person instead.
const PERSON_LEVEL = /^\/v1\/auth\//;

/** The tenant whose rows a request may touch, if it acts for exactly one. */
export function requestTenant(request: FastifyRequest): string | undefined {
  return PERSON_LEVEL.test(request.routeOptions.url ?? '') ? undefined : tenantOf(request.principal);
}

/**
 * Runs the rest of a tenant's request (later hooks, the handler, what they start) inside its
 * tenant scope, so that every statement runs under row-level security. Authentication has
 * happened by then (onRequest), so the API-key and session lookups run as the owner, as does
 * the audit hook (its hash chain spans every tenant; it leaves the scope itself).
 * Customers' chat and the public booking page have no principal: see scopePublicRequests.
 * Providers' webhooks only store what arrives (the work happens in jobs, as the owner).
 */
export function scopeRequestsToTenants(app: FastifyInstance): void {
  // A callback hook: `done` runs the rest of the chain synchronously, so it all inherits the scope.
  app.addHook('preHandler', (request, _reply, done) => {
    const tenant = requestTenant(request);
    if (tenant === undefined) done();
    else withTenant(tenant, done);
  });
}

/**
 * Requests from the public (a customer's web chat, the booking page) name their business by slug
 * in the path: they run in that tenant's scope too, so a bug in their handlers can't reach another
 * tenant's rows. An unknown slug runs unscoped and its handler answers 404 as before.
 */
export function scopePublicRequests(app: FastifyInstance, tenantIdOfSlug: (slug: string) => Promise<string | undefined>): void {
  app.addHook('preHandler', (request, _reply, done) => {
    const slug = (request.params as { tenantSlug?: unknown } | undefined)?.tenantSlug;
    if (typeof slug !== 'string' || request.principal) return done();
    tenantIdOfSlug(slug).then((tenant) => (tenant ? withTenant(tenant, done) : done()), (err: Error) => done(err));
  });
}
