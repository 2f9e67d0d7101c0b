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
  })).max(12).default([]).describe('asked one at a time (after the booking, or before offering times with qualifyBeforeOffering), never asked again once known'),
  qualifyBeforeOffering: z.boolean().default(false)
    .describe('ask the qualification questions before offering times (a sales call), instead of after the booking (a visit)'),
  handoff: z.object({
    afterMisunderstandings: z.number().int().min(1).max(10).default(2).describe('messages in a row the assistant did not understand'),
    unansweredQuestions: z.enum(['handoff', 'say_unknown']).default('handoff')
      .describe('a question nothing configured answers: pass to a person, or say so and carry on'),
    keywords: z.array(z.string().trim().min(2).max(60)).max(100).default([])
      .describe('words or phrases (any language, accents and case ignored) that always bring a person in, e.g. "complaint", "reclamação"'),
    intents: z.array(z.enum(['book', 'cancel', 'reschedule', 'ask_price'])).max(4).default([])
      .describe('requests this business wants a person to handle'),
  }).default({ afterMisunderstandings: 2, unansweredQuestions: 'handoff', keywords: [], intents: [] }),
  faq: z.array(z.object({
    id: z.string().regex(/^[a-z0-9-]+$/).max(50),
    lang: z.enum(['pt', 'es', 'en']),
    question: z.string().min(3).max(500),
    answer: z.string().min(1).max(2000),
    keywords: z.array(z.string().min(1).max(60)).max(30).default([]),
  })).max(500).default([]).describe('answers the assistant may give word for word; nothing else is made up'),
});
export type AssistantProfile = z.infer<typeof AssistantProfile>;
