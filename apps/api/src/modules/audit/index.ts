import type { Database } from '../../platform/db/database';
import type { ZodApp } from '../../platform/http/server';
import { auditService } from './service';
import { auditChanges, auditRoutes } from './routes';

export type { AuditService, VerifyResult } from './service';

/** The audit trail: every change through the API, hash-chained and append-only. */
export function createAudit(db: Database, clock: { now(): number }, onError: (err: unknown) => void) {
  const service = auditService(db);
  return {
    service,
    /** Call before any route is registered: the hook records the changes of every route. */
    watch: (app: ZodApp) => auditChanges(app, service, clock, onError),
    routes: (app: ZodApp) => auditRoutes(app, service),
  };
}
export type Audit = ReturnType<typeof createAudit>;
