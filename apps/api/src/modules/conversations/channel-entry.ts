import type { Queryable } from '../../platform/db/database';
import type { Lang } from './domain/nlu/types';
import { newConversationState } from './domain/policy/types';
import { conversationsRepository } from './repository';
import type { AssistantPorts } from './ports';

export interface ChannelMessage {
  tenantId: string;
  channelType: string;
  channelId: string;
  contactId: string;
  /** The conversation this handle is in, if it has one. */
  conversationId: string | null;
  text: string;
  optionId?: string;
  providerMessageId: string;
  sentAt: Date;
}

const langOf = (locale: string): Lang => (locale.startsWith('pt') ? 'pt' : locale.startsWith('es') ? 'es' : 'en');

/**
 * A customer's message from a channel, stored unread in their conversation (a new one for a
 * new handle). The provider's message id makes a redelivery a no-op. Returns the conversation.
 */
export async function recordFromChannel(tx: Queryable, ports: AssistantPorts, m: ChannelMessage): Promise<{ conversationId: string; isNew: boolean }> {
  const repo = conversationsRepository(tx);
  let conversationId = m.conversationId && (await repo.get(m.tenantId, m.conversationId)) ? m.conversationId : undefined;
  if (!conversationId) {
    const tenant = await ports.tenants.tenant(m.tenantId);
    const state = newConversationState(langOf(tenant.locale), ports.clock.now());
    conversationId = (await repo.insertForChannel(m.tenantId, m.channelType, m.channelId, state, m.contactId)).id;
  }
  const stored = await repo.insertPendingFromChannel(m.tenantId, conversationId, m);
  return { conversationId, isNew: stored !== undefined };
}
