import type { FastifyInstance } from 'fastify';
import { AppError } from '../../shared/errors';

export interface QueueDepths {
  inbound: number;
  outbox: number;
}

export interface BackpressureOptions {
  /** Pending rows per queue, counted up to `cap` (a deeper queue answers `cap`, so counting costs little). */
  depths: (cap: QueueDepths) => Promise<QueueDepths>;
  /** Refuse new work from this many waiting rows; 0 never refuses. */
  thresholds: QueueDepths;
  /** The routes ("METHOD /path" as registered) that take new work in. */
  routes: readonly string[];
  clock?: { now(): number };
  /** How long one count is trusted, so a busy route costs one query a second. */
  cacheMs?: number;
  retryAfterSeconds?: number;
}

/**
 * Backpressure: while the inbound event queue or the send outbox is deeper than its threshold,
 * the routes that would add to them answer 503 OVERLOADED with Retry-After (providers retry
 * webhooks later; the chat page shows its offline notice) instead of growing the backlog.
 */
export function registerBackpressure(app: FastifyInstance, options: BackpressureOptions): void {
  const { thresholds } = options;
  if (thresholds.inbound <= 0 && thresholds.outbox <= 0) return;
  const clock = options.clock ?? { now: () => Date.now() };
  const cacheMs = options.cacheMs ?? 1000;
  const retryAfter = options.retryAfterSeconds ?? 5;
  const routes = new Set(options.routes);
  const cap = { inbound: thresholds.inbound > 0 ? thresholds.inbound : 0, outbox: thresholds.outbox > 0 ? thresholds.outbox : 0 };
  let cached: { at: number; depths: Promise<QueueDepths> } | undefined;

  const current = (): Promise<QueueDepths> => {
    const now = clock.now();
    if (!cached || now - cached.at >= cacheMs || now < cached.at) { // (a clock set back counts again)
      const depths = options.depths(cap).catch((err: unknown) => {
        app.log.warn({ err }, 'queue depth unknown; taking requests');
        return { inbound: 0, outbox: 0 };
      });
      cached = { at: now, depths };
    }
    return cached.depths;
  };

  app.addHook('preParsing', async (request, reply, payload) => {
    if (!routes.has(`${request.method} ${request.routeOptions.url}`)) return payload;
    const depths = await current();
    const full = (['inbound', 'outbox'] as const).find((q) => thresholds[q] > 0 && depths[q] >= thresholds[q]);
    if (full) {
      reply.header('retry-after', String(retryAfter));
      const what = full === 'inbound' ? 'inbound messages waiting to be processed' : 'messages waiting to be sent';
      throw new AppError('OVERLOADED', `Too many ${what} (${depths[full]}); retry in ${retryAfter} s`, { retryAfterSeconds: retryAfter });
    }
    return payload;
  });
}
