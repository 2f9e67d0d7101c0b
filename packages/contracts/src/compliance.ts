import { z } from 'zod';

/** Staff (or the customer, from the chat) ask for one contact's data to be erased. */
export const ErasureRequestCreate = z.object({
  contactId: z.uuid(),
  reason: z.string().trim().min(1).max(2000).optional().describe('why, in the words of whoever asked'),
}).strict();
export type ErasureRequestCreate = z.infer<typeof ErasureRequestCreate>;

export const ErasureDecision = z.object({
  note: z.string().trim().min(1).max(2000).optional().describe('kept with the decision (e.g. why it was rejected)'),
}).strict();
export type ErasureDecision = z.infer<typeof ErasureDecision>;

export const ErasureStatus = z.enum(['pending', 'rejected', 'completed']);

/** What the erasure changed: rows per data class, never the values themselves. */
export const ErasureReceipt = z.object({
  counts: z.record(z.string(), z.number().int()).describe('rows anonymised or removed, by data class'),
  completedAt: z.iso.datetime(),
});

export const ErasureRequest = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  status: ErasureStatus,
  source: z.enum(['staff', 'customer']),
  reason: z.string().nullable(),
  requestedBy: z.record(z.string(), z.unknown()).describe('the actor who asked ({kind: customer} from the chat)'),
  requestedAt: z.iso.datetime(),
  decidedBy: z.record(z.string(), z.unknown()).nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decisionNote: z.string().nullable(),
  pseudonym: z.string().nullable().describe('what the person is called everywhere once erased'),
  receipt: ErasureReceipt.nullable(),
});
export type ErasureRequest = z.infer<typeof ErasureRequest>;

export const ErasureRequestList = z.object({ items: z.array(ErasureRequest) });
export const ErasureRequestQuery = z.object({
  status: ErasureStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
