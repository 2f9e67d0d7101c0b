import { DashboardSummary } from '@frontdesk/contracts';
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
}
