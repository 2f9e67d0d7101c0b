import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Database, Queryable } from '../../platform/db/database';
import type { JobQueue } from '../../platform/jobs/queue';
import type { ContactsService } from '../contacts';
import type { ConversationService } from '../conversations/service';
import type { ConversationRow, MessageRecord } from '../conversations/repository';
import { adapters } from './adapters';
import type { ChannelAdapter } from './adapters/types';
import { contentAsText, windowClosed } from './domain/content';
import { AppError } from '../../shared/errors';
import type { StaffSend } from '../conversations/service';
import type { MessageTemplates } from './templates';
import type { InboundEvent } from './domain/types';
import { channelsRepository, type ChannelRow } from './repository';
import { sendLine } from './at-rest';
import { SEND_JOB, sendKey, TURN_JOB } from './jobs';

const RECEIPT_GRACE_MS = 2 * 60_000;

export interface WorkerDeps {
  db: Database;
  jobs: JobQueue;
  contacts: Pick<ContactsService, 'findOrCreate'>;
  conversations: Pick<ConversationService, 'fromChannel' | 'processPending'>;
  burstWindowMs: number;
  templates: Pick<MessageTemplates, 'approved'>;
  clock: { now(): number };
}

/** Stored inbound events → the customer's conversation (read after the burst window) or a delivery receipt. */
export function inboundWorker(deps: WorkerDeps) {
  const { db, jobs } = deps;

  async function onMessage(tx: Queryable, row: ChannelRow, adapter: ChannelAdapter, event: Extract<InboundEvent, { kind: 'message' }>) {
    const said = contentAsText(event.content);
    if (!said) return;
    const repo = channelsRepository(tx);
    const known = await repo.identity(row.tenantId, row.id, event.from);
    const phone = adapter.handleIsPhone ? e164(event.from) : undefined;
    const email = adapter.handleIsEmail ? event.from : undefined;
    const contactId = known?.contactId ?? (await deps.contacts.findOrCreate(tx, row.tenantId,
      { ...(phone ? { phone } : {}), ...(email ? { email } : {}), ...(event.name ? { name: event.name } : {}) })).id;
    const { conversationId, isNew } = await deps.conversations.fromChannel(tx, {
      tenantId: row.tenantId, channelType: row.type, channelId: row.id, contactId, conversationId: known?.conversationId ?? null,
      text: said.text, ...(said.optionId ? { optionId: said.optionId } : {}), providerMessageId: event.providerMessageId, sentAt: new Date(event.at),
    });
    await repo.saveIdentity(row.tenantId, row.id, event.from, contactId, conversationId, new Date(event.at));
    if (isNew) {
      await jobs.send(TURN_JOB, { tenantId: row.tenantId, conversationId },
        { startAfterSeconds: deps.burstWindowMs / 1000, singletonKey: conversationId }, tx);
    }
  }

  return {
    /**
     * One stored event, exactly once: claimed with its row locked, applied, marked processed in
     * the same transaction. Throws to have the dispatcher try again later.
     */
    async processEvent(id: number): Promise<void> {
      await db.transaction(async (tx) => {
        const repo = channelsRepository(tx);
        const [claimed] = await repo.claimEvents([id]);
        if (!claimed) return; // done already, or another worker has it
        const row = await repo.get(claimed.tenantId, claimed.channelId);
        const adapter = row && adapters[row.type];
        const event = claimed.event;
        if (row && adapter && event.kind === 'message') await onMessage(tx, row, adapter, event);
        if (row && adapter && event.kind === 'status') {
          // A receipt can overtake the record of our own send (the provider answers, then reports
          // at once): try it again shortly rather than lose it. Old unknown ids are not ours.
          if (!(await repo.knowsSend(row.id, event.providerMessageId, event.ref)) && claimed.ageMs < RECEIPT_GRACE_MS) {
            throw new Error(`receipt for ${event.providerMessageId} arrived before its send was recorded`);
          }
          await repo.recordStatus(row.id, event.providerMessageId, event.status, event.error, event.ref);
        }
        await repo.markProcessed(claimed.id);
      });
    },
    async runTurn({ tenantId, conversationId }: { tenantId: string; conversationId: string }): Promise<void> {
      await deps.conversations.processPending(tenantId, conversationId);
    },
    /**
     * What the assistant or a person says in a channel conversation goes to the outbox with it.
     * A person writing free text after the 24-hour window is told so, and nothing is stored.
     */
    async deliver(tx: Queryable, conversation: ConversationRow, replies: MessageRecord[], sender?: StaffSend): Promise<void> {
      const repo = channelsRepository(tx);
      const target = await repo.handleOf(conversation.tenantId, conversation.id);
      const channel = conversation.channelId && (await repo.get(conversation.tenantId, conversation.channelId));
      if (!target || !channel) return;
      if (sender?.staff && !sender.template && windowClosed(channel.type, target.lastInboundAt, deps.clock.now())) {
        const approved = await deps.templates.approved(tx, conversation.tenantId);
        throw new AppError('CHANNEL_WINDOW_CLOSED', 'The customer last wrote more than 24 hours ago: send an approved template instead',
          { templates: approved.map((t) => ({ name: t.name, language: t.language })) });
      }
      const thread = adapters[channel.type]?.threadsReplies ? await repo.lastThread(conversation.tenantId, conversation.id, channel.id) : undefined;
      for (const reply of replies) {
        await repo.enqueueSend(conversation.tenantId, channel.id, target.handle, {
          text: reply.text, ...(reply.options ? { options: reply.options } : {}), lang: conversation.state.lang,
          ...(sender?.template ? { template: sender.template } : {}), ...(thread ? { thread } : {}),
        }, reply.id);
      }
      const job = { tenantId: conversation.tenantId, channelId: channel.id, line: sendLine(target.handle) };
      await jobs.send(SEND_JOB, job, { singletonKey: sendKey(job) }, tx);
    },
  };
}

/** A provider's bare international number ("5511987654321") as E.164, if it is one. */
function e164(handle: string): string | undefined {
  const parsed = parsePhoneNumberFromString(handle.startsWith('+') ? handle : `+${handle.replace(/^whatsapp:/, '').replace(/^\+/, '')}`);
  return parsed?.isValid() ? parsed.number : undefined;
}
