import type { Queryable } from '../../platform/db/database';
import type { Scheduling } from '../scheduling';
import type { ContactsService } from '../contacts';

/** What the assistant needs from other modules, wired in compose.ts. */
export interface AssistantPorts {
  scheduling: Pick<Scheduling, 'availability' | 'bookings' | 'holds' | 'catalogue'>;
  tenants: {
    tenant(tenantId: string): Promise<{ id: string; name: string; slug: string; timeZone: string; locale: string; currency: string }>;
    tenantBySlug(slug: string): Promise<{ id: string; name: string; slug: string; timeZone: string; locale: string; currency: string } | undefined>;
    listLocations(tenantId: string): Promise<{ name: string; address: string | null }[]>;
  };
  contacts: Pick<ContactsService, 'create' | 'identify' | 'removeIfUnused' | 'recordTurn' | 'consentSettings' | 'consentStatus' | 'recordConsent'>;
  clock: { now(): number };
  /** The event bus: what a turn learnt (intent, qualification answers, a hand-off) for leads, tickets and webhooks. */
  events?: { publish(tx: Queryable, event: { tenantId: string; type: string; subjectId?: string | null; data?: Record<string, unknown>; at?: Date }): Promise<void> };
}
