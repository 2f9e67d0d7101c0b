import type { Database, Queryable } from '../../platform/db/database';
import type { DomainEvent, EventHandler } from '../../platform/events/bus';
import { triggers, TRIGGER_EVENTS } from './domain/triggers';
import { sequencesRepository } from './repository/sequences';
import { enrolmentsRepository } from './repository/enrolments';
import type { SequenceRunner } from './runner';
import type { SequencePorts } from './ports';

/** What the sequences follow: what enrols a contact, and what stops or re-times an enrolment. */
export const SEQUENCE_EVENTS = [...TRIGGER_EVENTS, 'lead.stage_changed', 'message.received', 'booking.created', 'conversation.turn'];

/**
 * The bus consumer `sequences`. Events come in any order and possibly twice: an enrolment is
 * unique per triggering event, the contact's latest message and booking only move forward, and a
 * reaction only re-times or stops (sending is the sweep's).
 */
export function sequenceReactions(db: Database, ports: SequencePorts, runner: SequenceRunner,
  enrol: (tx: Queryable, tenantId: string, sequenceId: string, contactId: string, source: { type: string; eventId: number | null }) => Promise<unknown>): EventHandler {
  async function contactOfBooking(tenantId: string, bookingId: string): Promise<string | undefined> {
    const customer = await ports.bookingCustomer(tenantId, bookingId);
    const email = customer?.email?.toLowerCase();
    for (const text of [customer?.phone, email]) {
      const hit = text && (await ports.contacts.search(tenantId, text, 20))
        .find((c) => (customer?.phone && c.phone === customer.phone) || (email && c.email?.toLowerCase() === email));
      if (hit) return hit.id;
    }
    return undefined;
  }

  async function contactOf(event: DomainEvent): Promise<string | undefined> {
    const d = event.data as { contactId?: string | null };
    if (d.contactId) return d.contactId;
    if (!event.subjectId) return undefined;
    if (event.type.startsWith('lead.')) return ports.leadContact(event.tenantId, event.subjectId);
    if (event.type.startsWith('booking.')) return contactOfBooking(event.tenantId, event.subjectId);
    return undefined;
  }

  async function enrolAll(event: DomainEvent, contactId: string): Promise<void> {
    const sequences = (await sequencesRepository(db).triggeredBy(event.tenantId, event.type)).filter((s) => triggers(s.trigger, event));
    for (const s of sequences) {
      await db.transaction((tx) => enrol(tx, event.tenantId, s.id, contactId, { type: event.type, eventId: event.id }));
    }
  }

  return async function onEvent(event: DomainEvent): Promise<void> {
    const { tenantId } = event;
    const d = event.data as { author?: string; optedOut?: boolean; to?: string };
    if (event.type === 'message.received' && d.author !== 'customer') return;
    if (event.type === 'conversation.turn' && !d.optedOut) return;
    if (event.type === 'lead.stage_changed' && d.to !== 'booked') return;
    if (!(await sequencesRepository(db).any(tenantId))) return; // a business without sequences: nothing to follow
    const contactId = await contactOf(event);
    if (!contactId) return;
    const now = ports.clock.now();
    if (TRIGGER_EVENTS.includes(event.type)) await enrolAll(event, contactId);
    if (event.type === 'lead.created' || event.type === 'lead.temperature_changed' || event.type === 'booking.status_changed') return;
    await db.transaction(async (tx) => {
      // Messages carry their own time; bookings the database's, so the app clock at handling stands for it.
      if (event.type === 'message.received') await enrolmentsRepository(tx).touchContact(tenantId, contactId, 'customer', new Date(event.occurredAt));
      if (event.type === 'booking.created' || event.type === 'lead.stage_changed') await enrolmentsRepository(tx).touchContact(tenantId, contactId, 'booked', new Date(now));
      await runner.react(tx, tenantId, contactId, now);
    });
  };
}
