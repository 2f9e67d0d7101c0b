import { z } from 'zod';
import { Id, LocalDate, Money, TimeZone, WallInterval } from './common';

export const ResourceKind = z.enum(['staff', 'room', 'chair', 'vehicle', 'equipment', 'other']);

export const ResourceCreate = z.object({
  name: z.string().trim().min(1).max(200),
  kind: ResourceKind,
  timeZone: TimeZone,
  locationId: Id.optional(),
  active: z.boolean().optional().describe('default true'),
});
export const ResourceUpdate = ResourceCreate.partial();
export const Weekly = z.object({
  mon: z.array(WallInterval).optional(),
  tue: z.array(WallInterval).optional(),
  wed: z.array(WallInterval).optional(),
  thu: z.array(WallInterval).optional(),
  fri: z.array(WallInterval).optional(),
  sat: z.array(WallInterval).optional(),
  sun: z.array(WallInterval).optional(),
}).strict();
export const ScheduleBody = z.object({
  timeZone: TimeZone,
  weekly: Weekly,
  overrides: z.array(z.object({ date: LocalDate, intervals: z.array(WallInterval) })).max(1000).default([]),
});
export type ScheduleBody = z.infer<typeof ScheduleBody>;

export const Resource = z.object({
  id: Id,
  name: z.string(),
  kind: ResourceKind,
  timeZone: z.string(),
  locationId: Id.nullable(),
  active: z.boolean(),
  schedule: ScheduleBody,
  icalUrl: z.string().describe('secret iCalendar feed of this resource'),
  createdAt: z.string(),
});
export type Resource = z.infer<typeof Resource>;

export const Requirement = z.object({
  resourceIds: z.array(Id).min(1).max(100),
  count: z.number().int().min(1).max(100).default(1),
});

const serviceFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).optional(),
  locationId: Id.optional(),
  durationMinutes: z.number().int().min(1).max(24 * 60),
  bufferBeforeMinutes: z.number().int().min(0).max(24 * 60).optional().describe('default 0'),
  bufferAfterMinutes: z.number().int().min(0).max(24 * 60).optional().describe('default 0'),
  slotIntervalMinutes: z.number().int().min(5).max(24 * 60).optional().describe('defaults to the duration'),
  price: Money,
  deposit: Money.nullable().optional(),
  capacity: z.number().int().min(1).max(1000).optional().describe('seats per slot; 1 = exclusive (default)'),
  minNoticeMinutes: z.number().int().min(0).max(365 * 24 * 60).optional().describe('default 0'),
  notSameDay: z.boolean().optional().describe('default false'),
  horizonDays: z.number().int().min(1).max(730).optional().describe('default 90'),
  cancellationWindowMinutes: z.number().int().min(0).max(30 * 24 * 60).optional()
    .describe('cancelling or rescheduling later than this before the start needs overridePolicy (default 0)'),
  resourceIds: z.array(Id).min(1).max(100).optional().describe('shorthand for one requirement: any one of these'),
  requirements: z.array(Requirement).min(1).max(10).optional()
    .describe('every group at once, e.g. one van AND two crew'),
  active: z.boolean().optional().describe('default true'),
};
export const ServiceCreate = z.object(serviceFields).refine(
  (s) => (s.resourceIds === undefined) !== (s.requirements === undefined),
  { message: 'give either resourceIds or requirements', path: ['resourceIds'] },
);
export type ServiceCreate = z.infer<typeof ServiceCreate>;
export const ServiceUpdate = z.object(serviceFields).partial().refine(
  (s) => s.resourceIds === undefined || s.requirements === undefined,
  { message: 'give either resourceIds or requirements, not both', path: ['resourceIds'] },
);
export type ServiceUpdate = z.infer<typeof ServiceUpdate>;

export const Service = z.object({
  id: Id,
  name: z.string(),
  description: z.string().nullable(),
  locationId: Id.nullable(),
  durationMinutes: z.number(),
  bufferBeforeMinutes: z.number(),
  bufferAfterMinutes: z.number(),
  slotIntervalMinutes: z.number(),
  price: Money,
  deposit: Money.nullable(),
  capacity: z.number(),
  minNoticeMinutes: z.number(),
  notSameDay: z.boolean(),
  horizonDays: z.number(),
  cancellationWindowMinutes: z.number(),
  requirements: z.array(z.object({ resourceIds: z.array(Id), count: z.number() })),
  active: z.boolean(),
  createdAt: z.string(),
});
export type Service = z.infer<typeof Service>;

export const HolidaysBody = z.object({
  holidays: z.array(z.object({ date: LocalDate, name: z.string().trim().min(1).max(200) })).max(1000),
});
export type HolidaysBody = z.infer<typeof HolidaysBody>;
