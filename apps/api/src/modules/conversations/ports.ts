import type { Scheduling } from '../scheduling';

/** What the assistant needs from other modules, wired in compose.ts. */
export interface AssistantPorts {
  scheduling: Pick<Scheduling, 'availability' | 'bookings' | 'holds' | 'catalogue'>;
  tenants: {
    tenant(tenantId: string): Promise<{ id: string; name: string; slug: string; timeZone: string; locale: string; currency: string }>;
    tenantBySlug(slug: string): Promise<{ id: string; name: string; slug: string; timeZone: string; locale: string; currency: string } | undefined>;
    listLocations(tenantId: string): Promise<{ name: string; address: string | null }[]>;
  };
  clock: { now(): number };
}
