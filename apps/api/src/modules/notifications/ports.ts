import type { Queryable } from '../../platform/db/database';
import type { Scheduling } from '../scheduling';
import type { ContactsService } from '../contacts';
import type { Delivery, Notice, NoticeResult } from '../channels';
import type { Template } from '@frontdesk/contracts';

/** What notifications needs from the other modules, wired in compose.ts. */
export interface NotificationPorts {
  scheduling: Pick<Scheduling, 'bookings' | 'catalogue'>;
  tenants: {
    tenant(tenantId: string): Promise<{ id: string; name: string; timeZone: string; locale: string }>;
    listLocations(tenantId: string): Promise<{ name: string; address: string | null }[]>;
  };
  contacts: Pick<ContactsService, 'find' | 'findOrCreate' | 'consentSettings' | 'consentStatus'>;
  channels: {
    send(tx: Queryable, notice: Notice): Promise<NoticeResult>;
    templatesOfKind(tx: Queryable, tenantId: string, kind: string): Promise<Template[]>;
    deliveries(tenantId: string, messageIds: string[]): Promise<Map<string, Delivery>>;
  };
  messageTexts(tenantId: string, messageIds: string[]): Promise<Map<string, string>>;
  conversationLang(tx: Queryable, tenantId: string, conversationId: string): Promise<string | undefined>;
  events: { publish(tx: Queryable, event: { tenantId: string; type: string; subjectId?: string | null; data?: Record<string, unknown>; at?: Date }): Promise<void> };
  clock: { now(): number };
}
