import type { LeadSettings, LeadStage } from '@frontdesk/contracts';
import type { Queryable } from '../../platform/db/database';
import { leadsRepository, type LeadRow } from './repository/leads';
import { timersRepository } from './repository/timers';
import { activityOf } from './domain/activity';
import { scoreLead } from './domain/scoring';
import { advance, isQualified, showsInterest } from './domain/stages';
import { route, type Agent } from './domain/routing';
import type { LeadsPorts } from './ports';

/** What one tenant's lead changes need to know, loaded before the lead is locked. */
export interface TenantLeadContext {
  tenantId: string;
  settings: LeadSettings;
  lastAgentId: string | null;
  questionKeys: string[];
  currency: string;
  locale: string;
  now: number;
}

/** Stage moves, score and routing of one lead after something happened to it. */
export function leadProgress(ports: LeadsPorts) {
  async function moveStage(tx: Queryable, ctx: TenantLeadContext, lead: LeadRow, to: LeadStage, reason: string | null,
    extra: { lostReason?: string | null } = {}): Promise<LeadRow> {
    const at = new Date(ctx.now);
    const moved = await leadsRepository(tx).update(ctx.tenantId, lead.id, { stage: to, lostReason: to === 'lost' ? extra.lostReason ?? null : null }, at);
    await ports.events.publish(tx, { tenantId: ctx.tenantId, type: 'lead.stage_changed', subjectId: lead.id, at,
      data: { from: lead.stage, to, ...(reason ? { reason } : {}) } });
    return moved;
  }
  /** An automatic move: forward only. */
  async function forward(tx: Queryable, ctx: TenantLeadContext, lead: LeadRow, to: LeadStage, reason: string): Promise<LeadRow> {
    const next = advance(lead.stage, to);
    return next ? moveStage(tx, ctx, lead, next, reason) : lead;
  }

  async function assign(tx: Queryable, ctx: TenantLeadContext, lead: LeadRow, conversationId: string | null): Promise<LeadRow> {
    const repo = leadsRepository(tx);
    const at = new Date(ctx.now);
    const { routing } = ctx.settings;
    const staff = await ports.staff(ctx.tenantId, routing.agents);
    const open = await repo.openByOwner(ctx.tenantId);
    const agents = new Map<string, Agent>(staff.map((s) => [s.id, { ...s, openLeads: open.get(s.id) ?? 0 }]));
    const decision = route({ temperature: 'hot', rotation: routing.agents, lastAssigned: ctx.lastAgentId, agents, capacity: routing.capacity, now: ctx.now });
    if (decision.route !== 'human') return lead;
    if (decision.agentId === null) {
      await ports.events.publish(tx, { tenantId: ctx.tenantId, type: 'lead.unassigned', subjectId: lead.id, at,
        data: { reason: routing.agents.length ? 'nobody is available' : 'no routing agents configured', unavailable: decision.unavailable } });
      return repo.update(ctx.tenantId, lead.id, { routing: 'human' }, at);
    }
    await repo.setLastAgent(ctx.tenantId, decision.agentId);
    ctx.lastAgentId = decision.agentId;
    const target = conversationId ?? (await repo.belongings(ctx.tenantId, lead.id)).conversationIds[0] ?? null;
    if (target) {
      await ports.takeOver(ctx.tenantId, target, routing.takeOverMinutes);
      await timersRepository(tx).personDue(ctx.tenantId, { conversationId: target, leadId: lead.id, at,
        dueAt: new Date(ctx.now + ctx.settings.sla.firstResponseMinutes.hot * 60_000) });
    }
    await ports.events.publish(tx, { tenantId: ctx.tenantId, type: 'lead.assigned', subjectId: lead.id, at,
      data: { ownerId: decision.agentId, conversationId: target, reason: 'hot lead' } });
    return repo.update(ctx.tenantId, lead.id, { ownerId: decision.agentId, routing: 'human' }, at);
  }

  async function autoStages(tx: Queryable, ctx: TenantLeadContext, lead: LeadRow, cameBack: boolean, booked: boolean): Promise<LeadRow> {
    if (cameBack) lead = await forward(tx, ctx, lead, 'engaged', 'the customer wrote again after a reply');
    else if (lead.intents.some(showsInterest)) lead = await forward(tx, ctx, lead, 'engaged', `the customer asked (${lead.intents.filter(showsInterest).join(', ')})`);
    if (isQualified(ctx.questionKeys, lead.fields)) lead = await forward(tx, ctx, lead, 'qualified', 'every qualification question is answered');
    if (booked) lead = await forward(tx, ctx, lead, 'booked', 'a booking was made');
    return lead;
  }

  /** Automatic stages (unless a person just chose the stage), a new score, and on a temperature change the routing that goes with it. */
  async function refresh(tx: Queryable, ctx: TenantLeadContext, lead: LeadRow, conversationId: string | null = null,
    options: { autoStages?: boolean } = {}): Promise<LeadRow> {
    const repo = leadsRepository(tx);
    const activity = activityOf(await repo.messages(ctx.tenantId, lead.id));
    const { bookingIds } = await repo.belongings(ctx.tenantId, lead.id);
    if (options.autoStages !== false) lead = await autoStages(tx, ctx, lead, activity.cameBack, bookingIds.length > 0);

    const score = scoreLead({ fields: lead.fields, intents: lead.intents, booked: bookingIds.length > 0,
      customerMessages: activity.customerMessages, medianReplySeconds: activity.medianReplySeconds },
    { settings: ctx.settings, currency: ctx.currency, locale: ctx.locale });
    const at = new Date(ctx.now);
    const from = lead.temperature;
    lead = await repo.update(ctx.tenantId, lead.id, { score, temperature: score.temperature }, at);
    if (from === score.temperature) return lead;
    await ports.events.publish(tx, { tenantId: ctx.tenantId, type: 'lead.temperature_changed', subjectId: lead.id, at,
      data: { from, to: score.temperature, score: score.value } });
    if (lead.ownerId) return repo.update(ctx.tenantId, lead.id, { routing: 'human' }, at);
    if (score.temperature === 'hot') return assign(tx, ctx, lead, conversationId);
    return repo.update(ctx.tenantId, lead.id, { routing: score.temperature === 'warm' ? 'assistant' : 'nurture' }, at);
  }

  return { refresh, moveStage, forward };
}
export type LeadProgress = ReturnType<typeof leadProgress>;
