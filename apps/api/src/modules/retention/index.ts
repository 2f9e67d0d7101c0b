import type { Database } from '../../platform/db/database';
import type { ZodApp } from '../../platform/http/server';
import { retentionRoutes } from './routes';
import { retentionService } from './service';

/** Retention policies and their daily run (`sweep(tenantIds, now)`, every few minutes from the worker). */
export function createRetention(db: Database) {
  const service = retentionService(db);
  return { service, routes: (app: ZodApp) => retentionRoutes(app, service), sweep: service.sweep };
}
export type Retention = ReturnType<typeof createRetention>;
