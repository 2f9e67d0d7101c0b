import { z } from 'zod';

/** What a contact agrees to: processing their data to be served, marketing, … (snake_case keys). */
export const ConsentPurpose = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'lower-case letters, digits and _');
export const ConsentAnswer = z.enum(['granted', 'refused', 'withdrawn']);
export type ConsentAnswer = z.infer<typeof ConsentAnswer>;

const Texts = z.object({
  pt: z.string().trim().min(1).max(2000).optional(),
  es: z.string().trim().min(1).max(2000).optional(),
  en: z.string().trim().min(1).max(2000).optional(),
}).strict();

/** Whether a new contact is asked for consent before anything else, with which words and for what. */
export const ConsentSettings = z.object({
  required: z.boolean().default(false),
  purposes: z.array(ConsentPurpose).min(1).max(10).default(['data_processing']),
  texts: Texts.default({}).describe('the exact question shown, per language (pt, es, en)'),
}).strict().refine((s) => !s.required || Object.keys(s.texts).length > 0, { path: ['texts'], message: 'a required consent needs its text in at least one language' });
export type ConsentSettings = z.infer<typeof ConsentSettings>;

/** One entry of the append-only consent ledger. */
export const ConsentRecord = z.object({
  id: z.string(),
  contactId: z.uuid(),
  purposes: z.array(z.string()),
  answer: ConsentAnswer,
  channel: z.string().describe('web, a channel type, or how staff got it: paper, phone, in_person, email, other'),
  channelId: z.uuid().nullable(),
  conversationId: z.uuid().nullable(),
  text: z.string().describe('the exact text the contact was shown'),
  lang: z.string().nullable(),
  words: z.string().nullable().describe("the contact's own answer, when written"),
  recordedBy: z.enum(['assistant', 'staff', 'customer']).describe('customer: ticked on the public booking page'),
  at: z.iso.datetime(),
});
export type ConsentRecord = z.infer<typeof ConsentRecord>;

/** Staff record a consent given on paper, by phone or in person. */
export const ConsentRecordCreate = z.object({
  purposes: z.array(ConsentPurpose).min(1).max(10),
  answer: ConsentAnswer,
  channel: z.enum(['paper', 'phone', 'in_person', 'email', 'other']),
  text: z.string().trim().min(1).max(5000).describe('the exact text the contact agreed to or refused'),
  lang: z.enum(['pt', 'es', 'en']).optional(),
  words: z.string().trim().max(2000).optional(),
  at: z.iso.datetime().optional().describe('when the contact answered (default: now)'),
}).strict();
export type ConsentRecordCreate = z.infer<typeof ConsentRecordCreate>;

export const RetentionClass = z.enum([
  'message_bodies', 'closed_conversations', 'inbound_payloads', 'notices', 'webhook_deliveries', 'cancelled_holds',
]);
export type RetentionClass = z.infer<typeof RetentionClass>;

/** Days each kind of data is kept; a class left out is kept for ever. */
export const RetentionSettings = z.object({
  days: z.partialRecord(RetentionClass, z.number().int().min(1).max(36500)).default({}),
}).strict();
export type RetentionSettings = z.infer<typeof RetentionSettings>;

export const RetentionRun = z.object({
  id: z.uuid(),
  localDate: z.string().describe("the tenant's local date the run belongs to"),
  startedAt: z.iso.datetime(),
  results: z.array(z.object({ dataClass: RetentionClass, days: z.number().int(), before: z.iso.datetime(), rows: z.number().int() })),
});
export type RetentionRun = z.infer<typeof RetentionRun>;

export const BlueprintPrivacy = z.object({ consent: ConsentSettings.optional(), retention: RetentionSettings.optional() }).strict();
