import type { AssistantProfile } from '@frontdesk/contracts';
import type { PolicyContext } from './domain/policy/types';
import { buildKnowledge, type Knowledge } from './domain/policy/knowledge';
import type { CatalogueEntry } from './domain/nlu/types';
import type { AssistantPorts } from './ports';

type Day = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Opening hours shown to customers: per weekday, the union of every active resource's hours. */
function openingHours(schedules: { weekly: Partial<Record<string, [string, string][]>> }[]): PolicyContext['hours'] {
  const days: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  return Object.fromEntries(days.flatMap((day) => {
    const intervals = schedules.flatMap((s) => s.weekly[day] ?? []).sort((a, b) => a[0].localeCompare(b[0]));
    const merged: [string, string][] = [];
    for (const [from, to] of intervals) {
      const last = merged[merged.length - 1];
      if (last && from <= last[1]) last[1] = to > last[1] ? to : last[1];
      else merged.push([from, to]);
    }
    return merged.length ? [[day, merged]] : [];
  }));
}

export interface TenantAssistantContext {
  policy: Omit<PolicyContext, 'now'>;
  knowledge: Knowledge;
  services: CatalogueEntry[];
  staff: CatalogueEntry[];
  subjects: CatalogueEntry[];
}

/** What the assistant knows about a business: catalogue, staff, hours and place. */
export async function loadAssistantContext(
  ports: AssistantPorts, tenantId: string, loadProfile: () => Promise<AssistantProfile | undefined>,
): Promise<TenantAssistantContext> {
  const [tenant, services, resources, locations, profile, consent] = await Promise.all([
    ports.tenants.tenant(tenantId), ports.scheduling.catalogue.services(tenantId),
    ports.scheduling.catalogue.resources(tenantId), ports.tenants.listLocations(tenantId), loadProfile(), ports.contacts.consentSettings(tenantId),
  ]);
  const active = services.filter((s) => s.active);
  const staff = resources.filter((r) => r.active && r.kind === 'staff');
  const location = locations[0];
  return {
    policy: {
      tenantName: tenant.name, locale: tenant.locale, timeZone: tenant.timeZone,
      services: active.map((s) => ({ id: s.id, name: s.name, durationMinutes: s.durationMinutes, price: s.price })),
      staff: staff.map((r) => ({ id: r.id, name: r.name })),
      hours: openingHours(resources.filter((r) => r.active).map((r) => r.schedule)),
      ...(location ? { location: { name: location.name, ...(location.address ? { address: location.address } : {}) } } : {}),
      ...(profile?.greeting ? { greeting: profile.greeting } : {}),
      currency: tenant.currency,
      priceList: profile?.priceList ?? [],
      qualification: profile?.qualification ?? [],
      qualifyBeforeOffering: profile?.qualifyBeforeOffering ?? false,
      ...(profile?.handoff ? { handoff: profile.handoff } : {}),
      ...(consent.required ? { consent: { purposes: consent.purposes, text: consent.texts } } : {}),
    },
    subjects: (profile?.subjects ?? []).map((s) => ({ id: s.id, name: s.name, synonyms: s.synonyms })),
    knowledge: buildKnowledge(profile?.faq ?? []),
    services: active.map((s) => ({ id: s.id, name: s.name })),
    staff: staff.map((r) => ({ id: r.id, name: r.name })),
  };
}
