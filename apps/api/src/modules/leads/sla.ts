import type { Database, Queryable } from '../../platform/db/database';
import { timersRepository } from './repository/timers';
import type { LeadRow } from './repository/leads';
import type { TenantLeadContext } from './progress';
import type { LeadsPorts } from './ports';

const MINUTE = 60_000;

/**
 * Response SLAs per temperature and lead leakage. A timer starts when the customer writes and
 * nobody has answered since; a reply stops it (only a person's for HOT or assigned leads). The
 * timers run on the app clock, from when this module sees the message (as the sweep does); the
 * sweep turns overdue timers into breaches (escalated to the tenant's manager) and long
 * silences into one leakage alert each.
 */
export function slaTimers(db: Database, ports: LeadsPorts, context: (tenantId: string) => Promise<TenantLeadContext>) {
  async function onMessage(tx: Queryable, ctx: TenantLeadContext, lead: LeadRow, m: { conversationId: string; author: string; eventId: number }): Promise<void> {
    const { conversationId, eventId } = m;
    const at = new Date(ctx.now);
    const timers = timersRepository(tx);
    if (m.author !== 'customer') return timers.weReplied(ctx.tenantId, { conversationId, leadId: lead.id, byStaff: m.author === 'staff', at, eventId });
    const temperature = lead.temperature ?? 'cold';
    const first = !(await timers.hasTimer(ctx.tenantId, lead.id));
    const minutes = ctx.settings.sla[first ? 'firstResponseMinutes' : 'nextResponseMinutes'][temperature];
    await timers.customerWrote(ctx.tenantId, {
      conversationId, leadId: lead.id, at, eventId, dueAt: new Date(at.getTime() + minutes * MINUTE), staffOnly: temperature === 'hot' || !!lead.ownerId,
    });
    // A reply handled before this message (before its lead existed, it was dropped) still answers it.
    const reply = await timers.replyAfter(ctx.tenantId, conversationId, eventId);
    if (reply) await timers.weReplied(ctx.tenantId, { conversationId, leadId: lead.id, byStaff: reply.byStaff, at, eventId: reply.eventId });
  }

  async function sweepTenant(tenantId: string, now: number): Promise<void> {
    const ctx = await context(tenantId);
    const { escalateTo, leakageAfterMinutes } = ctx.settings.sla;
    await db.transaction(async (tx) => {
      const timers = timersRepository(tx);
      for (const t of await timers.overdue(tenantId, new Date(now))) {
        const breachId = await timers.addBreach(tenantId, { leadId: t.leadId, kind: t.kind, startedAt: t.startedAt, breachedAt: t.dueAt,
          escalatedTo: escalateTo, conversationId: t.conversationId });
        const data = { breachId, kind: t.kind, conversationId: t.conversationId, startedAt: t.startedAt.toISOString(), dueAt: t.dueAt.toISOString() };
        await ports.events.publish(tx, { tenantId, type: 'sla.breached', subjectId: t.leadId, at: t.dueAt, data });
        if (escalateTo) {
          await ports.events.publish(tx, { tenantId, type: 'sla.escalated', subjectId: t.leadId, at: new Date(now), data: { ...data, to: escalateTo } });
        }
      }
      for (const s of await timers.silent(tenantId, new Date(now - leakageAfterMinutes * MINUTE), new Date(now))) {
        const breachId = await timers.addBreach(tenantId, { leadId: s.leadId, kind: 'leakage', startedAt: s.waitingSince, breachedAt: new Date(now),
          escalatedTo: null, conversationId: s.conversationId });
        await ports.events.publish(tx, { tenantId, type: 'lead.leakage', subjectId: s.leadId, at: new Date(now), data: {
          breachId, conversationId: s.conversationId, waitingSince: s.waitingSince.toISOString(), minutes: Math.round((now - s.waitingSince.getTime()) / MINUTE),
        } });
      }
    });
  }

  return {
    onMessage,
    /** Breaches and leakage up to `now` for every tenant (the worker runs it every 30 s with the app clock). */
    async sweep(tenantIds: string[], now: number): Promise<void> {
      for (const tenantId of tenantIds) await sweepTenant(tenantId, now);
    },
    running: (tenantId: string, leadId: string) => timersRepository(db).running(tenantId, leadId),
    breaches: (tenantId: string, leadId: string) => timersRepository(db).breaches(tenantId, leadId),
    clocks: (tenantId: string, leadIds: string[]) => timersRepository(db).clocks(tenantId, leadIds),
    breachedConversations: (tenantId: string) => timersRepository(db).breachedConversations(tenantId),
  };
}
export type SlaTimers = ReturnType<typeof slaTimers>;
