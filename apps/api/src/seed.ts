import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Blueprint, type BlueprintLeads, type LeadSettings } from '@frontdesk/contracts';
import type { AppParts } from './compose';
import { withLeadDefaults } from './modules/leads';

export const blueprintsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../blueprints');

export function blueprintNames(): string[] {
  return fs.readdirSync(blueprintsDir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
}

export function readBlueprint(name: string): Blueprint {
  const file = path.join(blueprintsDir, `${name}.json`);
  if (!fs.existsSync(file)) throw new Error(`No blueprint "${name}". Known: ${blueprintNames().join(', ')}`);
  return Blueprint.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/**
 * Creates a blueprint's tenant through the same services the API uses. A tenant whose seeding
 * was cut short (marked pending) is removed and seeded again.
 */
export async function seedBlueprint(parts: Pick<AppParts, 'accounts' | 'scheduling' | 'conversations' | 'tickets' | 'leads' | 'sequences' | 'contacts' | 'retention' | 'db'>, name: string)
  : Promise<{ created: boolean; slug: string; apiKey?: string }> {
  const bp = readBlueprint(name);
  const { accounts, scheduling, db } = parts;
  const existing = await db.query<{ blueprint: string | null }>(`SELECT blueprint FROM tenants WHERE slug = $1`, [bp.tenant.slug]);
  if (existing[0] && existing[0].blueprint !== `${name}:pending`) return { created: false, slug: bp.tenant.slug };
  if (existing[0]) await db.query(`DELETE FROM tenants WHERE slug = $1`, [bp.tenant.slug]);

  const { tenant, apiKey } = await accounts.createTenant(bp.tenant, `${name}:pending`);
  const locations = new Map<string, string>();
  for (const l of bp.locations) locations.set(l.key, (await accounts.createLocation(tenant.id, l)).id);
  const resources = new Map<string, string>();
  for (const r of bp.resources) {
    const created = await scheduling.catalogue.createResource(tenant.id, {
      name: r.name, kind: r.kind, timeZone: tenant.timeZone, locationId: locations.get(r.locationKey), active: true,
    });
    await scheduling.catalogue.setSchedule(tenant.id, created.id, { timeZone: tenant.timeZone, ...r.schedule });
    resources.set(r.key, created.id);
  }
  await scheduling.catalogue.replaceHolidays(tenant.id, { holidays: bp.holidays });
  for (const { key: _key, locationKey, requirements, ...s } of bp.services) {
    await scheduling.catalogue.createService(tenant.id, {
      ...s,
      locationId: locations.get(locationKey),
      requirements: requirements.map((g) => ({ count: g.count, resourceIds: g.resourceKeys.map((k) => resources.get(k)!) })),
      active: true,
    });
  }
  if (bp.assistant) await parts.conversations.service.saveProfile(tenant.id, bp.assistant);
  if (bp.llm) await parts.conversations.llm.saveBudget(tenant.id, bp.llm);
  if (bp.tickets) await parts.tickets.service.saveSettings(tenant.id, bp.tickets);
  if (bp.leads) await parts.leads.service.saveSettings(tenant.id, leadSettingsOf(bp.leads, resources));
  if (bp.sequences?.settings) await parts.sequences.service.saveSettings(tenant.id, bp.sequences.settings);
  for (const s of bp.sequences?.sequences ?? []) await parts.sequences.service.create(tenant.id, s);
  if (bp.privacy?.consent) await parts.contacts.saveConsentSettings(tenant.id, bp.privacy.consent);
  if (bp.privacy?.retention) await parts.retention.service.saveSettings(tenant.id, bp.privacy.retention);
  await db.query(`UPDATE tenants SET blueprint = $2 WHERE id = $1`, [tenant.id, name]);
  return { created: true, slug: tenant.slug, apiKey: apiKey.key };
}

/** A blueprint's lead settings with its staff keys turned into the resources just created. */
function leadSettingsOf(leads: BlueprintLeads, resources: Map<string, string>): LeadSettings {
  const { routing, sla, ...rest } = leads;
  const staff = (key: string) => {
    const id = resources.get(key);
    if (!id) throw new Error(`The blueprint's lead settings name an unknown resource "${key}"`);
    return id;
  };
  return withLeadDefaults({
    ...rest,
    ...(routing ? { routing: { capacity: routing.capacity, takeOverMinutes: routing.takeOverMinutes, agents: routing.agentKeys.map(staff) } } : {}),
    ...(sla ? { sla: { firstResponseMinutes: sla.firstResponseMinutes, nextResponseMinutes: sla.nextResponseMinutes,
      leakageAfterMinutes: sla.leakageAfterMinutes, escalateTo: sla.escalateToKey ? staff(sla.escalateToKey) : null } } : {}),
  });
}
