/** What scheduling needs from other modules (wired in compose.ts). */
export interface TenantDirectory {
  tenant(tenantId: string): Promise<{ id: string; timeZone: string; currency: string; locale: string; name: string }>;
  locationExists(tenantId: string, locationId: string): Promise<boolean>;
}

export interface Clock {
  now(): number;
}
