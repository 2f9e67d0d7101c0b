import { decryptField } from '../../../platform/crypto/fields';
import type { Queryable } from '../../../platform/db/database';
import type { RateCard, TokenUsage } from './spend';
import type { PastMessage } from './prompt';

export interface LlmSettingsRow {
  baseUrl: string | null;
  model: string | null;
  apiKey: string | null;
  timeoutMs: number | null;
  dailyCap: { amount: number; currency: string } | null;
  pricing: RateCard | null;
  enabled: boolean;
  updatedAt: Date;
}
export interface UsageRow { model: string; calls: number; promptTokens: number; completionTokens: number; cost: number; currency: string }

/* eslint-disable @typescript-eslint/no-explicit-any -- rows are mapped field by field right here */
const toSettings = (r: any): LlmSettingsRow => ({
  baseUrl: r.base_url, model: r.model, apiKey: r.api_key, timeoutMs: r.timeout_ms,
  dailyCap: r.daily_cap_amount === null ? null : { amount: Number(r.daily_cap_amount), currency: r.daily_cap_currency },
  pricing: r.pricing, enabled: r.enabled, updatedAt: r.updated_at,
});
const toUsage = (r: any): UsageRow => ({
  model: r.model, calls: r.calls, promptTokens: Number(r.prompt_tokens), completionTokens: Number(r.completion_tokens),
  cost: Number(r.cost), currency: r.currency,
});
/* eslint-enable @typescript-eslint/no-explicit-any */

export interface KeySealer { seal(value: unknown): string; open<T = unknown>(sealed: string): T }

/** The API key is stored sealed and opened only here, for the call that needs it. */
export function llmRepository(db: Queryable, secrets: KeySealer) {
  return {
    async settings(tenantId: string): Promise<LlmSettingsRow | undefined> {
      const [row] = await db.query(`SELECT * FROM llm_settings WHERE tenant_id=$1`, [tenantId], 'llm-settings');
      if (!row) return undefined;
      const settings = toSettings(row);
      return { ...settings, apiKey: settings.apiKey === null ? null : secrets.open<string>(settings.apiKey) };
    },
    async save(tenantId: string, s: Omit<LlmSettingsRow, 'updatedAt'>): Promise<void> {
      await db.query(
        `INSERT INTO llm_settings (tenant_id, base_url, model, api_key, timeout_ms, daily_cap_amount, daily_cap_currency, pricing, enabled)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
         ON CONFLICT (tenant_id) DO UPDATE SET base_url=$2, model=$3, api_key=$4, timeout_ms=$5, daily_cap_amount=$6,
           daily_cap_currency=$7, pricing=$8, enabled=$9, updated_at=now()`,
        [tenantId, s.baseUrl, s.model, s.apiKey === null ? null : secrets.seal(s.apiKey), s.timeoutMs, s.dailyCap?.amount ?? null, s.dailyCap?.currency ?? null,
          s.pricing ? JSON.stringify(s.pricing) : null, s.enabled]);
    },
    /** Adds one completion's tokens and cost to the tenant's day (its own statement, not the turn's transaction). */
    async addUsage(tenantId: string, day: string, model: string, usage: TokenUsage, cost: number, currency: string): Promise<void> {
      await db.query(
        `INSERT INTO llm_usage (tenant_id, day, model, calls, prompt_tokens, completion_tokens, cost, currency)
         VALUES ($1,$2,$3,1,$4,$5,$6,$7)
         ON CONFLICT (tenant_id, day, model) DO UPDATE SET calls = llm_usage.calls + 1,
           prompt_tokens = llm_usage.prompt_tokens + EXCLUDED.prompt_tokens,
           completion_tokens = llm_usage.completion_tokens + EXCLUDED.completion_tokens,
           cost = llm_usage.cost + EXCLUDED.cost, currency = EXCLUDED.currency`,
        [tenantId, day, model, usage.promptTokens, usage.completionTokens, cost, currency], 'llm-usage-add');
    },
    async usage(tenantId: string, day: string): Promise<UsageRow[]> {
      const rows = await db.query(`SELECT * FROM llm_usage WHERE tenant_id=$1 AND day=$2 ORDER BY model`, [tenantId, day], 'llm-usage-day');
      return rows.map(toUsage);
    },
    /** The conversation's last messages before the ones this turn reads. */
    async recentMessages(tenantId: string, conversationId: string, limit: number): Promise<PastMessage[]> {
      const rows = await db.query<{ direction: string; author: PastMessage['author']; text: string }>(
        `SELECT direction, author, text FROM messages WHERE tenant_id=$1 AND conversation_id=$2 ORDER BY seq DESC LIMIT $3`,
        [tenantId, conversationId, limit + 10], 'llm-recent-messages');
      // Newest first: the customer messages at the top are this turn's own (stored before it runs).
      const firstEarlier = rows.findIndex((r) => r.direction !== 'in');
      return (firstEarlier < 0 ? [] : rows.slice(firstEarlier)).slice(0, limit).reverse().map((r) => ({ author: r.author, text: decryptField(r.text) }));
    },
  };
}
