import { z } from 'zod';
import { Id } from './common';

export const ChatOption = z.object({ id: z.string(), label: z.string() });
export const ChatReply = z.object({
  text: z.string(), options: z.array(ChatOption).optional(),
  seq: z.number().int().optional().describe("the message's place in the conversation (the same as in the stream)"),
});
export const ChatStarted = z.object({
  conversationId: Id,
  token: z.string().describe('send it as Authorization: Bearer <token> with this conversation\'s messages'),
  replies: z.array(ChatReply),
});
export const ChatMessageIn = z.object({
  text: z.string().trim().min(1, 'must not be empty').max(4000, 'must be at most 4000 characters'),
  clientMessageId: z.string().min(1).max(100).optional().describe('the same id sent twice is answered once'),
});
export const ChatReplies = z.object({ replies: z.array(ChatReply) });
export const ChatMessage = z.object({
  id: Id, seq: z.number(), direction: z.enum(['in', 'out']), author: z.enum(['customer', 'assistant', 'staff']),
  text: z.string(), options: z.array(ChatOption).nullable(), sources: z.array(z.string()).nullable(), createdAt: z.string(),
  delivery: z.object({
    status: z.string().describe('queued, sent, delivered, read, failed, or held (not sendable as free text)'),
    at: z.string(), error: z.object({ code: z.string(), title: z.string(), detail: z.string().optional() }).nullable(),
  }).nullable().optional().describe('outbound on a channel: what the provider reported'),
});
export const ChatHistory = z.object({ items: z.array(ChatMessage) });
export const Conversation = z.object({
  id: Id, channel: z.string(), handledBy: z.enum(['assistant', 'human']), humanUntil: z.string().nullable(),
  stage: z.string(), lang: z.string(), lastMessageAt: z.string(),
  contactId: Id.nullable(), assigneeId: Id.nullable().describe('the staff member (user id) the conversation is assigned to'),
  tags: z.array(z.string()),
});
export const Takeover = z.object({ minutes: z.number().int().min(1).max(7 * 24 * 60).default(120) });
export const StaffMessage = z.object({ text: z.string().trim().min(1).max(4000) });

/** The inbox's queues (GET /v1/conversations?queue=…); `all` when absent. */
export const ConversationQueue = z.enum(['all', 'open', 'mine', 'unassigned', 'waiting', 'breached']);
export const ConversationQuery = z.object({
  queue: ConversationQueue.default('all').describe([
    'open: a message in the last 30 days and the customer has not opted out',
    'mine: assigned to the signed-in staff member; unassigned: assigned to nobody',
    'waiting: the assistant is handling it and the customer wrote last (no reply yet)',
    'breached: its lead has a response SLA that ran out and nobody has answered since',
  ].join('; ')),
  tag: z.string().trim().toLowerCase().min(1).max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export const ConversationList = z.object({
  items: z.array(Conversation),
  counts: z.record(ConversationQueue, z.number().int()).describe('how many conversations each queue holds (ignoring the tag)'),
});
const ConversationTag = z.string().trim().toLowerCase().min(1, 'must not be empty').max(40, 'must be at most 40 characters');
export const ConversationPatch = z.object({
  assigneeId: Id.nullable().optional().describe('a staff member of the tenant, or null to unassign'),
  tags: z.array(ConversationTag).max(20).optional().describe('replaces the tags (lower-cased, duplicates dropped)'),
});
export const ConversationNoteIn = z.object({ text: z.string().trim().min(1, 'must not be empty').max(4000, 'must be at most 4000 characters') });
export const ConversationNote = z.object({
  id: Id, conversationId: Id, authorId: Id.nullable().describe('the staff member who wrote it; null when written with an API key'),
  text: z.string(), createdAt: z.string(),
});
export const ConversationNotes = z.object({ items: z.array(ConversationNote) });
