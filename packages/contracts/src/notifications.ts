import { z } from 'zod';

export const NoticeKind = z.enum([
  'booking_confirmation', 'booking_reminder', 'booking_rescheduled', 'booking_cancelled',
  'booking_thank_you', 'booking_no_show', 'ticket_satisfaction', 'follow_up',
]);
export type NoticeKind = z.infer<typeof NoticeKind>;

const Reminders = z.array(z.object({ minutesBefore: z.number().int().min(5).max(60 * 24 * 30) })).max(5);

/** What a business sends on its own around a booking. */
export const NotificationSettings = z.object({
  confirmation: z.boolean().default(true).describe('a confirmation when a booking is made outside a conversation'),
  reminders: Reminders.default([{ minutesBefore: 1440 }, { minutesBefore: 120 }])
    .describe('whole days are calendar days at the same local time; other values are elapsed minutes'),
  serviceReminders: z.record(z.uuid(), Reminders).default({}).describe("per service id, replacing the tenant's reminders"),
  rescheduleNotice: z.boolean().default(true),
  cancellationNotice: z.boolean().default(true),
  thankYouAfterMinutes: z.number().int().min(0).max(60 * 24 * 7).nullable().default(60)
    .describe('a thank-you with a 1–5 rating question this long after the visit; null for none'),
  noShowFollowUp: z.boolean().default(true),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

/** One message of a booking's timeline: scheduled, then sent (with its delivery), skipped, cancelled or failed. */
export const BookingMessage = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: z.enum(['scheduled', 'sent', 'skipped', 'cancelled', 'failed']),
  dueAt: z.iso.datetime(),
  reason: z.string().nullable().describe('why it was skipped, cancelled or failed'),
  channel: z.string().nullable(),
  viaTemplate: z.boolean(),
  conversationId: z.uuid().nullable(),
  messageId: z.uuid().nullable(),
  text: z.string().nullable(),
  delivery: z.object({
    status: z.enum(['queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'held']),
    at: z.iso.datetime(),
    error: z.object({ code: z.string(), title: z.string() }).nullable(),
  }).nullable().describe("the provider's latest report once sent"),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type BookingMessage = z.infer<typeof BookingMessage>;
