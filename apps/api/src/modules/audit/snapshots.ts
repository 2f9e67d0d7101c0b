import type { FastifyRequest } from 'fastify';
import type { ZodApp } from '../../platform/http/server';

const MAX_SNAPSHOT = 64 * 1024;
const NO_SNAPSHOT = /^\/v1\/privacy\/erasure-requests\/:id\/(approve|reject)$/;

/**
 * The object a change is about, as the API shows it: the route itself when it can be read
 * (PATCH /v1/services/:id → GET /v1/services/:id, PUT /v1/leads/settings → GET …), or the object
 * an action acts on (POST /v1/bookings/:id/cancel → GET /v1/bookings/:id). A creation
 * (POST to a collection) has none: its "after" is its answer.
 */
export function subjectRoute(app: ZodApp, method: string, route: string): string | undefined {
  // An erasure's decision: a "before" taken ahead of the erasure would bring back what it erases.
  if (NO_SNAPSHOT.test(route)) return undefined;
  const action = /\/:[^/]+\/[^:/]+$/.test(route);
  if (method === 'POST' && !action) return undefined;
  const candidates = action ? [route.replace(/\/[^/:]+$/, '')] : [route];
  return candidates.find((url) => app.hasRoute({ method: 'GET', url }));
}

/** Reads the subject with the caller's own credentials (so it shows only what they may see). */
export async function snapshot(app: ZodApp, request: FastifyRequest, subject: string): Promise<unknown> {
  const route = request.routeOptions.url!;
  const path = request.url.split('?')[0]!;
  const url = subject === route ? path : path.replace(/\/[^/]+$/, '');
  const headers: Record<string, string> = {};
  if (request.headers.authorization) headers.authorization = request.headers.authorization;
  if (request.headers.cookie) headers.cookie = request.headers.cookie;
  const res = await app.inject({ method: 'GET', url, headers });
  return res.statusCode === 200 ? parseJson(res.body) : undefined;
}

export function parseJson(body: unknown): unknown {
  if (typeof body !== 'string' || body.length > MAX_SNAPSHOT) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
