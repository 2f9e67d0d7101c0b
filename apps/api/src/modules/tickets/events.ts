import type { Database } from '../../platform/db/database';
import type { DomainEvent } from '../../platform/events/bus';
import { lastBurst, subjectFrom, ticketReason } from './domain/complaint';
import { firstResponse, reopenOnComplaint } from './domain/lifecycle';
import { ticketsRepository } from './repository';
import type { TicketPorts } from './ports';
import type { TicketService } from './service';

export const TICKET_EVENT_TYPES = ['conversation.handed_off', 'message.sent', 'conversation.rating_received'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE = 200;

/**
 * What tickets do when conversations move: a complaint handed to a person opens a ticket (or adds
 * to the one in progress), a staff reply stamps the first response, a rating is kept. Each
 * handler may run twice: what a bus event did is recorded with its id and not done again.
 */
export function ticketReactions(db: Database, ports: TicketPorts, service: TicketService) {
  async function customerBurst(tenantId: string, conversationId: string): Promise<string[]> {
    const all: { author: string; text: string; seq: number }[] = [];
    for (;;) {
      const page = await ports.conversations.messages(tenantId, conversationId, all.at(-1)?.seq ?? 0);
      all.push(...page);
      if (page.length < PAGE) return lastBurst(all);
    }
  }

  async function onHandedOff(event: DomainEvent): Promise<void> {
    const { tenantId } = event;
    const conversationId = String(event.data.conversationId ?? event.subjectId);
    const settings = await service.settings(tenantId);
    if (settings.openOn === 'never') return;
    const texts = await customerBurst(tenantId, conversationId);
    const reason = ticketReason(settings, (event.data.reason as string | null) ?? null, texts);
    if (!reason) return;
    const at = Date.parse(event.occurredAt);
    const contactId = (event.data.contactId as string | null) ?? null;
    const detail = { reason, text: texts.join('\n') };
    await db.transaction(async (tx) => {
      const repo = ticketsRepository(tx);
      await repo.lockConversation(tenantId, conversationId);
      if (await repo.handled(tenantId, event.id)) return;
      const current = await repo.latestNotClosed(tenantId, conversationId);
      const reopened = current && reopenOnComplaint(current);
      if (current && reopened) {
        const saved = await repo.save(tenantId, { ...reopened, contactId: contactId ?? current.contactId }, at);
        await repo.record(tenantId, saved.id, { kind: 'reopened', actor: 'customer', detail: { from: current.status, previousResolution: current.resolution }, at, sourceEventId: event.id });
        await service.publish(tx, tenantId, saved, 'ticket.reopened', { previousStatus: current.status }, at);
      }
      if (current) {
        await repo.record(tenantId, current.id, { kind: 'complaint_added', actor: 'customer', detail, at, sourceEventId: event.id });
        return;
      }
      const opened = await repo.insert(tenantId, {
        conversationId, contactId, subject: subjectFrom(texts, reason), priority: settings.priority, assigneeId: null, source: 'assistant', at,
      });
      await repo.record(tenantId, opened.id, { kind: 'opened', actor: 'assistant', detail, at, sourceEventId: event.id });
      await service.publish(tx, tenantId, opened, 'ticket.opened', { source: 'assistant', subject: opened.subject, priority: opened.priority, reason }, at);
    });
  }

  /** A person wrote in the conversation: the first response of its ticket in progress, timed by the app's clock. */
  async function onStaffMessage(event: DomainEvent): Promise<void> {
    if (event.data.author !== 'staff') return;
    const { tenantId } = event;
    const conversationId = String(event.data.conversationId ?? event.subjectId);
    await db.transaction(async (tx) => {
      const repo = ticketsRepository(tx);
      const now = ports.clock.now();
      for (const ticket of await repo.awaitingFirstResponse(tenantId, conversationId, new Date(event.occurredAt))) {
        const next = firstResponse(ticket, now);
        if (!next) continue;
        await repo.save(tenantId, next, now);
        await repo.record(tenantId, ticket.id, {
          kind: 'first_response', actor: 'staff', detail: { messageId: event.data.messageId, timeToFirstResponseMs: next.firstResponseMs },
          at: now, sourceEventId: event.id,
        });
      }
    });
  }

  /** The customer's 1–5 answer to the satisfaction question; only the first per resolution counts. */
  async function onRating(event: DomainEvent): Promise<void> {
    const { tenantId } = event;
    const { ref, rating, comment } = event.data as { ref?: unknown; rating?: unknown; comment?: unknown };
    if (typeof ref !== 'string' || !UUID.test(ref) || !Number.isInteger(rating) || (rating as number) < 1 || (rating as number) > 5) return;
    const at = Date.parse(event.occurredAt);
    await db.transaction(async (tx) => {
      const repo = ticketsRepository(tx);
      const ticket = await repo.get(tenantId, ref, true);
      if (!ticket || ticket.resolutions === 0) return;
      if (event.data.conversationId && event.data.conversationId !== ticket.conversationId) return;
      const given = { rating: rating as number, comment: typeof comment === 'string' && comment.trim() ? comment.trim() : null, resolution: ticket.resolutions };
      if (!(await repo.rate(tenantId, ticket.id, { ...given, ratedAt: new Date(at).toISOString(), conversationId: ticket.conversationId }))) return;
      await repo.record(tenantId, ticket.id, { kind: 'rated', actor: 'customer', detail: given, at, sourceEventId: event.id });
      await service.publish(tx, tenantId, ticket, 'ticket.rated', given, at);
    });
  }

  return async (event: DomainEvent): Promise<void> => {
    if (event.type === 'conversation.handed_off') return onHandedOff(event);
    if (event.type === 'message.sent') return onStaffMessage(event);
    if (event.type === 'conversation.rating_received') return onRating(event);
  };
}
