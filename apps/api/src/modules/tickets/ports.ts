import type { Queryable } from '../../platform/db/database';
import type { EventBus } from '../../platform/events/bus';
import type { createConversations } from '../conversations';
import type { ContactsService } from '../contacts';
import type { CatalogueService } from '../scheduling';

/** The satisfaction question goes out through the notifications module (its public API). */
export interface SatisfactionRequest {
  tenantId: string; contactId: string; conversationId?: string;
  kind: 'ticket_satisfaction';
  variables: Record<string, string>;
  expect: { kind: 'rating'; ref: string };
  dedupeKey: string;
}
export interface TicketNotifications {
  notify(tx: Queryable, request: SatisfactionRequest): Promise<{ status: 'queued' | 'skipped'; reason?: string }>;
}

/** What tickets need from other modules, wired in compose.ts. */
export interface TicketPorts {
  conversations: Pick<ReturnType<typeof createConversations>['service'], 'get' | 'messages'>;
  contacts: Pick<ContactsService, 'get'>;
  tenants: { tenant(tenantId: string): Promise<{ name: string }> };
  /** Assignees are scheduling resources of kind staff until staff users exist. */
  catalogue: Pick<CatalogueService, 'resources'>;
  events: Pick<EventBus, 'publish' | 'subscribe'>;
  clock: { now(): number };
  /** Absent until the notifications module is wired: no rating is asked for then. */
  notifications?: TicketNotifications;
}
