import type { Queryable } from '../../platform/db/database';
import type { EventBus } from '../../platform/events/bus';
import type { ContactsService } from '../contacts';
import type { NotifyRequest } from '../notifications';

/** A follow-up's message as the notifications module reports it. */
export interface NoticeOutcome { status: 'scheduled' | 'sent' | 'skipped' | 'cancelled' | 'failed'; reason: string | null; channel: string | null; viaTemplate: boolean }

/** What the sequences need from other modules, wired in compose.ts. */
export interface SequencePorts {
  clock: { now(): number };
  events: Pick<EventBus, 'publish' | 'subscribe'>;
  tenant(tenantId: string): Promise<{ timeZone: string }>;
  contacts: Pick<ContactsService, 'find' | 'get' | 'search'>;
  notifications: {
    notify(tx: Queryable, request: NotifyRequest): Promise<{ status: 'queued' | 'skipped'; reason?: string }>;
    /** The notices sent under these business keys (the steps' outcomes). */
    notices(tenantId: string, keys: string[]): Promise<Map<string, NoticeOutcome>>;
  };
  /** The contact of a lead (lead events carry the lead), or undefined when it is gone. */
  leadContact(tenantId: string, leadId: string): Promise<string | undefined>;
  /** The customer's phone and email on a booking (booking events carry neither contact nor customer). */
  bookingCustomer(tenantId: string, bookingId: string): Promise<{ phone: string | null; email: string | null } | undefined>;
}
