import { z } from 'zod';
import { Id, Instant, LocalDate, Money } from './common';
import { BookingStatus } from './bookings';

/** A run of whole local days in the tenant's zone: its first and last date, and the instants it spans (end excluded). */
export const LocalDays = z.object({ from: LocalDate, to: LocalDate, start: Instant, end: Instant });

export const TodayBooking = z.object({
  id: Id,
  start: Instant,
  end: Instant,
  status: BookingStatus,
  service: z.object({ id: Id, name: z.string() }),
  resources: z.array(z.object({ id: Id, name: z.string() })),
  customerName: z.string(),
});

export const DashboardSummary = z.object({
  timeZone: z.string().describe("the tenant's zone: today and the week are its local days"),
  today: LocalDays.extend({ bookings: z.array(TodayBooking).describe('every booking overlapping today, cancelled ones included, by start') }),
  week: LocalDays.extend({
    newLeads: z.number().int().describe('leads created this week'),
    bookingsMade: z.number().int().describe('bookings created this week, whatever they became'),
    noShows: z.number().int().describe('bookings starting this week marked no-show'),
    revenue: z.array(Money).describe("booked prices of this week's confirmed and completed bookings, one total per currency (the tenant's first)"),
  }).describe('Monday to Sunday'),
});
export type DashboardSummary = z.infer<typeof DashboardSummary>;

/** One `change` event of the staff live stream (GET /v1/stream). */
export const LiveFrame = z.object({
  id: z.number().int().describe("the event's id (a reconnect may repeat an event; drop an id already seen)"),
  type: z.string().describe('booking.created|rescheduled|cancelled|status_changed, hold.placed|released, message.received|sent, conversation.taken_over|handed_back|handed_off, lead.*, sla.*'),
  subjectId: Id.nullable().describe('the booking, hold, conversation or lead it is about'),
  at: z.string(),
  data: z.record(z.string(), z.unknown()).describe('ids, times and statuses only'),
});
export type LiveFrame = z.infer<typeof LiveFrame>;

/** A customer at risk of not coming back (GET /v1/customers/at-risk); the rule is in the analytics module's domain/at-risk.ts. */
export const AtRiskCustomer = z.object({
  contactId: Id,
  name: z.string().nullable(),
  reason: z.enum(['lapsed', 'missed']).describe('lapsed: a regular overdue by 1.5× their usual interval with nothing booked; missed: two or more no-shows or cancellations in a row'),
  since: LocalDate.describe("the tenant-local day the customer became at risk"),
  lastVisit: Instant.nullable().describe('lapsed: the last completed visit'),
  visits: z.number().int().nullable().describe('lapsed: completed visits (one per day)'),
  usualIntervalDays: z.number().nullable().describe('lapsed: the median days between visits'),
  daysSince: z.number().int().nullable().describe("lapsed: the tenant's calendar days since the last visit"),
  missedInARow: z.number().int().nullable().describe('missed: no-shows and cancellations since the last visit'),
});
export type AtRiskCustomer = z.infer<typeof AtRiskCustomer>;
export const AtRiskList = z.object({ timeZone: z.string(), items: z.array(AtRiskCustomer).describe('most recently at risk first') });
export type AtRiskList = z.infer<typeof AtRiskList>;
