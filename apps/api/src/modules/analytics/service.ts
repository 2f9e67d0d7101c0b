import type { AtRiskCustomer, AtRiskList, DashboardSummary } from '@frontdesk/contracts';
import type { Database } from '../../platform/db/database';
import { isoInstant } from '../../shared/time/iso';
import { homeWindows, type LocalDays } from './domain/week';
import { atRiskOf, type AtRisk } from './domain/at-risk';
import type { AnalyticsPorts } from './ports';
import { analyticsRepository, type ContactVisit, type WeekCounts } from './repository';

/** How far back visits are read for the at-risk rule (a yearly customer still has a usual interval). */
const AT_RISK_LOOKBACK_MS = 3 * 365 * 86_400_000;

const span = (days: LocalDays) => ({ from: days.from, to: days.to, start: isoInstant(days.start), end: isoInstant(days.end) });

/** The tenant's currency first, present even at zero; any other currency booked this week after it. */
function revenueIn(currency: string, revenue: WeekCounts['revenue']): WeekCounts['revenue'] {
  return [{ amount: revenue.find((r) => r.currency === currency)?.amount ?? 0, currency }, ...revenue.filter((r) => r.currency !== currency)];
}

export function analyticsService(db: Database, ports: AnalyticsPorts) {
  return {
    /** The home page: today's bookings and this week's numbers, in the tenant's zone. */
    async summary(tenantId: string): Promise<DashboardSummary> {
      const tenant = await ports.tenant(tenantId);
      const { today, week } = homeWindows(ports.clock.now(), tenant.timeZone);
      const [bookings, services, counts] = await Promise.all([
        ports.bookings(tenantId, isoInstant(today.start), isoInstant(today.end)),
        ports.services(tenantId),
        analyticsRepository(db).weekCounts(tenantId, new Date(week.start), new Date(week.end)),
      ]);
      const resources = await ports.resources(tenantId, [...new Set(bookings.flatMap((b) => b.resourceIds))]);
      const serviceName = new Map(services.map((s) => [s.id, s.name]));
      const resourceName = new Map(resources.map((r) => [r.id, r.name]));
      return {
        timeZone: tenant.timeZone,
        today: {
          ...span(today),
          bookings: bookings.map((b) => ({
            id: b.id, start: b.start, end: b.end, status: b.status, customerName: b.customer.name,
            service: { id: b.serviceId, name: serviceName.get(b.serviceId) ?? '' },
            resources: b.resourceIds.map((id) => ({ id, name: resourceName.get(id) ?? '' })),
          })),
        },
        week: { ...span(week), ...counts, revenue: revenueIn(tenant.currency, counts.revenue) },
      };
    },
    /** Customers at risk of not coming back (domain/at-risk.ts), most recently at risk first. */
    async atRisk(tenantId: string): Promise<AtRiskList> {
      const tenant = await ports.tenant(tenantId);
      const now = ports.clock.now();
      const visits = await analyticsRepository(db).contactVisits(tenantId, new Date(now - AT_RISK_LOOKBACK_MS));
      const flagged = [...groupBy(visits)].flatMap(([contactId, own]) => {
        const risk = atRiskOf(own, now, tenant.timeZone);
        return risk ? [{ contactId, risk }] : [];
      });
      const names = await ports.contactNames(tenantId, flagged.map((f) => f.contactId));
      const items = flagged.map(({ contactId, risk }) => present(contactId, names.get(contactId) ?? null, risk))
        .sort((a, b) => b.since.localeCompare(a.since) || a.contactId.localeCompare(b.contactId));
      return { timeZone: tenant.timeZone, items };
    },
  };
}
export type AnalyticsService = ReturnType<typeof analyticsService>;

function groupBy(visits: ContactVisit[]): Map<string, ContactVisit[]> {
  const byContact = new Map<string, ContactVisit[]>();
  for (const v of visits) byContact.set(v.contactId, [...(byContact.get(v.contactId) ?? []), v]);
  return byContact;
}

function present(contactId: string, name: string | null, risk: AtRisk): AtRiskCustomer {
  const none = { lastVisit: null, visits: null, usualIntervalDays: null, daysSince: null, missedInARow: null };
  return { contactId, name, ...none, ...risk };
}
