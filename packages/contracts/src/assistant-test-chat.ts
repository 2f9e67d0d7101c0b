import { z } from 'zod';
import { Id } from './common';

/**
 * Staff try the assistant as a customer would. The conversation is a real one on the channel
 * `test`: kept out of the inbox, leads and analytics, but anything it books is a real booking
 * (with the source channel `test`).
 */
export const TestChatSource = z.object({
  source: z.string().describe('what the reply rests on, as the assistant recorded it, e.g. knowledge.parking, catalogue.prices'),
  tool: z.string().describe('the tool that produced it: search_knowledge, quote, find_slots, business_info, book…'),
  faq: z.object({ id: z.string(), question: z.string() }).optional().describe('the FAQ entry, when the answer is one'),
});
export const TestChatToolCall = z.object({
  tool: z.string(),
  input: z.string().describe('a short summary of what the tool was asked'),
  output: z.string().describe('a short summary of what it returned'),
});
export const TestChatReply = z.object({
  text: z.string(),
  options: z.array(z.object({ id: z.string(), label: z.string() })).optional(),
  sources: z.array(TestChatSource),
});
export const TestChatTurn = z.object({
  conversationId: Id,
  replies: z.array(TestChatReply),
  toolCalls: z.array(TestChatToolCall).describe('every tool the turn ran, in order'),
});
export type TestChatTurn = z.infer<typeof TestChatTurn>;
export const TestChatMessageIn = z.object({ text: z.string().trim().min(1, 'must not be empty').max(4000) });
