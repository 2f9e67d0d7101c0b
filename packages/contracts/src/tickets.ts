import { z } from 'zod';

/** open → pending (waiting on the customer) → resolved → closed; resolved and closed tickets may be reopened. */
export const TicketStatus = z.enum(['open', 'pending', 'resolved', 'closed']);
export type TicketStatus = z.infer<typeof TicketStatus>;
export const TicketPriority = z.enum(['low', 'normal', 'high', 'urgent']);
export type TicketPriority = z.infer<typeof TicketPriority>;

/** A customer's problem followed to its resolution, opened from one conversation. */
export const Ticket = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  contactId: z.uuid().nullable(),
  subject: z.string(),
  status: TicketStatus,
  priority: TicketPriority,
  assigneeId: z.uuid().nullable().describe('a scheduling resource of kind staff'),
  source: z.enum(['staff', 'assistant']).describe('who opened it: staff through the API, or the assistant on a complaint'),
  resolution: z.string().nullable().describe('what was done, required to resolve; cleared when reopened'),
  openedAt: z.iso.datetime(),
  firstResponseAt: z.iso.datetime().nullable().describe('the first staff reply in the conversation after the ticket opened'),
  resolvedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  timeToFirstResponseMs: z.number().int().nullable(),
  timeToResolveMs: z.number().int().nullable().describe('from opening to the latest resolution'),
  resolutions: z.number().int().describe('how many times it was resolved'),
  satisfaction: z.object({
    rating: z.number().int().min(1).max(5),
    comment: z.string().nullable(),
    ratedAt: z.iso.datetime(),
    resolution: z.number().int().describe('which resolution was rated'),
  }).nullable().describe('the latest rating the customer gave (one per resolution)'),
  updatedAt: z.iso.datetime(),
});
export type Ticket = z.infer<typeof Ticket>;

export const TicketCreate = z.object({
  conversationId: z.uuid(),
  subject: z.string().trim().min(1).max(200),
  priority: TicketPriority.default('normal'),
  assigneeId: z.uuid().nullable().optional(),
}).strict();
export type TicketCreate = z.infer<typeof TicketCreate>;

export const TicketPatch = z.object({
  status: TicketStatus.optional(),
  assigneeId: z.uuid().nullable().optional(),
  priority: TicketPriority.optional(),
  resolution: z.string().trim().min(1).max(4000).optional(),
}).strict();
export type TicketPatch = z.infer<typeof TicketPatch>;

export const TicketQuery = z.object({
  status: TicketStatus.optional(),
  assigneeId: z.uuid().optional(),
  conversationId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const TicketEventKind = z.enum([
  'opened', 'complaint_added', 'status_changed', 'assigned', 'priority_changed', 'resolved', 'reopened',
  'first_response', 'rating_requested', 'rated',
]);
export const TicketEvent = z.object({
  kind: TicketEventKind,
  actor: z.enum(['staff', 'assistant', 'customer', 'system']),
  detail: z.record(z.string(), z.unknown()),
  at: z.iso.datetime(),
});
export type TicketEvent = z.infer<typeof TicketEvent>;

/** When the assistant opens tickets by itself, and what happens after one is resolved. */
export const TicketSettings = z.object({
  openOn: z.enum(['never', 'complaints', 'every_handoff']).default('complaints')
    .describe('complaints: a hand-off whose words match complaintKeywords; every_handoff: any hand-off to a person'),
  complaintKeywords: z.array(z.string().trim().min(1).max(60)).max(100).default([])
    .describe('words or phrases (any language; accents and case ignored, whole words) that make a hand-off a complaint'),
  priority: TicketPriority.default('normal').describe('the priority of tickets the assistant opens'),
  askSatisfaction: z.boolean().default(true).describe('ask the customer for a 1–5 rating after each resolution'),
}).strict();
export type TicketSettings = z.infer<typeof TicketSettings>;
