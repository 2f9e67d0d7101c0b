import { z } from 'zod';
import { WallTime } from './common';
import { BookingStatus } from './bookings';
import { Temperature } from './leads';

/** What stops a sequence before a step: the customer wrote, or booked, since the enrolment (or the last step). */
export const SequenceCondition = z.enum(['replied', 'booked']);
export type SequenceCondition = z.infer<typeof SequenceCondition>;

const Text = z.string().trim().min(1).max(1000);

export const SequenceStep = z.object({
  waitMinutes: z.number().int().min(0).max(60 * 24 * 90).describe('after the previous step (or the enrolment, for the first one)'),
  afterSilence: z.boolean().default(false)
    .describe("count the wait from the customer's last message when that is later: \"silent for 24 h\""),
  unless: z.array(SequenceCondition).max(2).default(['replied', 'booked']).describe('the sequence stops instead of sending this step'),
  texts: z.object({ pt: Text.optional(), es: Text.optional(), en: Text.optional() }).strict()
    .refine((t) => Object.values(t).some(Boolean), 'give the text in at least one language (pt, es or en)')
    .describe("the words in each language; the customer's language is chosen at send time"),
  templateName: z.string().trim().min(1).max(512).optional()
    .describe('the approved template (kind follow_up) sent instead where the WhatsApp 24-hour window has closed'),
}).strict();
export type SequenceStep = z.infer<typeof SequenceStep>;

/** What enrols a contact: a bus event (with its condition), or staff only. */
export const SequenceTrigger = z.discriminatedUnion('event', [
  z.object({ event: z.literal('manual') }).strict(),
  z.object({ event: z.literal('lead.created') }).strict(),
  z.object({ event: z.literal('lead.temperature_changed'), to: Temperature }).strict(),
  z.object({ event: z.literal('booking.status_changed'), to: BookingStatus }).strict(),
]);
export type SequenceTrigger = z.infer<typeof SequenceTrigger>;

export const SequenceIn = z.object({
  name: z.string().trim().min(1).max(120),
  trigger: SequenceTrigger,
  steps: z.array(SequenceStep).min(1).max(10),
  active: z.boolean().default(true).describe('an inactive sequence enrols nobody and stops its enrolments at their next step'),
}).strict();
export type SequenceIn = z.infer<typeof SequenceIn>;

export const SequencePatch = z.object({
  name: SequenceIn.shape.name.optional(),
  trigger: SequenceTrigger.optional(),
  steps: SequenceIn.shape.steps.optional(),
  active: z.boolean().optional(),
}).strict();
export type SequencePatch = z.infer<typeof SequencePatch>;

export const Sequence = z.object({
  id: z.uuid(),
  name: z.string(),
  trigger: SequenceTrigger,
  steps: z.array(SequenceStep),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Sequence = z.infer<typeof Sequence>;

export const EnrolmentStatus = z.enum(['active', 'stopped', 'completed']);
export const StopReason = z.enum(['replied', 'booked', 'opted_out', 'completed', 'staff', 'contact_gone', 'sequence_inactive']);
export type StopReason = z.infer<typeof StopReason>;

export const EnrolmentStep = z.object({
  step: z.number().int().describe('0 for the first step'),
  dueAt: z.iso.datetime().describe('when it was due (after quiet hours)'),
  processedAt: z.iso.datetime(),
  outcome: z.enum(['queued', 'skipped']).describe('what the notifications module said when asked to send it'),
  reason: z.string().nullable(),
  notice: z.object({
    status: z.enum(['scheduled', 'sent', 'skipped', 'cancelled', 'failed']),
    reason: z.string().nullable(),
    channel: z.string().nullable(),
    viaTemplate: z.boolean(),
  }).nullable().describe('the message as sent (or why not), from the notifications module'),
});

export const Enrolment = z.object({
  id: z.uuid(),
  sequenceId: z.uuid(),
  contactId: z.uuid(),
  status: EnrolmentStatus,
  stopReason: StopReason.nullable(),
  source: z.string().describe('manual, or the event type that enrolled the contact'),
  enrolledAt: z.iso.datetime(),
  nextStep: z.number().int().nullable(),
  nextStepAt: z.iso.datetime().nullable().describe('when the next step is due, quiet hours applied'),
  stoppedAt: z.iso.datetime().nullable(),
  steps: z.array(EnrolmentStep),
});
export type Enrolment = z.infer<typeof Enrolment>;

export const EnrolmentCreate = z.object({ contactId: z.uuid() }).strict();
export const EnrolmentQuery = z.object({
  status: EnrolmentStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** When follow-ups may go out: never in the quiet hours (the tenant's zone); a step due then waits for their end. */
export const SequenceSettings = z.object({
  quietHours: z.object({ start: WallTime, end: WallTime }).strict()
    .refine((q) => q.start !== q.end, { message: 'start and end must differ', path: ['end'] })
    .nullable().default({ start: '21:00', end: '09:00' })
    .describe("local times in the tenant's zone; over midnight when start is after end; null for none"),
}).strict();
export type SequenceSettings = z.infer<typeof SequenceSettings>;

/** A blueprint's follow-up sequences and quiet hours. */
export const BlueprintSequences = z.object({
  settings: SequenceSettings.optional(),
  sequences: z.array(SequenceIn).default([]),
}).strict();
export type BlueprintSequences = z.infer<typeof BlueprintSequences>;
