import { createChannelListener } from './channel-listener';

export interface MessageNotice { tenantId: string; conversationId: string; seq: number }

/**
 * New messages, per conversation: a trigger NOTIFYs `frontdesk_messages` on insert (delivered at
 * commit) with "<tenant> <conversation> <seq>"; one LISTEN connection per process.
 */
export function createMessageListener(url: string, onError: (err: unknown) => void = () => undefined) {
  const keyOf = (tenantId: string, conversationId: string) => `${tenantId} ${conversationId}`;
  const listener = createChannelListener<MessageNotice>({
    url, channel: 'frontdesk_messages', applicationName: 'frontdesk-listener', onError,
    parse(payload) {
      const [tenantId, conversationId, seq] = payload.split(' ');
      if (!tenantId || !conversationId || !seq) return undefined;
      return { key: keyOf(tenantId, conversationId), notice: { tenantId, conversationId, seq: Number(seq) } };
    },
  });
  return {
    /** Resolves once listening, so nothing committed after this call is missed. */
    subscribe: (tenantId: string, conversationId: string, fn: (notice: MessageNotice | 'resync') => void) =>
      listener.subscribe(keyOf(tenantId, conversationId), fn),
    close: () => listener.close(),
  };
}
export type MessageListener = ReturnType<typeof createMessageListener>;
