import { setTimeout as sleep } from 'node:timers/promises';
import { notFound } from '../../shared/errors';
import { sqlState, type Database, type Queryable } from '../../platform/db/database';
import type { ConversationState, Reply } from './domain/policy/types';
import { conversationsRepository, type ConversationRow, type MessageRecord } from './repository';

export interface TurnOutcome { state: ConversationState; replies: Reply[]; understanding: unknown; toolCalls: unknown[] }
export type RunTurn = (tx: Queryable, tenantId: string, conversation: ConversationRow, text: string) => Promise<TurnOutcome>;
export interface InboxOptions {
  /** Messages that arrive within this many ms of each other are read as one. */
  burstWindowMs: number;
  clock: { now(): number };
  /** Sends replies on the conversation's channel, in the turn's transaction (the channels' outbox). */
  deliver?: (tx: Queryable, conversation: ConversationRow, replies: MessageRecord[]) => Promise<void>;
}
type Pending = { seq: number; text: string; optionId: string | null };
export interface ReplyOut { text: string; options?: Reply['options']; seq?: number }

/**
 * The way in for customer messages. Each message is stored first (pending), so nothing is lost;
 * then, after the burst window, one turn reads every pending message of the conversation
 * together. The request that carried the last message of a burst gets the replies.
 */
export function conversationInbox(db: Database, runTurn: RunTurn, options: InboxOptions) {
  async function record(q: Queryable, tenantId: string, conversationId: string, text: string, clientMessageId?: string): Promise<number> {
    const repo = conversationsRepository(q);
    try {
      const stored = await repo.insertPending(tenantId, conversationId, text, clientMessageId);
      if (stored) return stored.seq;
    } catch (err) {
      if (sqlState(err) === '23503') throw notFound('Conversation');
      throw err;
    }
    return (await repo.messageByClientId(tenantId, conversationId, clientMessageId!))!.seq;
  }

  /** Reads the conversation's pending messages as one turn, unless a later message will. */
  async function processPending(tenantId: string, conversationId: string, ownSeq?: number): Promise<ReplyOut[]> {
    return db.transaction(async (tx) => {
      const conversation = await conversationsRepository(tx).lock(tenantId, conversationId);
      if (!conversation) throw notFound('Conversation');
      return processLocked(tx, conversation, ownSeq);
    });
  }

  async function processLocked(tx: Queryable, conversation: ConversationRow, ownSeq?: number, unread?: Pending[]): Promise<ReplyOut[]> {
    const { tenantId, id: conversationId } = conversation;
    const repo = conversationsRepository(tx);
    const pending = unread ?? await repo.pendingMessages(tenantId, conversationId);
    const last = pending[pending.length - 1];
    if (ownSeq !== undefined && !pending.some((m) => m.seq === ownSeq)) return repliesAfter(tx, tenantId, conversationId, ownSeq);
    if (!last || (ownSeq !== undefined && last.seq !== ownSeq)) return [];
    if (humanHolds(conversation, options.clock.now())) {
      await repo.markRead(tenantId, conversationId, last.seq, {});
      return [];
    }
    if (conversation.handledBy === 'human') await repo.setHandler(tenantId, conversationId, 'assistant', null);
    // A tapped button is read as its option id, which the turn recognises as that choice.
    const text = pending.map((m) => m.optionId ?? m.text).join('\n');
    const { state, replies, understanding, toolCalls } = await runTurn(tx, tenantId, conversation, text);
    const stored = await repo.finishTurn(tenantId, conversationId, {
      state, lastSeq: last.seq, understanding, toolCalls,
      replies: replies.map((r) => ({ direction: 'out' as const, author: 'assistant' as const, text: r.text, options: r.options, sources: r.sources })),
    });
    if (options.deliver && conversation.channelId) await options.deliver(tx, conversation, stored);
    return stored.map(present);
  }

  return {
    /** A customer message; a repeated clientMessageId gets the first answer and changes nothing. */
    async receive(tenantId: string, conversationId: string, text: string, clientMessageId?: string): Promise<{ replies: ReplyOut[] }> {
      if (options.burstWindowMs > 0) {
        const seq = await record(db, tenantId, conversationId, text, clientMessageId);
        await sleep(options.burstWindowMs);
        return { replies: await processPending(tenantId, conversationId, seq) };
      }
      // No window to wait out: the message and its turn commit together (one commit, not two);
      // if the turn fails, nothing is stored and the client's retry of the same id starts afresh.
      return {
        replies: await db.transaction(async (tx) => {
          const repo = conversationsRepository(tx);
          const conversation = await repo.lock(tenantId, conversationId);
          if (!conversation) throw notFound('Conversation');
          const { seq, pending } = await repo.storeAndReadPending(tenantId, conversationId, text, clientMessageId);
          return processLocked(tx, conversation, seq, pending);
        }),
      };
    },
    /** One turn for a channel conversation's unread messages (the burst window was the job's delay). */
    processPending: (tenantId: string, conversationId: string) => processPending(tenantId, conversationId),
    /** Turns for messages whose request died before reading them (a crash, a restart). */
    async sweep(olderThanMs: number): Promise<number> {
      const stranded = await conversationsRepository(db).strandedConversations(olderThanMs);
      for (const c of stranded) await processPending(c.tenantId, c.conversationId);
      return stranded.length;
    },
  };
}
export type ConversationInbox = ReturnType<typeof conversationInbox>;

const present = (m: MessageRecord): ReplyOut => ({ text: m.text, ...(m.options ? { options: m.options } : {}), seq: m.seq });

function humanHolds(c: ConversationRow, now: number): boolean {
  return c.handledBy === 'human' && (!c.humanUntil || c.humanUntil.getTime() > now);
}

/** The assistant's replies that answered this message (those before the next customer message). */
async function repliesAfter(tx: Queryable, tenantId: string, conversationId: string, seq: number): Promise<ReplyOut[]> {
  const after = await conversationsRepository(tx).messages(tenantId, conversationId, seq);
  const untilNextInbound = after.findIndex((m) => m.direction === 'in');
  return (untilNextInbound < 0 ? after : after.slice(0, untilNextInbound)).filter((m) => m.author === 'assistant').map(present);
}
