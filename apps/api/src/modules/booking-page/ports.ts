import type { Location, Tenant } from '@frontdesk/contracts';
import type { Database } from '../../platform/db/database';
import type { SecretBox } from '../../platform/crypto/secrets';
import type { Scheduling } from '../scheduling';
import type { ContactsService } from '../contacts';

/** What the booking page needs from the rest of the app (wired in compose.ts). */
export interface BookingPagePorts {
  db: Database;
  tenants: {
    tenantBySlug(slug: string): Promise<Tenant | undefined>;
    tenant(id: string): Promise<Tenant>;
    listLocations(tenantId: string): Promise<Location[]>;
  };
  scheduling: Pick<Scheduling, 'catalogue' | 'availability' | 'bookings'>;
  contacts: Pick<ContactsService, 'findOrCreate' | 'consentSettings' | 'recordConsent'>;
  /** Seals the manage token inside a stored idempotent answer, so only its hash is ever stored in clear. */
  box: Pick<SecretBox, 'seal' | 'open'>;
  clock: { now(): number };
  /** Where links point: FRONTDESK_PUBLIC_URL. */
  baseUrl: string;
  /** Bookings, cancellations and moves per minute per address. */
  limits: { changesPerMinute: number };
}
