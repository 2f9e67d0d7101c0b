import type { Database } from '../../platform/db/database';
import type { ZodApp } from '../../platform/http/server';
import type { AnalyticsPorts } from './ports';
import { analyticsRoutes } from './routes';
import { analyticsService } from './service';

export type { AnalyticsPorts } from './ports';

/**
 * Analytics: the home page's summary (today's bookings, this week's numbers) and the customers at
 * risk (domain/at-risk.ts: a regular — 3+ visits on different days — with nothing booked whose
 * days since the last visit exceed 1.5× the median gap between visits; or two or more no-shows or
 * cancellations in a row). Days are the tenant's calendar days.
 */
export function createAnalytics(db: Database, ports: AnalyticsPorts) {
  const service = analyticsService(db, ports);
  return { service, routes: (app: ZodApp) => analyticsRoutes(app, service) };
}
export type Analytics = ReturnType<typeof createAnalytics>;
