import type { Database, Queryable } from '../../platform/db/database';
import type { SecretBox } from '../../platform/crypto/secrets';
import type { JobQueue } from '../../platform/jobs/queue';
import type { DomainEvent } from '../../platform/events/bus';
import { afterAttempt, webhookBody, wants } from './domain/delivery';
import { signatureHeader } from './domain/signature';
import { checkDestination, type Resolve } from '../../platform/net/destination';
import { postWebhook, type PostOutcome } from './http-post';
import { hmacSha256 } from './signing';
import { webhooksRepository as repo } from './repository';

export const DELIVER_JOB = 'webhooks.deliver';
export const TEST_EVENT = 'webhook.test';
export interface DeliverJob { tenantId: string; deliveryId: string; attempt: number }

export interface DeliveryDeps {
  db: Database;
  box: SecretBox;
  jobs: JobQueue;
  clock: { now(): number };
  resolve: Resolve;
  settings: { allowPrivate: boolean; timeoutMs: number; retryBaseMs: number };
}

/** The bus consumer and the delivery job: one delivery per (endpoint, event), attempts with backoff. */
export function webhookDelivery(deps: DeliveryDeps) {
  const { db, jobs, clock, settings } = deps;
  const schedule = (tx: Queryable, job: DeliverJob, inMs = 0) =>
    jobs.send(DELIVER_JOB, job, inMs > 0 ? { startAfterSeconds: inMs / 1000 } : {}, tx);

  /** Handles one bus event; a second run of the same event inserts nothing and queues nothing. */
  async function fanOut(event: DomainEvent): Promise<void> {
    const endpoints = await repo.endpoints(db, event.tenantId, true);
    const targets = event.type === TEST_EVENT
      ? endpoints.filter((e) => e.id === event.data.endpointId)
      : endpoints.filter((e) => wants(e.events, event.type));
    if (targets.length === 0) return;
    await db.transaction(async (tx) => {
      const ids = await repo.insertDeliveries(tx, event.tenantId, {
        endpointIds: targets.map((e) => e.id), eventId: event.id, eventType: event.type, body: webhookBody(event), at: new Date(clock.now()),
      });
      for (const deliveryId of ids) await schedule(tx, { tenantId: event.tenantId, deliveryId, attempt: 1 });
    });
  }

  async function attempt(url: string, body: string, headers: Record<string, string>): Promise<PostOutcome> {
    // Checked again now, and the connection goes to the address checked (DNS rebinding).
    const destination = await checkDestination(url, { allowPrivate: settings.allowPrivate, resolve: deps.resolve });
    if (!destination.ok) return { status: null, body: null, error: `refused: ${destination.message}`, durationMs: 0 };
    return postWebhook(destination.url, destination.address, body, headers, settings.timeoutMs);
  }

  /**
   * One attempt, holding the delivery's row lock (a duplicate job skips it) for at most the
   * timeout; the attempt, the verdict and the next job commit together.
   */
  async function deliver(job: DeliverJob): Promise<void> {
    await db.transaction(async (tx) => {
      const d = await repo.lockDelivery(tx, job.tenantId, job.deliveryId);
      if (!d || d.status !== 'pending' || d.attemptCount !== job.attempt - 1) return;
      const startedAt = new Date(clock.now());
      const outcome: PostOutcome = d.enabled
        ? await attempt(d.url, d.body, headersFor(d, Math.floor(startedAt.getTime() / 1000), deps.box.open<string>(d.secret)))
        : { status: null, body: null, error: 'the endpoint is disabled', durationMs: 0 };
      await repo.recordAttempt(tx, job.tenantId, {
        deliveryId: d.id, number: job.attempt, startedAt, durationMs: outcome.durationMs,
        responseStatus: outcome.status, responseBody: outcome.body, error: outcome.error,
      });
      const verdict = !d.enabled
        ? { status: 'dead' as const, reason: 'the endpoint is disabled' }
        : afterAttempt(outcome.status !== null ? { status: outcome.status } : { error: outcome.error ?? 'no answer' }, job.attempt - d.cycleStart, settings.retryBaseMs);
      const next = verdict.status === 'pending' ? new Date(startedAt.getTime() + verdict.retryInMs) : null;
      await repo.settleDelivery(tx, job.tenantId, d.id, {
        status: verdict.status, attemptCount: job.attempt, nextAttemptAt: next, lastError: verdict.status === 'succeeded' ? null : verdict.reason,
      });
      if (verdict.status === 'dead' && verdict.disableEndpoint) await repo.disableEndpoint(tx, job.tenantId, d.endpointId, verdict.reason);
      if (verdict.status === 'pending') await schedule(tx, { ...job, attempt: job.attempt + 1 }, verdict.retryInMs);
    });
  }

  return { fanOut, deliver, schedule };
}
export type WebhookDelivery = ReturnType<typeof webhookDelivery>;

function headersFor(d: { eventId: number; eventType: string; body: string }, timestamp: number, secret: string): Record<string, string> {
  return {
    'user-agent': 'Frontdesk-Webhooks/1',
    'frontdesk-event-id': String(d.eventId),
    'frontdesk-event-type': d.eventType,
    'frontdesk-signature': signatureHeader(timestamp, d.body, hmacSha256(secret)),
  };
}
