import type { FastifyInstance, FastifyRequest } from 'fastify';
import cors, { type FastifyCorsOptions } from '@fastify/cors';

const MAX_AGE = 600;
const NONE: FastifyCorsOptions = { origin: false };

/**
 * Strict CORS: the dashboard's origins may call `/v1` with credentials (cookies, the CSRF header);
 * the public chat API may be called from any site without credentials (the widget and custom
 * chat front ends live on the businesses' own sites); every other origin gets no CORS headers.
 */
export async function registerCors(app: FastifyInstance, dashboardOrigins: readonly string[]): Promise<void> {
  const dashboard = new Set(dashboardOrigins);
  const policy = (request: FastifyRequest): FastifyCorsOptions => {
    const origin = request.headers.origin;
    if (!origin || !request.url.startsWith('/v1/')) return NONE;
    if (request.url.startsWith('/v1/chat/')) {
      return { origin: '*', credentials: false, methods: ['GET', 'POST'], allowedHeaders: ['authorization', 'content-type', 'last-event-id'],
        exposedHeaders: ['retry-after'], maxAge: MAX_AGE };
    }
    if (!dashboard.has(origin)) return NONE;
    return { origin, credentials: true, methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'x-csrf-token', 'idempotency-key', 'last-event-id'],
      exposedHeaders: ['retry-after', 'location'], maxAge: MAX_AGE };
  };
  await app.register(cors, { delegator: (request, callback) => callback(null, policy(request)) });
}
