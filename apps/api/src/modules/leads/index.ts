import type { Database } from '../../platform/db/database';
import type { ZodApp } from '../../platform/http/server';
import type { EventHandler } from '../../platform/events/bus';
import type { LeadsPorts } from './ports';
import { leadProgress } from './progress';
import { leadContext } from './context';
import { leadsService } from './service';
import { slaTimers } from './sla';
import { leadTracker, TRACKED_EVENTS } from './tracker';
import { leadRoutes } from './routes';

export type { LeadsPorts } from './ports';
export type { LeadsService } from './service';
export type { Agent } from './domain/routing';
export { withDefaults as withLeadDefaults } from './domain/defaults';

/** Leads: one per contact, staged, scored, routed and timed from conversation and booking events. */
export function createLeads(db: Database, ports: LeadsPorts) {
  const progress = leadProgress(ports);
  const { context } = leadContext(db, ports);
  const sla = slaTimers(db, ports, context);
  const service = leadsService(db, ports, progress, sla);
  const onEvent = leadTracker(db, ports, progress, sla, context);
  return {
    service,
    /** The events leads follow (subscribe at composition time). */
    subscription: { consumer: 'leads', types: TRACKED_EVENTS, handler: onEvent as EventHandler },
    /** SLA breaches and leakage alerts up to `now` (the worker's 30-second sweep, or a test). */
    sweep: (tenantIds: string[], now: number) => sla.sweep(tenantIds, now),
    routes: (app: ZodApp) => leadRoutes(app, service),
  };
}
export type Leads = ReturnType<typeof createLeads>;
