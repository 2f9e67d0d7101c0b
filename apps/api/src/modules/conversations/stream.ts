import type { Database } from '../../platform/db/database';
import type { MessageListener } from '../../platform/db/listener';
import type { EventStream } from '../../platform/http/sse';
import { conversationsRepository, type MessageRecord } from './repository';

/**
 * Sends a conversation's messages after `after`, then every new one as it commits (customer,
 * assistant or staff). Each message goes out once, with its seq as the event id, so a client
 * that reconnects with Last-Event-ID picks up where it was.
 */
export async function streamConversation(
  db: Database, listener: MessageListener, stream: EventStream, tenantId: string, conversationId: string, after: number,
): Promise<void> {
  const repo = conversationsRepository(db);
  const sent = new Set<number>();
  let queue = Promise.resolve();
  const push = (fetch: () => Promise<MessageRecord[]>) => {
    queue = queue.then(async () => {
      if (stream.closed) return;
      for (const message of await fetch()) {
        if (sent.has(message.seq)) continue;
        sent.add(message.seq);
        stream.send('message', message.seq, message);
      }
    }).catch(() => undefined); // a failed fetch is retried by the next notice or the client's reconnect
  };
  const backlog = () => repo.messages(tenantId, conversationId, after, 1000);
  // Listen first, then read what is already there: a message committed in between is in one or the other.
  const unsubscribe = await listener.subscribe(tenantId, conversationId, (notice) =>
    push(notice === 'resync' ? backlog : () => repo.messagesBySeq(tenantId, conversationId, [notice.seq])));
  stream.onClose(unsubscribe);
  push(backlog);
}
