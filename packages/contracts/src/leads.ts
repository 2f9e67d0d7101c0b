import { z } from 'zod';
import { Id } from './common';

export const LeadStage = z.enum(['new', 'engaged', 'qualified', 'booked', 'attended', 'won', 'lost']);
export type LeadStage = z.infer<typeof LeadStage>;
export const Temperature = z.enum(['hot', 'warm', 'cold']);
export type Temperature = z.infer<typeof Temperature>;
export const ScoreFactorName = z.enum(['fit', 'intent', 'budget', 'timeline', 'engagement']);
export type ScoreFactorName = z.infer<typeof ScoreFactorName>;
/** What a qualification answer says, for scoring (the tenant maps its field keys to these). */
export const FieldMeaning = z.enum(['budget', 'timeline', 'decision_role', 'company_size', 'need', 'age', 'detail']);
export type FieldMeaning = z.infer<typeof FieldMeaning>;

const Minutes = z.number().int().min(1).max(30 * 24 * 60);
const PerTemperature = z.object({ hot: Minutes, warm: Minutes, cold: Minutes });
const Range = z.object({ min: z.number().min(0), max: z.number().min(0) }).refine((r) => r.min <= r.max, { message: 'min must not exceed max' });

/** How a tenant scores, routes and times its leads. Money is in whole units of the tenant currency. */
export const LeadSettings = z.object({
  weights: z.object({ fit: z.number().min(0).max(100), intent: z.number().min(0).max(100), budget: z.number().min(0).max(100),
    timeline: z.number().min(0).max(100), engagement: z.number().min(0).max(100) })
    .refine((w) => Object.values(w).some((v) => v > 0), { message: 'at least one weight must be above 0' }),
  thresholds: z.object({ hot: z.number().min(0).max(100), warm: z.number().min(0).max(100) })
    .refine((t) => t.warm <= t.hot, { message: 'warm must not exceed hot', path: ['warm'] }),
  budgetBands: z.array(z.object({ monthlyAtLeast: z.number().min(0), points: z.number().int().min(0).max(100) })).max(20)
    .describe('a stated budget (turned into a monthly amount) earns the points of the highest band it reaches'),
  fields: z.record(z.string().min(1).max(64), FieldMeaning).describe('qualification field key → what it tells the score'),
  fit: z.object({ companySize: Range.optional(), age: Range.optional() }).default({}),
  routing: z.object({
    agents: z.array(Id).max(100).describe('staff resource ids that take HOT leads, in rotation order'),
    capacity: z.number().int().min(1).max(10_000).describe('most open leads an agent owns at once'),
    takeOverMinutes: z.number().int().min(1).max(7 * 24 * 60),
  }),
  sla: z.object({
    firstResponseMinutes: PerTemperature,
    nextResponseMinutes: PerTemperature,
    escalateTo: Id.nullable().describe('the staff resource told about a breach'),
    leakageAfterMinutes: Minutes,
  }),
});
export type LeadSettings = z.infer<typeof LeadSettings>;

export const ScoreSignal = z.object({ signal: z.string(), detail: z.string(), points: z.number() });
export const ScoreFactor = z.object({ factor: ScoreFactorName, score: z.number(), weight: z.number(), signals: z.array(ScoreSignal) });
export const LeadScore = z.object({ value: z.number(), temperature: Temperature, factors: z.array(ScoreFactor) });
export type LeadScore = z.infer<typeof LeadScore>;

export const LeadSource = z.object({
  channel: z.string().nullable(),
  campaign: z.string().nullable(),
  referral: z.string().nullable(),
});

export const LeadTimer = z.object({
  kind: z.enum(['first_response', 'next_response']), startedAt: z.iso.datetime(), dueAt: z.iso.datetime(), conversationId: Id,
});
export const LeadBreach = z.object({
  kind: z.enum(['first_response', 'next_response', 'leakage']), startedAt: z.iso.datetime(), breachedAt: z.iso.datetime(),
  escalatedTo: Id.nullable(),
});

export const Lead = z.object({
  id: Id,
  contactId: Id,
  stage: LeadStage,
  lostReason: z.string().nullable(),
  source: LeadSource,
  ownerId: Id.nullable(),
  tags: z.array(z.string()),
  fields: z.record(z.string(), z.string()),
  staffFields: z.array(z.string()).describe('answers a person set; the assistant no longer overwrites them'),
  temperature: Temperature.nullable(),
  scoreValue: z.number().nullable(),
  routing: z.enum(['human', 'assistant', 'nurture']).nullable(),
  conversationIds: z.array(Id),
  bookingIds: z.array(Id),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Lead = z.infer<typeof Lead>;

/**
 * The lead's response clock, for lists: the earliest timer nobody has answered yet (running, or
 * past due and recorded as breached by the sweep); null when nobody is waiting for an answer.
 */
export const LeadClock = z.object({
  kind: z.enum(['first_response', 'next_response']), startedAt: z.iso.datetime(), dueAt: z.iso.datetime(),
  breached: z.boolean().describe('the sweep has recorded this timer as breached'),
});
/** A lead as lists show it: with its contact's name and its response clock. */
export const LeadSummary = Lead.extend({ contactName: z.string().nullable(), clock: LeadClock.nullable() });
export type LeadSummary = z.infer<typeof LeadSummary>;

export const LeadNote = z.object({ id: Id, text: z.string(), createdAt: z.iso.datetime() });
export const LeadDetail = Lead.extend({
  score: LeadScore.nullable(),
  notes: z.array(LeadNote),
  timers: z.array(LeadTimer),
  breaches: z.array(LeadBreach),
});

const Tag = z.string().trim().min(1).max(50);
export const LeadPatch = z.object({
  stage: LeadStage.optional(),
  lostReason: z.string().trim().min(1).max(500).optional(),
  ownerId: Id.nullable().optional(),
  tags: z.array(Tag).max(50).optional(),
  fields: z.record(z.string().min(1).max(64), z.string().trim().max(1000)).optional(),
  source: z.object({ campaign: z.string().trim().max(200).nullable().optional(), referral: z.string().trim().max(200).nullable().optional() }).optional(),
}).refine((p) => p.stage !== 'lost' || p.lostReason, { message: 'a lost lead needs a reason', path: ['lostReason'] });
export type LeadPatch = z.infer<typeof LeadPatch>;

export const LeadQuery = z.object({
  stage: LeadStage.optional(),
  temperature: Temperature.optional(),
  owner: Id.optional(),
  contact: Id.optional().describe("the contact's lead (a contact has at most one)"),
  source: z.string().max(50).optional().describe('the channel of the first conversation (web, whatsapp, …)'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const LeadNoteIn = z.object({ text: z.string().trim().min(1).max(5000) });
export const LeadTimelineItem = z.object({
  id: z.number().int(), type: z.string(), subjectId: Id.nullable(), data: z.record(z.string(), z.unknown()), occurredAt: z.iso.datetime(),
});

/** A blueprint's lead settings: staff named by resource key; anything left out keeps the default. */
const ResourceKey = z.string().regex(/^[a-z0-9-]+$/);
export const BlueprintLeads = LeadSettings.omit({ routing: true, sla: true }).partial().extend({
  routing: z.object({ agentKeys: z.array(ResourceKey), capacity: z.number().int().min(1), takeOverMinutes: z.number().int().min(1) }).optional(),
  sla: LeadSettings.shape.sla.omit({ escalateTo: true }).extend({ escalateToKey: ResourceKey.nullable() }).optional(),
});
export type BlueprintLeads = z.infer<typeof BlueprintLeads>;
