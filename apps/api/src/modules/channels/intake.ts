import type { Database } from '../../platform/db/database';
import type { JobQueue } from '../../platform/jobs/queue';
import { AppError, notFound } from '../../shared/errors';
import type { ChannelAccounts } from './accounts';
import { adapters } from './adapters';
import { eventId, WebhookParseError } from './adapters/types';
import type { WebhookRequest } from './domain/types';
import { channelsRepository } from './repository';

export const INBOUND_JOB = 'channel.inbound';

/**
 * A provider's webhook: verified as the provider specifies, its events stored (a redelivery
 * stores nothing new) and queued for processing in one transaction, then acknowledged. A
 * refused request is recorded and changes nothing else.
 */
export function webhookIntake(db: Database, accounts: ChannelAccounts, jobs: JobQueue, clock: { now(): number }) {
  const repo = channelsRepository(db);
  async function refuse(channelId: string | null, reason: string, remote: string | undefined, error: AppError): Promise<never> {
    await repo.rejectWebhook(channelId, reason, remote);
    throw error;
  }
  async function channelFor(channelId: string, remote: string | undefined) {
    const row = await repo.byId(channelId);
    const adapter = row && adapters[row.type];
    if (!row || !adapter) return refuse(null, `unknown channel ${channelId}`, remote, notFound('Channel'));
    if (row.status === 'disabled') return refuse(row.id, 'channel disabled', remote, new AppError('CHANNEL_DISABLED'));
    return { row, adapter, account: accounts.account(row) };
  }

  return {
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
      const stored = await db.transaction(async (tx) => {
        const ids = await channelsRepository(tx).storeEvents(row.tenantId, row.id, events.map((event) => ({ eventId: eventId(event), event })));
        if (ids.length) await jobs.send(INBOUND_JOB, { eventIds: ids }, {}, tx);
        return ids.length;
      });
      return { stored, received: events.length, acknowledge: adapter.acknowledge };
    },
  };
}
export type WebhookIntake = ReturnType<typeof webhookIntake>;
