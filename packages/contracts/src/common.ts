import { z } from 'zod';

export function isIanaTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

export const TimeZone = z.string().refine(isIanaTimeZone, { message: 'must be an IANA time zone such as America/Sao_Paulo' });
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as BRL');
export const Money = z.object({
  amount: z.number().int().min(0).max(1e12).describe('integer minor units: R$ 375,00 is 37500'),
  currency: CurrencyCode,
});
export const Id = z.uuid();
// ISO 8601 has a year 0000; PostgreSQL has none (1 BC precedes AD 1) and fails on it.
const notYearZero = { message: 'year 0000 is not a valid year' };
export const Instant = z.iso.datetime({ offset: true }).refine((v) => !v.startsWith('0000-'), notYearZero)
  .describe('RFC 3339 instant, e.g. 2026-12-01T11:00:00Z');
export const LocalDate = z.iso.date().refine((v) => !v.startsWith('0000-'), notYearZero);
export const WallTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be HH:MM (00:00–24:00)');
export const WallInterval = z.tuple([WallTime, WallTime]);
export const Locale = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a locale such as pt-BR');
export const Slug = z.string().min(2).max(63).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens');

export const ProblemFieldError = z.object({ path: z.string(), message: z.string() });
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  errors: z.array(ProblemFieldError).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
