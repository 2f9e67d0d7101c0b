import { z } from 'zod';
import { Id, Locale, Slug, TimeZone, CurrencyCode } from './common';

export const TenantCreate = z.object({
  name: z.string().trim().min(1).max(200),
  slug: Slug,
  timeZone: TimeZone,
  locale: Locale,
  currency: CurrencyCode,
});
export type TenantCreate = z.infer<typeof TenantCreate>;

export const Tenant = TenantCreate.extend({ id: Id, createdAt: z.string() });
export type Tenant = z.infer<typeof Tenant>;

/**
 * What owners and managers may change about their business. Not the slug (links point at it) nor the
 * currency (every service's price is in it). A new zone moves no booking: they are instants in UTC.
 */
export const TenantUpdate = z.object({ name: TenantCreate.shape.name, timeZone: TimeZone, locale: Locale })
  .partial().strict();
export type TenantUpdate = z.infer<typeof TenantUpdate>;

export const ApiKeyCreate = z.object({ name: z.string().trim().min(1).max(100).default('api key') });
export const ApiKeyIssued = z.object({
  id: Id,
  name: z.string(),
  prefix: z.string(),
  key: z.string().describe('shown once; store it now'),
  createdAt: z.string(),
});
export type ApiKeyIssued = z.infer<typeof ApiKeyIssued>;

export const TenantCreated = z.object({ tenant: Tenant, apiKey: ApiKeyIssued });

export const LocationCreate = z.object({
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().max(500).optional(),
  timeZone: TimeZone.optional(),
});
export const Location = z.object({
  id: Id,
  name: z.string(),
  address: z.string().nullable(),
  timeZone: z.string(),
  createdAt: z.string(),
});
export type Location = z.infer<typeof Location>;
export const LocationUpdate = z.object({
  name: LocationCreate.shape.name,
  address: z.string().trim().max(500).nullable(),
  timeZone: TimeZone,
}).partial().strict();
export type LocationUpdate = z.infer<typeof LocationUpdate>;
