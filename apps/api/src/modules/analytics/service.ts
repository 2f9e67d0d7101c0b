import type { DashboardSummary } from '@frontdesk/contracts';
import type { Database } from '../../platform/db/database';
import { isoInstant } from '../../shared/time/iso';
import { homeWindows, type LocalDays } from './domain/week';
import type { AnalyticsPorts } from './ports';
import { analyticsRepository, type WeekCounts } from './repository';

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
  };
}
export type AnalyticsService = ReturnType<typeof analyticsService>;
