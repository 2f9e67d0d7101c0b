import { z } from 'zod';
import { LocalDate, Money, WallInterval } from './common';
import { TenantCreate } from './accounts';
import { ResourceKind, Weekly } from './scheduling';
import { AssistantProfile } from './assistant';
import { LlmBudget } from './llm';
import { TicketSettings } from './tickets';
import { BlueprintLeads } from './leads';
import { BlueprintSequences } from './sequences';
import { BlueprintPrivacy } from './privacy';

/** A ready-made tenant: pure data that any tenant could configure through the API. Resources are named by key. */
const Key = z.string().regex(/^[a-z0-9-]+$/);

export const Blueprint = z.object({
  tenant: TenantCreate,
  description: z.string(),
  assistant: AssistantProfile.optional(),
  llm: LlmBudget.optional().describe('the daily budget that applies once the tenant points the assistant at an LLM'),
  leads: BlueprintLeads.optional().describe('lead scoring, routing and SLA settings (staff by resource key)'),
  tickets: TicketSettings.optional().describe('when the assistant opens support tickets, and the satisfaction question after a resolution'),
  sequences: BlueprintSequences.optional().describe('follow-up sequences (cold recovery) and their quiet hours'),
  privacy: BlueprintPrivacy.optional().describe('consent asked on first contact and how long each kind of data is kept'),
  holidays: z.array(z.object({ date: LocalDate, name: z.string() })),
  locations: z.array(z.object({ key: Key, name: z.string(), address: z.string().optional() })).min(1),
  resources: z.array(z.object({
    key: Key,
    name: z.string(),
    kind: ResourceKind,
    locationKey: Key,
    schedule: z.object({
      weekly: Weekly,
      overrides: z.array(z.object({ date: LocalDate, intervals: z.array(WallInterval) })).default([]),
    }),
  })).min(1),
  services: z.array(z.object({
    key: Key,
    name: z.string(),
    description: z.string().optional(),
    locationKey: Key,
    durationMinutes: z.number().int().positive(),
    bufferBeforeMinutes: z.number().int().min(0).default(0),
    bufferAfterMinutes: z.number().int().min(0).default(0),
    slotIntervalMinutes: z.number().int().positive().optional(),
    price: Money,
    deposit: Money.nullable().default(null),
    capacity: z.number().int().min(1).default(1),
    minNoticeMinutes: z.number().int().min(0).default(0),
    notSameDay: z.boolean().default(false),
    horizonDays: z.number().int().positive().default(90),
    cancellationWindowMinutes: z.number().int().min(0).default(0),
    requirements: z.array(z.object({ resourceKeys: z.array(Key).min(1), count: z.number().int().min(1) })).min(1),
  })).min(1),
});
export type Blueprint = z.infer<typeof Blueprint>;
