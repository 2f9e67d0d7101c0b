import type { Database } from '../../platform/db/database';
import { leadsRepository } from './repository/leads';
import { withDefaults } from './domain/defaults';
import type { TenantLeadContext } from './progress';
import type { LeadsPorts } from './ports';

/** A tenant's lead settings (over the defaults) and what else a lead change needs to know. */
export function leadContext(db: Database, ports: LeadsPorts) {
  async function settingsOf(tenantId: string) {
    const saved = await leadsRepository(db).settings(tenantId);
    return { settings: withDefaults(saved?.settings ?? {}), lastAgentId: saved?.lastAgentId ?? null };
  }
  async function context(tenantId: string): Promise<TenantLeadContext> {
    const [{ settings, lastAgentId }, questionKeys, tenant] = await Promise.all([settingsOf(tenantId), ports.qualificationKeys(tenantId), ports.tenant(tenantId)]);
    return { tenantId, settings, lastAgentId, questionKeys, currency: tenant.currency, locale: tenant.locale, now: ports.clock.now() };
  }
  return { settingsOf, context };
}
