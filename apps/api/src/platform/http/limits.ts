import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import { AppError } from '../../shared/errors';
import { tenantOf } from '../auth/permissions';

export interface RateLimitSettings {
  /** Requests per minute; 0 turns that limit off. */
  perKey: number;
  perTenant: number;
  perIp: number;
  signInPerIp: number;
  webhooksPerIp: number;
  /** Counters shared by every server through Redis; in this process's memory without it. */
  redisUrl?: string | undefined;
}

type Check = (request: FastifyRequest) => Promise<{ isAllowed: boolean; isExceeded?: boolean; max?: number; ttlInSeconds?: number }>;
interface Limit { name: string; max: number; key: (request: FastifyRequest) => string | undefined }

/** Whose credential made the request: the API key, the signed-in person, or nobody (public routes, the platform key). */
function credential(request: FastifyRequest): string | undefined {
  const p = request.principal;
  if (p?.kind === 'tenant') return `key:${p.keyId}`;
  if (p?.kind === 'staff' || p?.kind === 'user') return `user:${p.userId}`;
  return undefined;
}

const tenantKeyOf = (request: FastifyRequest) => {
  const tenantId = tenantOf(request.principal);
  return tenantId ? `tenant:${tenantId}` : undefined;
};

/** Public routes by address: provider webhooks (bursts), sign-in and password reset, the chat API, calendar feeds and the booking page. */
function publicClass(request: FastifyRequest): 'webhooks' | 'sign-in' | 'public' | undefined {
  if (request.principal) return undefined;
  const url = request.url;
  if (url.startsWith('/v1/webhooks/')) return 'webhooks';
  if (url.startsWith('/v1/auth/')) return 'sign-in';
  if (url.startsWith('/v1/chat/') || url.startsWith('/v1/ical/') || url.startsWith('/v1/book/')) return 'public';
  return undefined;
}

const byAddress = (kind: ReturnType<typeof publicClass>) => (request: FastifyRequest) =>
  (publicClass(request) === kind ? `ip:${kind}:${request.ip}` : undefined);

/**
 * Rate limits per API key or staff member, per tenant (all its credentials together) and per
 * address on public routes, checked after authentication and before the body is read. A refusal
 * is a 429 RATE_LIMITED with Retry-After. The plugin also serves the routes' own limits
 * (`config.rateLimit`, e.g. the web chat's per-conversation limit) on the same store.
 */
export async function registerRateLimits(app: FastifyInstance, settings: RateLimitSettings): Promise<void> {
  const redis = settings.redisUrl ? connectRedis(app, settings.redisUrl) : undefined;
  await app.register(rateLimit, {
    global: false,
    // A Redis outage must not take the API down with it: requests pass uncounted meanwhile.
    ...(redis ? { redis, nameSpace: 'frontdesk:rate:', skipOnError: true } : {}),
    errorResponseBuilder: (_request, context) => new AppError('RATE_LIMITED', `Too many requests; retry in ${context.after}`),
  });
  const limits: Limit[] = [
    { name: 'this credential', max: settings.perKey, key: credential },
    { name: 'this tenant', max: settings.perTenant, key: tenantKeyOf },
    { name: 'this address', max: settings.perIp, key: byAddress('public') },
    { name: 'sign-in from this address', max: settings.signInPerIp, key: byAddress('sign-in') },
    { name: 'webhooks from this address', max: settings.webhooksPerIp, key: byAddress('webhooks') },
  ].filter((l) => l.max > 0);
  const checks = limits.map((limit) => ({
    limit,
    check: app.createRateLimit({ max: limit.max, timeWindow: 60_000, keyGenerator: (request) => limit.key(request) ?? '' }) as Check,
  }));
  app.addHook('preParsing', async (request, reply, payload) => {
    const applicable = checks.filter(({ limit }) => limit.key(request) !== undefined);
    if (applicable.length === 0) return payload;
    const results = await Promise.all(applicable.map(async ({ limit, check }) => ({ limit, result: await check(request) })));
    const exceeded = results.filter((r) => r.result.isExceeded);
    if (exceeded.length > 0) refuse(reply, exceeded);
    return payload;
  });
}

function refuse(reply: FastifyReply, exceeded: { limit: Limit; result: Awaited<ReturnType<Check>> }[]): never {
  const wait = Math.max(1, ...exceeded.map((e) => e.result.ttlInSeconds ?? 1));
  const worst = exceeded.find((e) => (e.result.ttlInSeconds ?? 1) === wait) ?? exceeded[0]!;
  reply.header('retry-after', String(wait));
  throw new AppError('RATE_LIMITED', `Too many requests for ${worst.limit.name} (${worst.limit.max} a minute); retry in ${wait} s`,
    { limit: worst.limit.max, retryAfterSeconds: wait });
}

function connectRedis(app: FastifyInstance, url: string): Redis {
  // Short deadlines: a slow Redis costs each request at most this long, then the request passes.
  const redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 500, connectTimeout: 2000, enableAutoPipelining: true });
  redis.on('error', (err: Error) => app.log.warn({ err: { message: err.message } }, 'rate-limit store (Redis) unavailable; requests pass uncounted'));
  app.addHook('onClose', async () => {
    await redis.quit().catch(() => redis.disconnect());
  });
  return redis;
}
