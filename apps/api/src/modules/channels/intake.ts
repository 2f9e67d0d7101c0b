import type { Database } from '../../platform/db/database';
import { AppError, notFound } from '../../shared/errors';
import type { ChannelAccounts } from './accounts';
import type { ChannelAccount } from './adapters/types';
import type { ChannelRow } from './repository';
import { adapters } from './adapters';
import { eventId, WebhookParseError } from './adapters/types';
import type { WebhookRequest } from './domain/types';
import { channelsRepository } from './repository';
import { eventBatcher } from './event-batcher';

const CHANNEL_CACHE_MS = 5_000;

/**
 * A provider's webhook: verified as the provider specifies, its events stored (a redelivery
 * stores nothing new) and queued for processing in one transaction, then acknowledged. A
 * refused request is recorded and changes nothing else.
 */
export function webhookIntake(db: Database, accounts: ChannelAccounts, clock: { now(): number }) {
  const repo = channelsRepository(db);
  const storeTogether = eventBatcher((items) => repo.storeEvents(items));
  async function refuse(channelId: string | null, reason: string, remote: string | undefined, error: AppError): Promise<never> {
    await repo.rejectWebhook(channelId, reason, remote);
    throw error;
  }
  // A channel's row and opened secrets, kept for a few seconds: a provider delivers in bursts.
  const cache = new Map<string, { until: number; value: Promise<{ row: ChannelRow; account: ChannelAccount } | undefined> }>();
  function cached(channelId: string) {
    const now = Date.now();
    const hit = cache.get(channelId);
    if (hit && hit.until > now) return hit.value;
    const value = repo.byId(channelId).then((row) => row && { row, account: accounts.account(row) });
    value.catch(() => cache.delete(channelId));
    cache.set(channelId, { until: now + CHANNEL_CACHE_MS, value });
    return value;
  }
  async function channelFor(channelId: string, remote: string | undefined) {
    const found = await cached(channelId);
    const adapter = found && adapters[found.row.type];
    if (!found || !adapter) return refuse(null, `unknown channel ${channelId}`, remote, notFound('Channel'));
    if (found.row.status === 'disabled') return refuse(found.row.id, 'channel disabled', remote, new AppError('CHANNEL_DISABLED'));
    return { row: found.row, adapter, account: found.account };
  }

  return {
    /** Forget a channel after it changes (disabled, new secrets) so the next webhook sees it at once. */
    forget: (channelId: string) => cache.delete(channelId),
    async handshake(channelId: string, req: WebhookRequest, remote: string | undefined): Promise<string> {
      const { row, adapter, account } = await channelFor(channelId, remote);
      const answer = adapter.handshake?.(req, account);
      return answer ?? refuse(row.id, 'handshake refused', remote, new AppError('WEBHOOK_SIGNATURE_INVALID', 'The verify token does not match'));
    },

    async receive(channelId: string, req: WebhookRequest, remote: string | undefined) {
      const { row, adapter, account } = await channelFor(channelId, remote);
      const verdict = adapter.verify(req, account);
      if (!verdict.ok) return refuse(row.id, verdict.reason, remote, new AppError('WEBHOOK_SIGNATURE_INVALID', verdict.reason));
      let events;
      try {
        events = adapter.parse({ ...req, receivedAt: clock.now() }, account);
      } catch (err) {
        if (!(err instanceof WebhookParseError)) throw err;
        return refuse(row.id, `unparseable: ${err.message}`, remote, new AppError('WEBHOOK_UNPARSEABLE', err.message));
      }
      // One statement: stored (and the workers woken by its notification) before we answer.
      const stored = await storeTogether(events.map((event) => ({ tenantId: row.tenantId, channelId: row.id, eventId: eventId(event), event })));
      return { stored, received: events.length, acknowledge: adapter.acknowledge };
    },
  };
}
export type WebhookIntake = ReturnType<typeof webhookIntake>;
