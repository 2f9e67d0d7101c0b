import type { Queryable } from '../../platform/db/database';
import type { Agent } from './domain/routing';

/** What the leads module needs from the rest of the app, wired in compose.ts. */
export interface LeadsPorts {
  clock: { now(): number };
  events: {
    publish(tx: Queryable, event: { tenantId: string; type: string; subjectId?: string | null; data?: Record<string, unknown>; at?: Date }): Promise<void>;
  };
  tenant(tenantId: string): Promise<{ currency: string; locale: string; timeZone: string }>;
  /** The keys of the tenant's qualification questions (its assistant profile). */
  qualificationKeys(tenantId: string): Promise<string[]>;
  /** A person takes the conversation: the assistant stays silent for these minutes. */
  takeOver(tenantId: string, conversationId: string, minutes: number): Promise<void>;
  /** The tenant's staff resources with their hours (all of them, or those ids); inactive ones included. */
  staff(tenantId: string, ids?: string[]): Promise<Omit<Agent, 'openLeads'>[]>;
  /** The customer's phone and email on a booking, or undefined when it does not exist. */
  bookingCustomer(tenantId: string, bookingId: string): Promise<{ phone: string | null; email: string | null } | undefined>;
  /** The names of these contacts (missing ids: gone). */
  contactNames(tenantId: string, ids: string[]): Promise<Map<string, string | null>>;
  /** Contacts whose name, phone or email contain the text. */
  searchContacts(tenantId: string, text: string): Promise<{ id: string; phone: string | null; email: string | null }[]>;
}
