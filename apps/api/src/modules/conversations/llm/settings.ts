import type { LlmBudget, LlmSettings, LlmSettingsIn, LlmUsage } from '@frontdesk/contracts';
import { validationError } from '../../../shared/errors';
import { localDate } from '../../../shared/time/zone';
import type { Database } from '../../../platform/db/database';
import type { AssistantPorts } from '../ports';
import { llmRepository, type KeySealer, type LlmSettingsRow } from './repository';
import { capReached, rateCardFor } from './spend';

const NOTHING: Omit<LlmSettingsRow, 'updatedAt'> = {
  baseUrl: null, model: null, apiKey: null, timeoutMs: null, dailyCap: null, pricing: null, enabled: false,
};

/** A tenant's LLM endpoint, budget and spend. The key goes in and is never given back. */
export function llmSettingsService(
  db: Database, ports: AssistantPorts, defaultTimeoutMs: number, changed: (tenantId: string) => void, secrets: KeySealer,
) {
  const repo = llmRepository(db, secrets);
  const present = (row: LlmSettingsRow | undefined): LlmSettings => ({
    configured: Boolean(row?.baseUrl && row.model), enabled: Boolean(row?.enabled), baseUrl: row?.baseUrl ?? null, model: row?.model ?? null,
    hasApiKey: Boolean(row?.apiKey), timeoutMs: row?.timeoutMs ?? defaultTimeoutMs, dailyCap: row?.dailyCap ?? null,
    pricing: row?.pricing ?? null, updatedAt: row?.updatedAt.toISOString() ?? null,
  });
  const get = async (tenantId: string) => present(await repo.settings(tenantId));

  return {
    get,
    /**
     * Points the assistant at an endpoint. An omitted key is kept only for the same base URL (a
     * key is never sent to a host it was not given for); an omitted cap is kept.
     */
    async put(tenantId: string, body: LlmSettingsIn): Promise<LlmSettings> {
      const current = await repo.settings(tenantId);
      const sameHost = current?.baseUrl === body.baseUrl;
      const apiKey = body.apiKey === undefined ? (sameHost ? current?.apiKey ?? null : null) : body.apiKey;
      const dailyCap = body.dailyCap === undefined ? current?.dailyCap ?? null : body.dailyCap;
      const pricing = body.pricing ?? null;
      if (dailyCap && !rateCardFor(body.model, pricing, dailyCap.currency)) {
        throw validationError([{ path: 'pricing', message: `the daily cap needs the price of ${body.model} in ${dailyCap.currency}` }]);
      }
      await repo.save(tenantId, { baseUrl: body.baseUrl, model: body.model, apiKey, timeoutMs: body.timeoutMs ?? null, dailyCap, pricing, enabled: body.enabled });
      changed(tenantId);
      return get(tenantId);
    },
    /** Forgets the endpoint and its key; the budget stays for the next one. */
    async remove(tenantId: string): Promise<void> {
      const current = await repo.settings(tenantId);
      if (current) await repo.save(tenantId, { ...NOTHING, dailyCap: current.dailyCap });
      changed(tenantId);
    },
    async saveBudget(tenantId: string, budget: LlmBudget): Promise<void> {
      const current = await repo.settings(tenantId);
      await repo.save(tenantId, { ...(current ?? NOTHING), dailyCap: budget.dailyCap });
    },
    /** A day's spend (today in the tenant's zone by default), per model. */
    async usage(tenantId: string, day?: string): Promise<LlmUsage> {
      const [tenant, settings] = await Promise.all([ports.tenants.tenant(tenantId), repo.settings(tenantId)]);
      const date = day ?? localDate(ports.clock.now(), tenant.timeZone);
      const rows = await repo.usage(tenantId, date);
      const cost = rows.reduce((sum, r) => sum + r.cost, 0);
      const dailyCap = settings?.dailyCap ?? null;
      return {
        day: date, currency: dailyCap?.currency ?? rows[0]?.currency ?? tenant.currency, cost, dailyCap, capReached: capReached(cost, dailyCap),
        models: rows.map(({ currency: _currency, ...r }) => r),
      };
    },
  };
}
export type LlmSettingsService = ReturnType<typeof llmSettingsService>;
