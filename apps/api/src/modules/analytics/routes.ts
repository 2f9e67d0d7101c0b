import { AtRiskList, DashboardSummary } from '@frontdesk/contracts';
import type { ZodApp } from '../../platform/http/server';
import { requireTenant } from '../../platform/auth/bearer';
import type { AnalyticsService } from './service';

export function analyticsRoutes(app: ZodApp, analytics: AnalyticsService): void {
  app.get('/v1/dashboard/summary', {
    schema: {
      tags: ['dashboard'], response: { 200: DashboardSummary },
      summary: "The home page: today's bookings and this week's numbers (Monday to Sunday) in the tenant's time zone",
    },
  }, async (req) => analytics.summary(requireTenant(req)));
  app.get('/v1/customers/at-risk', {
    schema: {
      tags: ['contacts'], response: { 200: AtRiskList },
      summary: 'Customers at risk of not coming back: regulars overdue by 1.5× their usual interval with nothing booked, or two no-shows/cancellations in a row',
    },
  }, async (req) => analytics.atRisk(requireTenant(req)));
}
