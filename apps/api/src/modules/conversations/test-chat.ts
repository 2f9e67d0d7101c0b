import type { TestChatTurn } from '@frontdesk/contracts';
import { notFound } from '../../shared/errors';
import type { Database } from '../../platform/db/database';
import type { Lang } from './domain/nlu/types';
import { newConversationState } from './domain/policy/types';
import { say } from './domain/policy/replies';
import { sourceProvenance, summariseToolCalls } from './domain/provenance';
import { conversationsRepository, type MessageRecord } from './repository';
import type { AssistantPorts } from './ports';
import type { ConversationService } from './service';

const TEST = 'test';
const langOf = (locale: string): Lang => (locale.startsWith('pt') ? 'pt' : locale.startsWith('es') ? 'es' : 'en');

/**
 * Staff talk to the real assistant as a customer would, on a conversation of the channel `test`:
 * no contact, no consent question (there is no customer to ask), nothing passed on to leads,
 * tickets or webhooks, and out of the inbox. What it books is real, with the source `test`.
 */
export function testChatService(db: Database, ports: AssistantPorts, conversations: ConversationService) {
  async function present(tenantId: string, conversationId: string, stored: MessageRecord[], toolCalls: unknown[]): Promise<TestChatTurn> {
    const faq = (await conversations.profile(tenantId)).faq;
    return {
      conversationId,
      replies: stored.map((m) => ({
        text: m.text, ...(m.options ? { options: m.options } : {}),
        sources: (m.sources ?? []).map((s) => sourceProvenance(s, faq)),
      })),
      toolCalls: summariseToolCalls(toolCalls),
    };
  }

  return {
    /** A new test conversation and the assistant's greeting, in the language asked for (else the business's). */
    async start(tenantId: string, lang?: Lang): Promise<TestChatTurn> {
      const tenant = await ports.tenants.tenant(tenantId);
      const language = lang ?? langOf(tenant.locale);
      const state = { ...newConversationState(language, ports.clock.now()), consent: { status: 'granted' as const } };
      const profile = await conversations.profile(tenantId);
      return db.transaction(async (tx) => {
        const repo = conversationsRepository(tx);
        const conversation = await repo.insert(tenantId, TEST, null, state, null);
        const text = profile.greeting?.[language] ?? say(language, 'greet', { tenant: tenant.name });
        const greeting = (await repo.insertMessage(tenantId, conversation.id, { direction: 'out', author: 'assistant', text }))!;
        return present(tenantId, conversation.id, [greeting], []);
      });
    },

    /** Staff's message as the customer's: the assistant's replies, what each rests on, and the turn's tool calls. */
    async send(tenantId: string, conversationId: string, text: string): Promise<TestChatTurn> {
      const conversation = await conversationsRepository(db).get(tenantId, conversationId);
      // A customer's conversation is not written to as if staff were the customer.
      if (!conversation || conversation.channel !== TEST) throw notFound('Conversation');
      const { replies } = await conversations.receive(tenantId, conversationId, text);
      const seqs = replies.map((r) => r.seq).filter((s): s is number => s !== undefined);
      if (!seqs.length) return { conversationId, replies: [], toolCalls: [] };
      const repo = conversationsRepository(db);
      const stored = await repo.messagesBySeq(tenantId, conversationId, seqs);
      return present(tenantId, conversationId, stored, await repo.toolCallsBefore(tenantId, conversationId, Math.min(...seqs)));
    },
  };
}
export type TestChatService = ReturnType<typeof testChatService>;
