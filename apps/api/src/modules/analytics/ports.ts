/** What the home summary and the customers at risk need from the other modules (wired in compose.ts). */
export interface AnalyticsPorts {
  clock: { now(): number };
  tenant(tenantId: string): Promise<{ timeZone: string; currency: string }>;
  /** Bookings overlapping [from, to), by start, customer names readable. */
  bookings(tenantId: string, from: string, to: string): Promise<{
    id: string; serviceId: string; status: 'pending' | 'confirmed' | 'cancelled' | 'completed' | 'no_show';
    start: string; end: string; resourceIds: string[]; customer: { name: string };
  }[]>;
  services(tenantId: string): Promise<{ id: string; name: string }[]>;
  resources(tenantId: string, ids: string[]): Promise<{ id: string; name: string }[]>;
  /** Contacts' names, decrypted (the contacts module's). */
  contactNames(tenantId: string, ids: string[]): Promise<Map<string, string | null>>;
}
