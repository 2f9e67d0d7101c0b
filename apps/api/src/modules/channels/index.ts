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
import { inboundWorker, SEND_JOB, TURN_JOB } from './worker';
import { channelsRepository } from './repository';
import { messageTemplates } from './templates';
import { templateRoutes } from './template-routes';

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
  clock: { now(): number };
  http?: typeof fetch;
}

/** Channels: accounts, webhooks in, the customer's conversation, outbox sends out. */
export function createChannels(deps: ChannelDeps) {
  let forget = (_id: string) => undefined as unknown;
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
  deps.jobs.define(TURN_JOB, { policy: 'stately', retryLimit: 5 });
  deps.jobs.define(SEND_JOB, { retryLimit: 6, retryDelaySeconds: 2 });
  deps.jobs.define(`${SEND_JOB}.dead`, { retryLimit: 2 });
  return {
    accounts,
    routes: (app: ZodApp) => {
      channelRoutes(app, accounts, intake, deps.publicBase);
      templateRoutes(app, templates, deps.conversations, deps.db);
    },
    /** Starts the workers; call after migrations. */
    async startWorkers(): Promise<void> {
      await dispatcher.start();
      await deps.jobs.work<{ tenantId: string; conversationId: string }>(TURN_JOB, { batchSize: 4 }, (data) => inbound.runTurn(data));
      await deps.jobs.work<{ tenantId: string; outboxId: string }>(SEND_JOB, { batchSize: 8 }, (data) => send(data));
      // Retries ran out: the send is failed for good, with why (staff see it on the message).
      await deps.jobs.work<{ tenantId: string; outboxId: string }>(`${SEND_JOB}.dead`, {}, async ({ tenantId, outboxId }) =>
        channelsRepository(deps.db).recordSend(tenantId, outboxId, { status: 'failed', error: { code: 'gave_up', title: 'Still failing after every retry' } }));
    },
    async stop(): Promise<void> {
      await dispatcher.stop();
    },
  };
}
export type Channels = ReturnType<typeof createChannels>;
