import { z } from 'zod';
import { CurrencyCode, LocalDate, Money } from './common';

const perMillion = z.number().min(0).max(1e9).describe('minor units of the cap currency (cents) per million tokens, e.g. 15 for $0.15');

/** What one million tokens cost, in the daily cap's currency. */
export const LlmPricing = z.object({ inputPerMillion: perMillion, outputPerMillion: perMillion });
export type LlmPricing = z.infer<typeof LlmPricing>;

/** A business's budget for the optional LLM; blueprints carry one (Kumon: R$ 3 a day). */
export const LlmBudget = z.object({ dailyCap: Money.describe('spend per day in the tenant time zone; at the cap the embedded engine answers') });
export type LlmBudget = z.infer<typeof LlmBudget>;

const HttpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:11434/v1' }).max(500);

export const LlmSettingsIn = z.object({
  baseUrl: HttpUrl.describe('an OpenAI-compatible API: https://api.openai.com/v1, http://127.0.0.1:11434/v1 (Ollama), a vLLM or llama.cpp server'),
  model: z.string().trim().min(1).max(200),
  apiKey: z.string().min(1).max(1000).nullable().optional()
    .describe('write-only: sent as Authorization: Bearer; omit to keep the stored key, null to remove it'),
  timeoutMs: z.number().int().min(100).max(30_000).optional().describe('per completion; the turn holds its conversation locked while waiting'),
  dailyCap: Money.nullable().optional().describe('omit to keep the current cap (a blueprint may set one), null for none'),
  pricing: LlmPricing.nullable().optional().describe("omit to keep, null to use the model's known list price (USD caps only)"),
  enabled: z.boolean().default(true),
});
export type LlmSettingsIn = z.infer<typeof LlmSettingsIn>;

export const LlmSettings = z.object({
  configured: z.boolean().describe('an endpoint is set'),
  enabled: z.boolean(),
  baseUrl: z.string().nullable(),
  model: z.string().nullable(),
  hasApiKey: z.boolean().describe('the key itself is never returned'),
  timeoutMs: z.number().int(),
  dailyCap: Money.nullable(),
  pricing: LlmPricing.nullable(),
  updatedAt: z.string().nullable(),
});
export type LlmSettings = z.infer<typeof LlmSettings>;

export const LlmUsageQuery = z.object({ day: LocalDate.optional().describe('YYYY-MM-DD in the tenant time zone; today when omitted') });

export const LlmUsage = z.object({
  day: LocalDate,
  currency: CurrencyCode,
  cost: z.number().describe('minor units, may be fractional'),
  dailyCap: Money.nullable(),
  capReached: z.boolean(),
  models: z.array(z.object({
    model: z.string(), calls: z.number().int(), promptTokens: z.number().int(), completionTokens: z.number().int(), cost: z.number(),
  })),
});
export type LlmUsage = z.infer<typeof LlmUsage>;
