import { z } from 'zod';
import { Id, TestChatMessageIn, TestChatTurn } from '@frontdesk/contracts';
import type { ZodApp } from '../../platform/http/server';
import { requireTenant } from '../../platform/auth/bearer';
import type { TestChatService } from './test-chat';

const tags = ['assistant'];
const TestChatStart = z.object({ lang: z.enum(['pt', 'es', 'en']).optional() });

export function testChatRoutes(app: ZodApp, testChat: TestChatService): void {
  app.post('/v1/assistant/test-chat', {
    schema: { tags, body: TestChatStart.nullish(), response: { 201: TestChatTurn },
      summary: 'Start a test chat with the assistant (kept out of the inbox, leads and analytics; bookings it makes are real)' },
  }, async (req, reply) => reply.code(201).send(await testChat.start(requireTenant(req), req.body?.lang)));

  app.post('/v1/assistant/test-chat/:id/messages', {
    schema: { tags, params: z.object({ id: Id }), body: TestChatMessageIn, response: { 200: TestChatTurn },
      summary: "Write as the customer; the assistant's replies come back with the tools each one rests on" },
  }, async (req) => testChat.send(requireTenant(req), req.params.id, req.body.text));
}
