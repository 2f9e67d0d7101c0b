import { TicketSettings, type Ticket, type TicketCreate, type TicketEvent, type TicketPatch } from '@frontdesk/contracts';
import type { Database, Queryable } from '../../platform/db/database';
import { AppError, notFound, validationError } from '../../shared/errors';
import { applyPatch } from './domain/lifecycle';
import { ticketsRepository, toTicket, type TicketFilter, type TicketRecord } from './repository';
import { askForRating } from './satisfaction';
import type { TicketPorts } from './ports';

/** Tickets as staff see them: open one from a conversation, move it along, read its history. */
export function ticketService(db: Database, ports: TicketPorts) {
  const now = () => ports.clock.now();

  async function withRating(tenantId: string, records: TicketRecord[]): Promise<Ticket[]> {
    const ratings = await ticketsRepository(db).ratings(tenantId, records.map((t) => t.id));
    return records.map((t) => toTicket(t, ratings.get(t.id) ?? null));
  }
  async function checkAssignee(tenantId: string, assigneeId: string | null | undefined): Promise<void> {
    if (!assigneeId) return;
    const [resource] = await ports.catalogue.resources(tenantId, [assigneeId]);
    if (!resource || resource.kind !== 'staff' || !resource.active) {
      throw validationError([{ path: 'assigneeId', message: 'is not an active staff member of this business' }]);
    }
  }
  async function refuseSecondOpen(tx: Queryable, tenantId: string, conversationId: string, exceptId?: string): Promise<void> {
    const current = await ticketsRepository(tx).latestNotClosed(tenantId, conversationId);
    if (current && current.id !== exceptId && (current.status === 'open' || current.status === 'pending')) {
      throw new AppError('TICKET_ALREADY_OPEN', 'This conversation already has a ticket in progress', { ticketId: current.id });
    }
  }
  async function settings(tenantId: string): Promise<TicketSettings> {
    return TicketSettings.parse((await ticketsRepository(db).settings(tenantId)) ?? {});
  }
  /** A bus event about a ticket, in the transaction of the change. */
  const publish = (tx: Queryable, tenantId: string, ticket: TicketRecord, type: string, data: Record<string, unknown>, at: number) =>
    ports.events.publish(tx, { tenantId, type, subjectId: ticket.id, at: new Date(at),
      data: { ticketId: ticket.id, conversationId: ticket.conversationId, contactId: ticket.contactId, ...data } });

  return {
    settings,
    saveSettings: (tenantId: string, value: TicketSettings) => ticketsRepository(db).saveSettings(tenantId, value),
    publish,

    async create(tenantId: string, input: TicketCreate): Promise<Ticket> {
      const conversation = await ports.conversations.get(tenantId, input.conversationId);
      await checkAssignee(tenantId, input.assigneeId);
      const ticket = await db.transaction(async (tx) => {
        const repo = ticketsRepository(tx);
        await repo.lockConversation(tenantId, conversation.id);
        await refuseSecondOpen(tx, tenantId, conversation.id);
        const at = now();
        const created = await repo.insert(tenantId, {
          conversationId: conversation.id, contactId: conversation.contactId, subject: input.subject, priority: input.priority,
          assigneeId: input.assigneeId ?? null, source: 'staff', at,
        });
        await repo.record(tenantId, created.id, { kind: 'opened', actor: 'staff', detail: { subject: input.subject, priority: input.priority }, at });
        await publish(tx, tenantId, created, 'ticket.opened', { source: 'staff', subject: created.subject, priority: created.priority }, at);
        if (created.assigneeId) {
          await repo.record(tenantId, created.id, { kind: 'assigned', actor: 'staff', detail: { from: null, to: created.assigneeId }, at });
          await publish(tx, tenantId, created, 'ticket.assigned', { assigneeId: created.assigneeId, previousAssigneeId: null }, at);
        }
        return created;
      });
      return toTicket(ticket, null);
    },

    async update(tenantId: string, id: string, patch: TicketPatch): Promise<Ticket> {
      const found = await ticketsRepository(db).get(tenantId, id);
      if (!found) throw notFound('Ticket');
      await checkAssignee(tenantId, patch.assigneeId);
      const rules = await settings(tenantId);
      const saved = await db.transaction(async (tx) => {
        const repo = ticketsRepository(tx);
        await repo.lockConversation(tenantId, found.conversationId);
        const ticket = (await repo.get(tenantId, id, true))!;
        const at = now();
        const outcome = applyPatch(ticket, patch, at);
        if (!outcome.ok && outcome.kind === 'invalid') throw validationError([{ path: outcome.path, message: outcome.message }]);
        if (!outcome.ok) {
          throw new AppError('TICKET_INVALID_TRANSITION', `A ${outcome.from} ticket cannot become ${outcome.to}`, { from: outcome.from, to: outcome.to });
        }
        if (outcome.next.status === 'open' && ticket.status !== 'open' && ticket.status !== 'pending') {
          await refuseSecondOpen(tx, tenantId, ticket.conversationId, ticket.id);
        }
        if (!outcome.history.length) return ticket;
        const conversation = outcome.resolved ? await ports.conversations.get(tenantId, ticket.conversationId) : undefined;
        const next = await repo.save(tenantId, { ...ticket, ...outcome.next, contactId: conversation?.contactId ?? ticket.contactId }, at);
        for (const entry of outcome.history) await repo.record(tenantId, id, { ...entry, actor: 'staff', at });
        for (const event of outcome.events) await publish(tx, tenantId, next, event.type, event.data, at);
        if (outcome.resolved && rules.askSatisfaction) await askForRating(tx, ports, tenantId, next, at);
        return next;
      });
      return (await withRating(tenantId, [saved]))[0]!;
    },

    async get(tenantId: string, id: string): Promise<Ticket> {
      const ticket = await ticketsRepository(db).get(tenantId, id);
      if (!ticket) throw notFound('Ticket');
      return (await withRating(tenantId, [ticket]))[0]!;
    },
    list: async (tenantId: string, filter: TicketFilter): Promise<Ticket[]> =>
      withRating(tenantId, await ticketsRepository(db).list(tenantId, filter)),
    async history(tenantId: string, id: string): Promise<TicketEvent[]> {
      if (!(await ticketsRepository(db).get(tenantId, id))) throw notFound('Ticket');
      return ticketsRepository(db).history(tenantId, id);
    },
  };
}
export type TicketService = ReturnType<typeof ticketService>;
