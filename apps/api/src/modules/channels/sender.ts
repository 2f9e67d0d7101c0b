import type { Database } from '../../platform/db/database';
import type { ContactsService } from '../contacts';
import type { JobQueue } from '../../platform/jobs/queue';
import type { ChannelAccounts } from './accounts';
import { adapters } from './adapters';
import type { ChannelAdapter } from './adapters/types';
import { windowClosed } from './domain/content';
import type { ProviderError, SendOutcome } from './domain/types';
import { channelsRepository, type ChannelRow, type OutboxRow } from './repository';
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

/** Tries per message before it fails for good ("gave_up"); the waits double from 2 s. */
export const MAX_SEND_ATTEMPTS = 7;
const WINDOW_CLOSED: ProviderError = {
  code: 'window_closed', title: 'Outside the 24-hour window only an approved template can be sent',
};
type Claimed = { head: OutboxRow; row: ChannelRow; adapter: ChannelAdapter };
type Step = 'next' | 'idle' | { waitMs: number };

/**
 * Everything queued for one handle, in the order it was written. A job drains the line; two
 * jobs for one handle never interleave, since only the worker that claimed the first unsent
 * message goes on. A message to retry stops the line until it is due again.
 */
export function outboxSender(deps: SenderDeps) {
  const { db } = deps;
  return async function sendQueued(job: SendJob): Promise<void> {
    for (;;) {
      const step = await sendHead(job);
      if (step === 'next') continue;
      if (step !== 'idle') await deps.jobs.send(SEND_JOB, job, { startAfterSeconds: Math.max(1, Math.ceil(step.waitMs / 1000)), singletonKey: sendKey(job) });
      return;
    }
  };

  /**
   * The first unsent message, at most once: claimed ('sending') and committed before it goes
   * out, recorded after. If the process dies in between, the provider's receipt (which names
   * our outbox id where the provider allows) settles it; otherwise it is sent again once it has
   * been in doubt for a while (`requeueInDoubt`).
   */
  async function sendHead(job: SendJob): Promise<Step> {
    const claimed = await db.transaction(async (tx): Promise<Claimed | Step> => {
      const repo = channelsRepository(tx);
      const head = await repo.lockHead(job.tenantId, job.channelId, job.line);
      if (!head || head.status === 'sending') return 'idle';
      if (head.waitMs > 0) return { waitMs: head.waitMs };
      const row = await repo.get(job.tenantId, job.channelId);
      const adapter = row && adapters[row.type];
      const fail = async (status: 'failed' | 'held', error: ProviderError): Promise<Step> => {
        await repo.recordSend(job.tenantId, head.id, { status, error });
        return 'next';
      };
      if (!row || !adapter || row.status === 'disabled') return fail('failed', { code: 'channel_unavailable', title: 'The channel is disabled or gone' });
      const identity = await repo.identity(job.tenantId, row.id, head.handle);
      if (identity && identity.status !== 'ok') return fail('failed', { code: identity.status, title: `The contact is ${identity.status} on this channel` });
      if (!head.payload.template && windowClosed(row.type, identity?.lastInboundAt ?? null, deps.clock.now())) return fail('held', WINDOW_CLOSED);
      await repo.markSending(job.tenantId, head.id);
      return { head, row, adapter };
    });
    if (typeof claimed === 'string' || 'waitMs' in claimed) return claimed;
    const { head, row, adapter } = claimed;
    await deps.pace(row.id, adapter.ratePerSecond);
    const outcome = await adapter.send(deps.accounts.account(row), head.handle, { ...head.payload, ref: head.id }, deps.http)
      .catch((err: unknown): SendOutcome => ({ ok: false, action: 'retry', error: { code: 'network', title: String((err as Error)?.message ?? err) } }));
    return db.transaction((tx) => record(tx, head, row, outcome));
  }

  async function record(tx: Parameters<Parameters<Database['transaction']>[0]>[0], head: OutboxRow, row: ChannelRow, outcome: SendOutcome): Promise<Step> {
    const repo = channelsRepository(tx);
    if (outcome.ok) {
      await repo.recordSend(head.tenantId, head.id, { status: 'sent', providerMessageId: outcome.providerMessageId });
      return 'next';
    }
    switch (outcome.action) {
      case 'retry': {
        if (head.attempts + 1 >= MAX_SEND_ATTEMPTS) {
          await repo.recordSend(head.tenantId, head.id, { status: 'failed', error: { ...outcome.error, code: 'gave_up', title: `Still failing after every retry: ${outcome.error.title}` } });
          return 'next';
        }
        // The provider may say when; otherwise the wait doubles with each attempt.
        const waitMs = outcome.retryAfterMs ?? Math.min(2 ** (head.attempts + 1), 300) * 1000;
        await repo.recordAttempt(head.tenantId, head.id, outcome.error, waitMs);
        return { waitMs };
      }
      case 'template':
        await repo.recordSend(head.tenantId, head.id, { status: 'held', error: outcome.error });
        return 'next';
      case 'undeliverable':
      case 'blocked':
        await repo.markHandle(head.tenantId, row.id, head.handle, outcome.action, outcome.error.title);
        // "Blocked" is the provider telling us the person opted out (Twilio 21610 after STOP): the contact's ledger keeps it.
        if (outcome.action === 'blocked') {
          await deps.contacts.recordProviderOptOut(tx, head.tenantId, row.id, head.handle, `${row.type} ${outcome.error.code}`, new Date(deps.clock.now()));
        }
        await repo.recordSend(head.tenantId, head.id, { status: 'failed', error: outcome.error });
        return 'next';
      case 'fail':
        await repo.recordSend(head.tenantId, head.id, { status: 'failed', error: outcome.error });
        return 'next';
    }
  }
}
