import type { Database } from '../../platform/db/database';
import type { ZodApp } from '../../platform/http/server';
import type { AssistantPorts } from './ports';
import { conversationRoutes, type ChatLimits } from './routes';
import { conversationService, type ConversationOptions } from './service';
import { warmUpDateTimes } from './domain/nlu/datetime';

/** Conversations and the assistant: web chat in, understanding, policy, tools, replies. */
export function createConversations(db: Database, ports: AssistantPorts, limits: ChatLimits, options: ConversationOptions) {
  warmUpDateTimes(); // compiles the date rules now rather than on the first customer's message
  const service = conversationService(db, ports, options);
  return { service, routes: (app: ZodApp) => conversationRoutes(app, service, limits) };
}
export type { AssistantPorts } from './ports';
