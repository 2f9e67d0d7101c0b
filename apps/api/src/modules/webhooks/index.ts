import type { Database } from '../../platform/db/database';
import type { SecretBox } from '../../platform/crypto/secrets';
import type { EventBus } from '../../platform/events/bus';
import type { JobQueue } from '../../platform/jobs/queue';
import type { ZodApp } from '../../platform/http/server';
import { systemResolve, type Resolve } from '../../platform/net/destination';
import { DELIVER_JOB, webhookDelivery, type DeliverJob } from './jobs';
import { webhookRoutes } from './routes';
import { webhooksService } from './service';

export interface WebhookSettings {
  /** Let endpoints point at private and loopback addresses (FRONTDESK_WEBHOOKS_ALLOW_PRIVATE). */
  allowPrivate: boolean;
  /** One attempt's deadline: connect, send, answer. */
  timeoutMs: number;
  /** The first retry's delay; each later one is four times the previous. */
  retryBaseMs: number;
}

export interface WebhookDeps {
  db: Database;
  box: SecretBox;
  jobs: JobQueue;
  events: EventBus;
  clock: { now(): number };
  settings: WebhookSettings;
  /** How host names are resolved (the system resolver unless a test supplies one). */
  resolve?: Resolve;
}

/** Outgoing webhooks: tenants' endpoints, fed by every event of the bus, signed and retried. */
export function createWebhooks(deps: WebhookDeps) {
  const resolve = deps.resolve ?? systemResolve;
  const delivery = webhookDelivery({ ...deps, resolve });
  const service = webhooksService({ ...deps, delivery, resolve, allowPrivate: deps.settings.allowPrivate });
  deps.events.subscribe('webhooks', '*', (event) => delivery.fanOut(event));
  // Our own backoff schedules each attempt; pg-boss retries only a job whose process died mid-attempt.
  deps.jobs.define(DELIVER_JOB, { retryLimit: 3, retryDelaySeconds: 5 });
  return {
    service,
    routes: (app: ZodApp) => webhookRoutes(app, service),
    async startWorkers(): Promise<void> {
      await deps.jobs.work<DeliverJob>(DELIVER_JOB, { batchSize: 4 }, (job) => delivery.deliver(job));
    },
  };
}
export type Webhooks = ReturnType<typeof createWebhooks>;
export type { Resolve };
