import { z } from 'zod';
import { Id, Instant, LocalDate, Money, TimeZone } from './common';
import { BookingStatus } from './bookings';

/** The public booking page (`/book/{tenantSlug}`): what a visitor without an account reads and sends. */

export const BookingPageLang = z.enum(['pt', 'es', 'en']);

/** Per tenant: whether the page is open and how long before the start a customer may still change a booking. */
export const BookingPageSettings = z.object({
  enabled: z.boolean().default(true).describe('false: the page answers 404 (existing manage links keep working)'),
  changeNoticeMinutes: z.number().int().min(0).max(30 * 24 * 60).default(1440)
    .describe("customers may cancel or reschedule online up to this long before the start; a service's own cancellationWindowMinutes, when above 0, wins"),
}).strict();
export type BookingPageSettings = z.infer<typeof BookingPageSettings>;

export const BookingPageSlugParams = z.object({ tenantSlug: z.string().max(63) });
export const BookingPageTokenParams = z.object({ token: z.string().min(1).max(100) });
export const BookingPageProfileQuery = z.object({
  lang: BookingPageLang.optional().describe("language of the consent text; default the business's"),
});

/** One instant as a wall clock in one zone. */
export const BookingPageLocalTime = z.object({
  timeZone: z.string(),
  date: z.string().describe('YYYY-MM-DD'),
  time: z.string().describe('HH:MM'),
  endDate: z.string(),
  endTime: z.string(),
  utcOffset: z.string().describe('+05:30: the offset at the start'),
});

export const BookingPageResource = z.object({ id: Id, name: z.string(), kind: z.string() });
export const BookingPageService = z.object({
  id: Id,
  name: z.string(),
  description: z.string().nullable(),
  durationMinutes: z.number(),
  price: Money,
  deposit: Money.nullable(),
  locationId: Id.nullable(),
  resources: z.array(BookingPageResource).describe('whom (or what) the visitor may choose; omit the choice for anyone'),
  changeNoticeMinutes: z.number().describe('cancel or reschedule online up to this long before the start'),
});
export const BookingPageProfile = z.object({
  business: z.object({ slug: z.string(), name: z.string(), locale: z.string(), timeZone: z.string(), currency: z.string() }),
  locations: z.array(z.object({ id: Id, name: z.string(), address: z.string().nullable(), timeZone: z.string() })),
  services: z.array(BookingPageService),
  consent: z.object({
    required: z.boolean().describe('send consentAccepted: true with a booking'),
    purposes: z.array(z.string()),
    lang: BookingPageLang,
    text: z.string().nullable().describe('the exact words to show next to the checkbox'),
  }),
  policy: z.object({ changeNoticeMinutes: z.number().describe("the business's default; each service says its own") }),
});
export type BookingPageProfile = z.infer<typeof BookingPageProfile>;

export const BookingPageAvailabilityQuery = z.object({
  serviceId: Id,
  resourceId: Id.optional().describe('omit for anyone'),
  from: LocalDate.describe("first day, in the visitor's zone"),
  to: LocalDate.describe('last day, inclusive: at most 62 days after from'),
  timeZone: TimeZone.optional().describe("the visitor's IANA zone; default the business's"),
});
export const BookingPageManageAvailabilityQuery = BookingPageAvailabilityQuery.omit({ serviceId: true });
export const BookingPageSlot = z.object({
  start: z.string().describe('UTC instant'),
  end: z.string(),
  resourceIds: z.array(Id),
  visitorTime: BookingPageLocalTime,
  businessTime: BookingPageLocalTime,
});
export const BookingPageAvailability = z.object({
  serviceId: Id,
  resourceId: Id.nullable(),
  timeZone: z.string().describe("the visitor's zone"),
  businessTimeZone: z.string(),
  slots: z.array(BookingPageSlot),
});
export type BookingPageAvailability = z.infer<typeof BookingPageAvailability>;

export const BookingPageCustomer = z.object({
  name: z.string().trim().min(1).max(200),
  phone: z.string().trim().min(1).max(40).optional().describe("any usual format; read in the business's country unless it starts with +"),
  email: z.email().max(320).optional(),
}).refine((c) => c.phone !== undefined || c.email !== undefined, { message: 'give a phone number or an e-mail address', path: ['phone'] });

export const BookingPageBookingCreate = z.object({
  serviceId: Id,
  resourceId: Id.optional().describe('omit for anyone'),
  start: Instant,
  customer: BookingPageCustomer,
  language: BookingPageLang.optional().describe("the customer's language for messages; default the business's"),
  consentAccepted: z.boolean().optional().describe('must be true when profile.consent.required'),
  notes: z.string().trim().max(1000).optional(),
  timeZone: TimeZone.optional().describe("the visitor's zone, for the local times in the answer"),
});
export type BookingPageBookingCreate = z.infer<typeof BookingPageBookingCreate>;

export const BookingPageViewQuery = z.object({ timeZone: TimeZone.optional() });
export const BookingPageCancel = z.object({ reason: z.string().trim().max(500).optional() });
export const BookingPageReschedule = z.object({
  start: Instant,
  resourceId: Id.optional().describe('omit for anyone'),
  timeZone: TimeZone.optional(),
});

/** A booking as its customer sees it through the manage link. */
export const BookingPageBooking = z.object({
  id: Id,
  status: BookingStatus,
  business: z.object({ slug: z.string(), name: z.string(), timeZone: z.string(), locale: z.string() }),
  service: z.object({ id: Id, name: z.string(), durationMinutes: z.number() }),
  resources: z.array(z.object({ id: Id, name: z.string() })),
  start: z.string(),
  end: z.string(),
  visitorTime: BookingPageLocalTime,
  businessTime: BookingPageLocalTime,
  customer: z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
  price: Money,
  policy: z.object({
    changeNoticeMinutes: z.number(),
    changeDeadline: z.string().describe('cancel or reschedule online until this instant'),
    canChange: z.boolean(),
  }),
  cancelledAt: z.string().nullable(),
  manageUrl: z.string(),
  icsUrl: z.string(),
});
export type BookingPageBooking = z.infer<typeof BookingPageBooking>;
export const BookingPageBooked = BookingPageBooking.extend({
  manageToken: z.string().describe('the secret of the manage link: shown once, stored only as its hash'),
});
export type BookingPageBooked = z.infer<typeof BookingPageBooked>;
