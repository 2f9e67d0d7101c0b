import type { Database } from '../../platform/db/database';
import type { ContactsService } from '../contacts';
import type { JobQueue } from '../../platform/jobs/queue';
import type { ChannelAccounts } from './accounts';
import { adapters } from './adapters';
import { windowClosed } from './domain/content';
import type { ProviderError, SendOutcome } from './domain/types';
import { channelsRepository } from './repository';
import { SEND_JOB, sendKey, type SendJob } from './jobs';

export interface SenderDeps {
  db: Database;
  jobs: JobQueue;
  accounts: ChannelAccounts;
  http: typeof fetch;
  clock: { now(): number };
  contacts: Pick<ContactsService, 'recordProviderOptOut'>;
  pace: (key: string, perSecond: number) => Promise<void>;
}

/** Thrown to have the queue retry the send later, with backoff. */
export class RetryLater extends Error {}

const WINDOW_CLOSED: ProviderError = {
  code: 'window_closed', title: 'Outside the 24-hour window only an approved template can be sent',
};

/**
 * Everything queued for one handle, in the order it was written: one job per handle at a time
 * (a stately queue keyed by channel and handle), so a customer never reads the second reply
 * before the first. A send to retry stops the line until it goes through.
 */
export function outboxSender(deps: SenderDeps) {
  const { db } = deps;
  const sendOne = oneSend(deps);
  return async function sendQueued(job: SendJob): Promise<void> {
    for (const outboxId of await channelsRepository(db).queuedFor(job.tenantId, job.channelId, job.handle)) {
      const retry = await sendOne(job.tenantId, outboxId);
      if (!retry || retry.ok) continue;
      if (retry.retryAfterMs) {
        // The provider said when: come back then rather than on the queue's own backoff.
        await deps.jobs.send(SEND_JOB, job, { startAfterSeconds: Math.ceil(retry.retryAfterMs / 1000), singletonKey: sendKey(job) });
        return;
      }
      throw new RetryLater(`${retry.error.code}: ${retry.error.title}`);
    }
  };
}

/**
 * One outbox row to its provider, at most once: the row is locked while it is sent and its
 * outcome recorded in the same transaction. The provider's answer decides what happens next.
 */
function oneSend(deps: SenderDeps) {
  const { db } = deps;
  return async function send(tenantId: string, outboxId: string): Promise<SendOutcome | undefined> {
    return db.transaction(async (tx) => {
      const repo = channelsRepository(tx);
      const item = await repo.lockSend(tenantId, outboxId);
      if (!item || item.status !== 'queued') return undefined; // sent already, or held/failed for good
      const row = await repo.get(tenantId, item.channelId);
      const adapter = row && adapters[row.type];
      if (!row || !adapter || row.status === 'disabled') {
        await repo.recordSend(tenantId, outboxId, { status: 'failed', error: { code: 'channel_unavailable', title: 'The channel is disabled or gone' } });
        return undefined;
      }
      const identity = await repo.identity(tenantId, row.id, item.handle);
      if (identity && identity.status !== 'ok') {
        await repo.recordSend(tenantId, outboxId, { status: 'failed', error: { code: identity.status, title: `The contact is ${identity.status} on this channel` } });
        return undefined;
      }
      if (!item.payload.template && windowClosed(row.type, identity?.lastInboundAt ?? null, deps.clock.now())) {
        await repo.recordSend(tenantId, outboxId, { status: 'held', error: WINDOW_CLOSED });
        return undefined;
      }
      await deps.pace(row.id, adapter.ratePerSecond);
      const outcome: SendOutcome = await adapter.send(deps.accounts.account(row), item.handle, item.payload, deps.http);
      if (outcome.ok) {
        await repo.recordSend(tenantId, outboxId, { status: 'sent', providerMessageId: outcome.providerMessageId });
        return undefined;
      }
      switch (outcome.action) {
        case 'retry':
          await repo.recordAttempt(tenantId, outboxId, outcome.error);
          return outcome;
        case 'template':
          await repo.recordSend(tenantId, outboxId, { status: 'held', error: outcome.error });
          return undefined;
        case 'undeliverable':
        case 'blocked':
          await repo.markHandle(tenantId, row.id, item.handle, outcome.action, outcome.error.title);
          // "Blocked" is the provider telling us the person opted out (Twilio 21610 after STOP): the contact's ledger keeps it.
          if (outcome.action === 'blocked') {
            await deps.contacts.recordProviderOptOut(tx, tenantId, row.id, item.handle, `${row.type} ${outcome.error.code}`, new Date(deps.clock.now()));
          }
          await repo.recordSend(tenantId, outboxId, { status: 'failed', error: outcome.error });
          return undefined;
        case 'fail':
          await repo.recordSend(tenantId, outboxId, { status: 'failed', error: outcome.error });
          return undefined;
      }
    });
  };
}
