import type { Database } from '../../platform/db/database';
import type { ZodApp } from '../../platform/http/server';
import type { AssistantPorts } from './ports';
import { conversationRoutes, type ChatLimits } from './routes';
import { conversationService, type ConversationOptions } from './service';
import { warmUpDateTimes } from './domain/nlu/datetime';
import { createLlm, type LlmOptions } from './llm';
import { conversationDesk } from './desk/service';
import { deskRoutes } from './desk/routes';
import { testChatService } from './test-chat';
import { testChatRoutes } from './test-chat-routes';

/** Conversations and the assistant: web chat in, understanding, policy, tools, replies. */
export function createConversations(db: Database, ports: AssistantPorts, limits: ChatLimits, options: ConversationOptions, llmOptions: LlmOptions) {
  warmUpDateTimes(); // compiles the date rules now rather than on the first customer's message
  const llm = createLlm(db, ports, llmOptions);
  const service = conversationService(db, ports, { ...options, llm: llm.turns });
  const testChat = testChatService(db, ports, service);
  const desk = conversationDesk(db, ports.clock);
  const routes = (app: ZodApp) => {
    conversationRoutes(app, service, limits);
    deskRoutes(app, service, desk);
    testChatRoutes(app, testChat);
    llm.routes(app);
  };
  return { service, desk, llm: llm.settings, routes };
}
export type { AssistantPorts } from './ports';
export { chatCompletions } from './llm';
export type { AwaitedReply, ReplyOption } from './domain/policy/types';
export type { ConversationService, StaffSend } from './service';
export type { ConversationDesk, BreachedConversations } from './desk/service';
