import type { WebhookDelivery, WebhookEndpoint, WebhookEndpointCreate, WebhookEndpointPatch } from '@frontdesk/contracts';
import type { Database } from '../../platform/db/database';
import type { SecretBox } from '../../platform/crypto/secrets';
import type { EventBus } from '../../platform/events/bus';
import { AppError, notFound, validationError } from '../../shared/errors';
import { checkDestination, type Resolve } from '../../platform/net/destination';
import { TEST_EVENT, type WebhookDelivery as DeliveryJobs } from './jobs';
import { newSigningSecret } from './signing';
import { webhooksRepository as repo, type AttemptRow, type DeliveryRow, type EndpointRow } from './repository';

export interface WebhooksServiceDeps {
  db: Database;
  box: SecretBox;
  events: EventBus;
  delivery: DeliveryJobs;
  clock: { now(): number };
  resolve: Resolve;
  allowPrivate: boolean;
}

const present = (row: EndpointRow): WebhookEndpoint => ({
  id: row.id, url: row.url, events: row.events, description: row.description, enabled: row.enabled,
  disabledReason: row.disabledReason, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
});

const presentDelivery = (row: DeliveryRow, attempts: AttemptRow[]): WebhookDelivery => ({
  id: row.id, endpointId: row.endpointId, eventId: row.eventId, eventType: row.eventType, status: row.status,
  nextAttemptAt: row.status === 'pending' && row.nextAttemptAt ? row.nextAttemptAt.toISOString() : null, lastError: row.lastError,
  attempts: attempts.filter((a) => a.deliveryId === row.id).map((a) => ({
    number: a.number, at: a.startedAt.toISOString(), durationMs: a.durationMs, responseStatus: a.responseStatus, responseBody: a.responseBody, error: a.error,
  })),
  createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
});

/** Tenants' webhook endpoints and their deliveries. */
export function webhooksService(deps: WebhooksServiceDeps) {
  const { db, box } = deps;
  const found = async (tenantId: string, id: string) => {
    const row = await repo.endpoint(db, tenantId, id);
    if (!row) throw notFound('Webhook endpoint');
    return row;
  };
  const allowedUrl = async (url: string) => {
    const destination = await checkDestination(url, { allowPrivate: deps.allowPrivate, resolve: deps.resolve });
    if (!destination.ok) throw validationError([{ path: 'url', message: destination.message }]);
    return destination.url.href;
  };
  const withAttempts = async (tenantId: string, rows: DeliveryRow[]) => {
    const attempts = rows.length ? await repo.attempts(db, tenantId, rows.map((r) => r.id)) : [];
    return rows.map((r) => presentDelivery(r, attempts));
  };

  return {
    /** The signing secret is returned here and at rotation only. */
    async create(tenantId: string, input: WebhookEndpointCreate) {
      const url = await allowedUrl(input.url);
      const secret = newSigningSecret();
      const row = await repo.insertEndpoint(db, tenantId, {
        url, events: [...new Set(input.events)], description: input.description ?? null, enabled: input.enabled, secret: box.seal(secret),
      });
      return { ...present(row), secret };
    },
    list: async (tenantId: string) => (await repo.endpoints(db, tenantId)).map(present),
    get: async (tenantId: string, id: string) => present(await found(tenantId, id)),
    async update(tenantId: string, id: string, patch: WebhookEndpointPatch) {
      await found(tenantId, id);
      const url = patch.url === undefined ? undefined : await allowedUrl(patch.url);
      const events = patch.events && [...new Set(patch.events)];
      return present((await repo.updateEndpoint(db, tenantId, id, { ...patch, url, events }))!);
    },
    async remove(tenantId: string, id: string): Promise<void> {
      if (!(await repo.deleteEndpoint(db, tenantId, id))) throw notFound('Webhook endpoint');
    },
    async rotateSecret(tenantId: string, id: string) {
      await found(tenantId, id);
      const secret = newSigningSecret();
      return { ...present((await repo.updateEndpoint(db, tenantId, id, { secret: box.seal(secret) }))!), secret };
    },
    /** A `webhook.test` event through the bus, delivered to this endpoint only. */
    async sendTest(tenantId: string, id: string): Promise<void> {
      const endpoint = await found(tenantId, id);
      if (!endpoint.enabled) throw new AppError('WEBHOOK_ENDPOINT_DISABLED', 'Enable the endpoint before sending it a test event');
      await db.transaction((tx) => deps.events.publish(tx, {
        tenantId, type: TEST_EVENT, at: new Date(deps.clock.now()),
        data: { endpointId: id, message: 'A test event from Frontdesk: your endpoint is reachable.' },
      }));
    },
    async deliveries(tenantId: string, endpointId: string, query: { status?: DeliveryRow['status']; limit: number }) {
      await found(tenantId, endpointId);
      return withAttempts(tenantId, await repo.deliveries(db, tenantId, endpointId, query));
    },
    async delivery(tenantId: string, id: string) {
      const row = await repo.delivery(db, tenantId, id);
      if (!row) throw notFound('Webhook delivery');
      return (await withAttempts(tenantId, [row]))[0]!;
    },
    /** Sends again now; if that fails, a new cycle of retries follows. */
    async retry(tenantId: string, id: string) {
      const existing = await repo.delivery(db, tenantId, id);
      if (!existing) throw notFound('Webhook delivery');
      if (!(await found(tenantId, existing.endpointId)).enabled) {
        throw new AppError('WEBHOOK_ENDPOINT_DISABLED', 'Enable the endpoint before retrying its deliveries');
      }
      const row = await db.transaction(async (tx) => {
        const restarted = (await repo.restartDelivery(tx, tenantId, id, new Date(deps.clock.now())))!;
        await deps.delivery.schedule(tx, { tenantId, deliveryId: id, attempt: restarted.attemptCount + 1 });
        return restarted;
      });
      return (await withAttempts(tenantId, [row]))[0]!;
    },
  };
}
export type WebhooksService = ReturnType<typeof webhooksService>;
