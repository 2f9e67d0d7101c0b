import type { Queryable } from '../../platform/db/database';
import { ticketsRepository, type TicketRecord } from './repository';
import type { TicketPorts } from './ports';

/**
 * After a resolution the customer is asked for a 1–5 rating in their conversation (the
 * notifications module chooses free text or a template by the channel's window). One question
 * per resolution: the dedupe key carries the resolution's number.
 */
export async function askForRating(tx: Queryable, ports: TicketPorts, tenantId: string, ticket: TicketRecord, at: number): Promise<void> {
  const repo = ticketsRepository(tx);
  const note = (detail: Record<string, unknown>) =>
    repo.record(tenantId, ticket.id, { kind: 'rating_requested', actor: 'system', detail: { resolution: ticket.resolutions, ...detail }, at });
  if (!ports.notifications) return note({ status: 'skipped', reason: 'notifications are not set up' });
  if (!ticket.contactId) return note({ status: 'skipped', reason: 'the conversation has no contact' });
  const [contact, business] = await Promise.all([ports.contacts.get(tenantId, ticket.contactId), ports.tenants.tenant(tenantId)]);
  const sent = await ports.notifications.notify(tx, {
    tenantId, contactId: ticket.contactId, conversationId: ticket.conversationId,
    kind: 'ticket_satisfaction',
    variables: { ...(contact.name ? { name: contact.name } : {}), business: business.name },
    expect: { kind: 'rating', ref: ticket.id },
    dedupeKey: `ticket:${ticket.id}:rating:${ticket.resolutions}`,
  });
  await note({ status: sent.status, ...(sent.reason ? { reason: sent.reason } : {}) });
}
