import type { Database } from '../../platform/db/database';
import type { ZodApp } from '../../platform/http/server';
import type { AnalyticsPorts } from './ports';
import { analyticsRoutes } from './routes';
import { analyticsService } from './service';

export type { AnalyticsPorts } from './ports';

/** Analytics: for now the home page's summary (today's bookings, this week's numbers). */
export function createAnalytics(db: Database, ports: AnalyticsPorts) {
  const service = analyticsService(db, ports);
  return { service, routes: (app: ZodApp) => analyticsRoutes(app, service) };
}
export type Analytics = ReturnType<typeof createAnalytics>;
