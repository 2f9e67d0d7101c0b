import type { BookingPageProfile } from '@frontdesk/contracts';
import { consentText, langOfLocale, type Lang } from '../domain/consent';
import { noticeMinutes } from '../domain/policy';
import type { BookingPagePorts } from '../ports';
import type { PageContext } from './context';

/** What the page shows first: the business, where, what can be booked with whom, consent and the change policy. */
export function profileService(ports: BookingPagePorts, page: PageContext) {
  const { scheduling } = ports;
  return async function profile(slug: string, wanted: Lang | undefined): Promise<BookingPageProfile> {
    const tenant = await page.openTenant(slug);
    const [services, resources, locations, settings, consent] = await Promise.all([
      scheduling.catalogue.services(tenant.id), scheduling.catalogue.resources(tenant.id),
      ports.tenants.listLocations(tenant.id), page.repo.settings(tenant.id), ports.contacts.consentSettings(tenant.id),
    ]);
    const active = new Map(resources.filter((r) => r.active).map((r) => [r.id, r]));
    const businessLang = langOfLocale(tenant.locale);
    const shown = consentText(consent, wanted ?? businessLang, businessLang);
    return {
      business: { slug: tenant.slug, name: tenant.name, locale: tenant.locale, timeZone: tenant.timeZone, currency: tenant.currency },
      locations: locations.map((l) => ({ id: l.id, name: l.name, address: l.address, timeZone: l.timeZone })),
      services: services.filter((s) => s.active).map((s) => ({
        id: s.id, name: s.name, description: s.description, durationMinutes: s.durationMinutes, price: s.price, deposit: s.deposit,
        locationId: s.locationId,
        resources: [...new Set(s.requirements.flatMap((g) => g.resourceIds))].flatMap((id) => {
          const r = active.get(id);
          return r ? [{ id: r.id, name: r.name, kind: r.kind }] : [];
        }),
        changeNoticeMinutes: noticeMinutes(s.cancellationWindowMinutes, settings.changeNoticeMinutes),
      })),
      consent: { required: consent.required, purposes: consent.purposes, lang: shown.lang, text: shown.text },
      policy: { changeNoticeMinutes: settings.changeNoticeMinutes },
    };
  };
}
