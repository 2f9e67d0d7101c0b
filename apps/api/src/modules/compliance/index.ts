import type { Database } from '../../platform/db/database';
import type { ZodApp } from '../../platform/http/server';
import type { EventBus } from '../../platform/events/bus';
import { complianceRoutes } from './routes';
import { complianceService } from './service';

export type { ComplianceService } from './service';

/**
 * Data protection: export of everything about a contact, and the erasure workflow. It reads and
 * rewrites the other modules' tables directly, by design: an erasure must change them all in one
 * transaction, and export and erasure must agree on what "the person's rows" are (scope.ts).
 */
export function createCompliance(db: Database, clock: { now(): number }, events: Pick<EventBus, 'subscribe'>, auditSettled?: () => Promise<void>) {
  const service = complianceService(db, clock, auditSettled);
  events.subscribe('compliance', ['privacy.erasure_requested'], async (event) => {
    if (event.subjectId) await service.requestFromConversation(event.tenantId, event.subjectId);
  });
  return { service, routes: (app: ZodApp) => complianceRoutes(app, service) };
}
export type Compliance = ReturnType<typeof createCompliance>;
