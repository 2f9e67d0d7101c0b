import type { Database, Queryable } from '../../platform/db/database';
import type { DomainEvent } from '../../platform/events/bus';
import { leadsRepository, type LeadRow } from './repository/leads';
import { furthest } from './domain/stages';
import type { LeadProgress, TenantLeadContext } from './progress';
import type { LeadsPorts } from './ports';
import type { SlaTimers } from './sla';

export const TRACKED_EVENTS = ['message.received', 'message.sent', 'conversation.turn', 'booking.created', 'booking.status_changed'];

/** Follows conversations and bookings: creates a lead on a customer's first message and keeps it up to date. */
export function leadTracker(db: Database, ports: LeadsPorts, progress: LeadProgress, sla: SlaTimers,
  context: (tenantId: string) => Promise<TenantLeadContext>) {
  /**
   * The lead of a contact speaking in a conversation. A conversation whose contact changed (an
   * anonymous chat turned out to be someone we know, or staff merged two contacts) takes its
   * lead along: to the new contact, or into that contact's lead when they already have one.
   */
  async function leadOf(tx: Queryable, ctx: TenantLeadContext, contactId: string, conversationId: string, channel: string | null,
    at: Date, create: boolean): Promise<LeadRow | undefined> {
    const repo = leadsRepository(tx);
    const mine = await repo.byContact(ctx.tenantId, contactId);
    const previous = await repo.byConversation(ctx.tenantId, conversationId);
    let lead = mine;
    if (previous && previous.contactId !== contactId) {
      if (!mine) lead = await repo.update(ctx.tenantId, previous.id, { contactId }, at);
      else lead = await mergeLeads(tx, ctx, previous, mine);
    }
    if (!lead && create) {
      lead = await repo.insert(ctx.tenantId, contactId, channel, at);
      await ports.events.publish(tx, { tenantId: ctx.tenantId, type: 'lead.created', subjectId: lead.id, at,
        data: { contactId, conversationId, channel } });
    }
    if (lead) await repo.linkConversation(ctx.tenantId, lead.id, conversationId);
    return lead;
  }

  async function mergeLeads(tx: Queryable, ctx: TenantLeadContext, from: LeadRow, into: LeadRow): Promise<LeadRow> {
    const repo = leadsRepository(tx);
    const at = new Date(ctx.now);
    await repo.moveBelongings(ctx.tenantId, from.id, into.id);
    await repo.remove(ctx.tenantId, from.id);
    const merged = await repo.update(ctx.tenantId, into.id, {
      stage: furthest(into.stage, from.stage), fields: { ...from.fields, ...into.fields },
      staffFields: [...new Set([...into.staffFields, ...from.staffFields])], intents: [...new Set([...into.intents, ...from.intents])],
      tags: [...new Set([...into.tags, ...from.tags])], ownerId: into.ownerId ?? from.ownerId,
    }, at);
    await ports.events.publish(tx, { tenantId: ctx.tenantId, type: 'lead.merged', subjectId: into.id, at, data: { mergedLeadId: from.id } });
    return merged;
  }

  async function applyTurn(tx: Queryable, ctx: TenantLeadContext, lead: LeadRow, event: DomainEvent): Promise<LeadRow> {
    const repo = leadsRepository(tx);
    const d = event.data as { conversationId: string; intent: string | null; fields?: Record<string, string>; bookingIds?: string[] };
    if (!(await repo.claimTurn(ctx.tenantId, d.conversationId, event.id))) return lead;
    const fields = { ...lead.fields };
    for (const [key, value] of Object.entries(d.fields ?? {})) {
      if (typeof value === 'string' && value.trim() && !lead.staffFields.includes(key)) fields[key] = value;
    }
    for (const bookingId of d.bookingIds ?? []) await repo.linkBooking(ctx.tenantId, lead.id, bookingId);
    const intents = d.intent && !lead.intents.includes(d.intent) ? [...lead.intents, d.intent] : lead.intents;
    return repo.update(ctx.tenantId, lead.id, { fields, intents }, new Date(ctx.now));
  }

  async function contactWith(tenantId: string, handle: { phone: string | null; email: string | null }): Promise<string | undefined> {
    const email = handle.email?.toLowerCase();
    for (const text of [handle.phone, email]) {
      const hit = text && (await ports.searchContacts(tenantId, text)).find((c) => (handle.phone && c.phone === handle.phone) || (email && c.email?.toLowerCase() === email));
      if (hit) return hit.id;
    }
    return undefined;
  }

  /** A booking made outside the chat (staff, the booking page) belongs to the lead whose contact has its phone or email. */
  async function leadOfBooking(tx: Queryable, ctx: TenantLeadContext, bookingId: string): Promise<LeadRow | undefined> {
    const repo = leadsRepository(tx);
    const known = await repo.byBooking(ctx.tenantId, bookingId);
    if (known) return known;
    const customer = await ports.bookingCustomer(ctx.tenantId, bookingId);
    const contactId = customer && (await contactWith(ctx.tenantId, customer));
    const lead = contactId ? await repo.byContact(ctx.tenantId, contactId) : undefined;
    if (lead) await repo.linkBooking(ctx.tenantId, lead.id, bookingId);
    return lead;
  }

  async function handle(tx: Queryable, ctx: TenantLeadContext, event: DomainEvent): Promise<void> {
    const d = event.data as { contactId?: string | null; conversationId?: string; channel?: string | null; author?: string; status?: string };
    if (event.type.startsWith('booking.')) {
      let lead = event.subjectId ? await leadOfBooking(tx, ctx, event.subjectId) : undefined;
      if (!lead) return;
      if (event.type === 'booking.status_changed' && d.status === 'completed') {
        lead = await progress.forward(tx, ctx, lead, 'attended', 'the booking was completed');
      }
      await progress.refresh(tx, ctx, lead);
      return;
    }
    if (!d.contactId || !d.conversationId) return;
    const fromCustomer = event.type === 'conversation.turn' || (event.type === 'message.received' && d.author === 'customer');
    let lead = await leadOf(tx, ctx, d.contactId, d.conversationId, d.channel ?? null, new Date(ctx.now), fromCustomer);
    if (!lead) return;
    if (event.type === 'conversation.turn') lead = await applyTurn(tx, ctx, lead, event);
    lead = await progress.refresh(tx, ctx, lead, d.conversationId);
    if (event.type.startsWith('message.')) await sla.onMessage(tx, ctx, lead, { conversationId: d.conversationId, author: d.author ?? 'customer', eventId: event.id });
  }

  // Events of one tenant are applied one at a time in this process (and under a lock across processes),
  // so a batch of jobs waits here rather than each holding a database connection.
  const queues = new Map<string, Promise<unknown>>();
  return async function onEvent(event: DomainEvent): Promise<void> {
    const previous = queues.get(event.tenantId) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(async () => {
      const ctx = await context(event.tenantId);
      await db.transaction(async (tx) => {
        await leadsRepository(tx).lockTenant(event.tenantId);
        await handle(tx, ctx, event);
      });
    });
    queues.set(event.tenantId, run);
    try {
      await run;
    } finally {
      if (queues.get(event.tenantId) === run) queues.delete(event.tenantId);
    }
  };
}
