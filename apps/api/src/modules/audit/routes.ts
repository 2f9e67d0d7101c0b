import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { ZodApp } from '../../platform/http/server';
import { actorOf, requireTenant } from '../../platform/auth/bearer';
import { tenantOf } from '../../platform/auth/permissions';
import { redact, type AuditEntry } from './domain/entry';
import { parseJson, snapshot, subjectRoute } from './snapshots';
import type { AuditService } from './service';

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Customers' chat and providers' webhooks are not staff changes; they have their own records.
const NOT_AUDITED = /^\/v1\/(chat|webhooks)\//;

/**
 * Records every change made through the API by a key (a tenant's or the platform's), once it has
 * succeeded: who, what (the route, its parameters and the body, secrets redacted), the answer's
 * status, when and from where.
 */
export function auditChanges(app: ZodApp, audit: AuditService, clock: { now(): number }, onError: (err: unknown) => void): void {
  const changes = new WeakMap<FastifyRequest, { subject?: string; before?: unknown }>();
  const audited = (request: FastifyRequest) => {
    const route = request.routeOptions.url;
    return request.principal && route && CHANGES.has(request.method) && !NOT_AUDITED.test(route) ? route : undefined;
  };
  app.addHook('preHandler', async (request) => {
    const route = audited(request);
    if (!route) return;
    const subject = subjectRoute(app, request.method, route);
    changes.set(request, { subject, before: subject ? await snapshot(app, request, subject).catch(() => undefined) : undefined });
  });
  // Recorded before the answer leaves: a client that got its answer can count on the entry being on its way
  // (an erasure right after a change then finds the change's values; see compliance).
  app.addHook('onSend', async (request, reply, payload) => {
    const principal = request.principal;
    const change = changes.get(request);
    if (!principal || !change || reply.statusCode >= 400) return payload;
    const after = change.subject
      ? (request.method === 'DELETE' ? undefined : await snapshot(app, request, change.subject).catch(() => undefined))
      : parseJson(payload);
    const entry: AuditEntry = {
      tenantId: tenantOf(principal) ?? null,
      at: new Date(clock.now()).toISOString(),
      actor: actorOf(principal),
      action: `${request.method} ${request.routeOptions.url}`,
      target: (request.params ?? {}) as Record<string, string>,
      request: redact(request.body ?? null),
      ...(change.before != null ? { before: redact(change.before) } : {}),
      ...(after != null ? { after: redact(after) } : {}),
      status: reply.statusCode,
      ip: request.ip ?? null,
    };
    audit.record(entry).catch(onError);
    return payload;
  });
}

export function auditRoutes(app: ZodApp, audit: AuditService): void {
  app.get('/v1/audit', {
    schema: { tags: ['audit'], summary: "The tenant's audit trail, newest first: who changed what, when and from where",
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), before: z.coerce.number().int().min(1).optional() }),
      response: { 200: z.object({ items: z.array(z.object({
        id: z.number(), at: z.string(), actor: z.record(z.string(), z.unknown()), action: z.string(), target: z.record(z.string(), z.string()),
        request: z.unknown(), before: z.unknown().optional(), after: z.unknown().optional(), status: z.number(), ip: z.string().nullable(), hash: z.string(),
      })) }) } },
  }, async (req) => ({ items: await audit.list(requireTenant(req), req.query.limit, req.query.before) }));
}
