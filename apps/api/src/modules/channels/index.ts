import type { Database } from '../../platform/db/database';
import type { SecretBox } from '../../platform/crypto/secrets';
import type { JobQueue } from '../../platform/jobs/queue';
import type { ZodApp } from '../../platform/http/server';
import type { ContactsService } from '../contacts';
import type { ConversationService } from '../conversations/service';
import { channelAccounts } from './accounts';
import { sendPacer } from './domain/rate-limiter';
import { webhookIntake } from './intake';
import { inboundDispatcher } from './dispatcher';
import { channelRoutes } from './routes';
import { outboxSender } from './sender';
import { SEND_JOB, sendKey, TURN_JOB, type SendJob } from './jobs';
import { inboundWorker } from './worker';
import { channelsRepository } from './repository';
import { messageTemplates } from './templates';
import { templateRoutes } from './template-routes';
import { channelNotices } from './notices';
import { queueDepths } from './queue-depth';

export interface ChannelDeps {
  db: Database;
  box: SecretBox;
  jobs: JobQueue;
  contacts: ContactsService;
  conversations: ConversationService;
  publicBase: string;
  databaseUrl: string;
  onError: (err: unknown) => void;
  burstWindowMs: number;
  /** How long a send interrupted by a crash waits for the provider's receipt before it is sent again. */
  sendInDoubtMs: number;
  clock: { now(): number };
  http?: typeof fetch;
}

/** Channels: accounts, webhooks in, the customer's conversation, outbox sends out. */
export function createChannels(deps: ChannelDeps) {
  let forget = (_id: string) => undefined as unknown;
  let doubtSweep: NodeJS.Timeout | undefined;
  const accounts = channelAccounts(deps.db, deps.box, deps.publicBase, (id) => forget(id));
  const intake = webhookIntake(deps.db, accounts, deps.clock);
  forget = intake.forget;
  const templates = messageTemplates(deps.db);
  const inbound = inboundWorker({ ...deps, templates });
  const send = outboxSender({
    ...deps, accounts, http: deps.http ?? fetch,
    pace: sendPacer(() => Date.now(), (ms) => new Promise((r) => setTimeout(r, ms))),
  });
  deps.conversations.useDelivery(inbound.deliver);
  const dispatcher = inboundDispatcher(deps.db, deps.databaseUrl, (id) => inbound.processEvent(id), deps.onError);
  deps.jobs.define(TURN_JOB, { policy: 'short', retryLimit: 5 });
  deps.jobs.define(SEND_JOB, { policy: 'short', retryLimit: 6, retryDelaySeconds: 2 });
  deps.jobs.define(`${SEND_JOB}.dead`, { retryLimit: 2 });
  const notices = channelNotices({ conversations: deps.conversations, clock: deps.clock });
  return {
    accounts,
    /** Messages the business sends on its own (reminders, rating questions), on the contact's channel. */
    notices: {
      send: notices.send,
      templatesOfKind: templates.ofKind,
      deliveries: (tenantId: string, messageIds: string[]) => channelsRepository(deps.db).deliveriesOf(tenantId, messageIds),
    },
    /** How many inbound events and sends wait, each counted up to its cap (backpressure). */
    queueDepths: (cap: { inbound: number; outbox: number }) => queueDepths(deps.db, cap),
    routes: (app: ZodApp) => {
      channelRoutes(app, accounts, intake, deps.publicBase);
      templateRoutes(app, templates, deps.conversations, deps.db, deps.clock);
    },
    /** Starts the workers; call after migrations. */
    async startWorkers(): Promise<void> {
      await dispatcher.start();
      const upSince = performance.now();
      const settleInDoubt = async () => {
        const repo = channelsRepository(deps.db);
        // In doubt → queued again; and any line whose job died with its process gets a new one. Right after a
        // restart, receipts the provider held while we were down are still on their way: a send waits for
        // them a whole window from when this process came up, not only from when it was claimed.
        const doubts = performance.now() - upSince >= deps.sendInDoubtMs ? await repo.requeueInDoubt(deps.sendInDoubtMs) : [];
        const lines = [...doubts, ...await repo.stalledLines(deps.sendInDoubtMs)];
        for (const job of lines) await deps.jobs.send(SEND_JOB, job, { singletonKey: sendKey(job) });
      };
      doubtSweep = setInterval(() => void settleInDoubt().catch(deps.onError), Math.max(1000, deps.sendInDoubtMs / 4));
      doubtSweep.unref();
      await deps.jobs.work<{ tenantId: string; conversationId: string }>(TURN_JOB, { batchSize: 4 }, (data) => inbound.runTurn(data));
      await deps.jobs.work<SendJob>(SEND_JOB, { batchSize: 8 }, (job) => send(job));
      // Retries ran out: the send at the head of the line fails for good, with why (staff see it on
      // the message), and the rest for that handle go on.
      await deps.jobs.work<SendJob>(`${SEND_JOB}.dead`, {}, async (job) => {
        const repo = channelsRepository(deps.db);
        const [head] = await repo.queuedFor(job.tenantId, job.channelId, job.line);
        if (head) await repo.recordSend(job.tenantId, head, { status: 'failed', error: { code: 'gave_up', title: 'Still failing after every retry' } });
        await deps.jobs.send(SEND_JOB, job, { singletonKey: sendKey(job) });
      });
    },
    async stop(): Promise<void> {
      if (doubtSweep) clearInterval(doubtSweep);
      await dispatcher.stop();
    },
  };
}
export type Channels = ReturnType<typeof createChannels>;
export type { Notice, NoticeResult } from './notices';
export type { Delivery } from './repository';
