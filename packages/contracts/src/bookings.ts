import { z } from 'zod';
import { Id, Instant, Money, PageQuery, TimeZone } from './common';

export const BookingStatus = z.enum(['pending', 'confirmed', 'cancelled', 'completed', 'no_show']);
export const SourceChannel = z.enum([
  'api', 'web', 'booking_page', 'dashboard', 'whatsapp', 'instagram', 'messenger', 'telegram', 'sms', 'email', 'phone', 'walk_in', 'test',
]);
export type SourceChannel = z.infer<typeof SourceChannel>;
export const Customer = z.object({
  name: z.string().trim().min(1).max(200),
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +5511987654321').optional(),
  email: z.email().max(320).optional(),
});

export const BookingCreate = z.object({
  serviceId: Id,
  start: Instant,
  resourceIds: z.array(Id).min(1).max(20).optional().describe('omit for any available'),
  customer: Customer,
  seats: z.number().int().min(1).max(1000).default(1),
  holdId: Id.optional().describe('turn this hold into the booking'),
  status: z.enum(['pending', 'confirmed']).default('confirmed'),
  sourceChannel: SourceChannel.default('api'),
  notes: z.string().max(5000).optional(),
});
export type BookingCreate = z.infer<typeof BookingCreate>;

export const Booking = z.object({
  id: Id,
  serviceId: Id,
  status: BookingStatus,
  start: z.string(),
  end: z.string(),
  resourceIds: z.array(Id),
  customer: z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
  seats: z.number(),
  price: Money,
  deposit: Money.nullable(),
  sourceChannel: SourceChannel,
  notes: z.string().nullable(),
  recurrenceId: Id.nullable(),
  cancelledAt: z.string().nullable(),
  cancellationReason: z.string().nullable(),
  icsUrl: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Booking = z.infer<typeof Booking>;

export const BookingList = z.object({ items: z.array(Booking), nextCursor: z.string().nullable() });
export const BookingListQuery = PageQuery.extend({
  from: Instant.optional(),
  to: Instant.optional(),
  status: z.string().optional().describe('comma-separated statuses, e.g. pending,confirmed')
    .refine((v) => v === undefined || v.split(',').every((s) => BookingStatus.safeParse(s).success),
      { message: `each status must be one of ${BookingStatus.options.join(', ')}` }),
  resourceId: Id.optional(),
});

export const BookingUpdate = z.object({
  status: z.enum(['pending', 'confirmed', 'completed', 'no_show']).optional(),
  notes: z.string().max(5000).nullable().optional(),
});
export const Reschedule = z.object({
  start: Instant,
  resourceIds: z.array(Id).min(1).max(20).optional(),
  durationMinutes: z.number().int().min(5).max(24 * 60).optional()
    .describe("a new length (resizing in the calendar); default the service's — a group session keeps it"),
  overridePolicy: z.boolean().default(false),
});
export const Cancel = z.object({
  reason: z.string().max(1000).optional(),
  overridePolicy: z.boolean().default(false).describe('cancel even inside the cancellation window'),
});

export const RecurringCreate = BookingCreate.omit({ holdId: true }).extend({
  occurrences: z.number().int().min(2).max(104),
  intervalWeeks: z.number().int().min(1).max(8).default(1),
  skipConflicts: z.boolean().default(false).describe('book the free occurrences and report the rest'),
});
export const OccurrenceConflict = z.object({
  start: z.string(),
  reasons: z.array(z.object({ code: z.string(), message: z.string(), resourceId: z.string().optional() })),
});
export const RecurringResult = z.object({
  recurrenceId: Id,
  booked: z.array(Booking),
  conflicts: z.array(OccurrenceConflict),
});

export const HoldCreate = z.object({
  serviceId: Id,
  start: Instant,
  resourceIds: z.array(Id).min(1).max(20).optional(),
  seats: z.number().int().min(1).max(1000).default(1),
  ttlSeconds: z.number().int().min(30).max(3600).default(600),
});
export const Hold = z.object({
  id: Id,
  serviceId: Id,
  start: z.string(),
  end: z.string(),
  resourceIds: z.array(Id),
  seats: z.number(),
  expiresAt: z.string(),
});
export type Hold = z.infer<typeof Hold>;
export const HoldListQuery = z.object({ from: Instant, to: Instant, resourceId: Id.optional() });
export const HoldList = z.object({ items: z.array(Hold) });

export const AvailabilityQuery = z.object({
  serviceId: Id,
  from: Instant,
  to: Instant,
  timeZone: TimeZone.optional().describe("viewer's zone for localStart; defaults to the tenant's"),
  resourceId: Id.optional(),
  seats: z.coerce.number().int().min(1).max(1000).default(1),
});
export const RenderedSlot = z.object({
  start: z.string(),
  end: z.string(),
  localStart: z.string(),
  localEnd: z.string(),
  utcOffset: z.string(),
  resourceIds: z.array(Id),
  seatsLeft: z.number().optional(),
});
export const AvailabilityResult = z.object({ timeZone: z.string(), slots: z.array(RenderedSlot) });

export const ExplainQuery = z.object({
  serviceId: Id,
  start: Instant,
  resourceId: Id.optional(),
  seats: z.coerce.number().int().min(1).max(1000).default(1),
});
export const ExplainResult = z.object({
  bookable: z.boolean(),
  reasons: z.array(z.object({
    code: z.string(),
    message: z.string(),
    resourceId: z.string().optional(),
    refId: z.string().optional(),
  })),
});
