import { z } from 'zod';

const Localized = z.object({ pt: z.string().min(1).max(500).optional(), es: z.string().min(1).max(500).optional(), en: z.string().min(1).max(500).optional() })
  .refine((v) => v.pt || v.es || v.en, { message: 'give at least one of pt, es, en' });

/** What the assistant knows beyond the bookable catalogue; any tenant can set it. */
export const AssistantProfile = z.object({
  greeting: Localized.optional(),
  subjects: z.array(z.object({
    id: z.string().regex(/^[a-z0-9-]+$/).max(50),
    name: z.string().min(1).max(100),
    synonyms: z.array(z.string().min(1).max(100)).max(20).default([]),
  })).max(50).default([]),
  priceList: z.array(z.object({
    id: z.string().regex(/^[a-z0-9-]+$/).max(50),
    name: Localized,
    amount: z.number().int().min(0).max(1e12).describe('integer minor units in the tenant currency'),
    period: z.enum(['once', 'month', 'session']),
    perSubject: z.boolean().default(false).describe('multiplied by the number of subjects in a quote'),
  })).max(50).default([]),
  qualification: z.array(z.object({
    key: z.string().regex(/^[a-z0-9_]+$/).max(50),
    kind: z.enum(['name', 'phone', 'email', 'age', 'school_year', 'subjects', 'text']),
    ask: Localized,
    bookingName: z.boolean().default(false).describe('this answer is the name the booking is made in'),
  })).max(12).default([]).describe('asked one at a time before offering times, never asked again once known'),
  faq: z.array(z.object({
    id: z.string().regex(/^[a-z0-9-]+$/).max(50),
    lang: z.enum(['pt', 'es', 'en']),
    question: z.string().min(3).max(500),
    answer: z.string().min(1).max(2000),
    keywords: z.array(z.string().min(1).max(60)).max(30).default([]),
  })).max(500).default([]).describe('answers the assistant may give word for word; nothing else is made up'),
});
export type AssistantProfile = z.infer<typeof AssistantProfile>;
