import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AtRiskCustomer, AtRiskList, Booking, ConsentRecord, Contact, ContactEvent, ContactWithIdentities as WithIdentities, ErasureRequest } from '@frontdesk/contracts';
import type { z } from 'zod';
import { api } from './client';
import { useSession } from './session';

export type { AtRiskCustomer, Contact, ContactEvent, ConsentRecord, ErasureRequest };
export type ContactWithIdentities = z.infer<typeof WithIdentities>;

/**
 * Customers (contacts) and their privacy requests. Keys start with `customers` / `customer`,
 * which the live stream marks stale on lead and booking changes (live/keys.ts).
 */
function useTenantId() {
  return useSession().data?.activeTenant?.tenantId;
}

export function useCustomerSearch(query: string, enabled: boolean) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['customers', tenantId, query],
    queryFn: async () => (await api<{ items: Contact[] }>(`/v1/contacts?limit=50${query ? `&q=${encodeURIComponent(query)}` : ''}`)).items,
    enabled: tenantId !== undefined && enabled,
    placeholderData: (previous) => previous,
  });
}

function useCustomerQuery<T>(id: string, part: string, path: string, enabled = true) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['customer', tenantId, id, part],
    queryFn: () => api<T>(path),
    enabled: tenantId !== undefined && enabled,
  });
}

export const useCustomer = (id: string) => useCustomerQuery<ContactWithIdentities>(id, 'contact', `/v1/contacts/${id}`);
export const useCustomerHistory = (id: string) => useCustomerQuery<{ items: ContactEvent[] }>(id, 'history', `/v1/contacts/${id}/history`);
export const useCustomerConsents = (id: string) => useCustomerQuery<{ items: ConsentRecord[] }>(id, 'consents', `/v1/contacts/${id}/consents`);

/** Customers at risk of not coming back (GET /v1/customers/at-risk); read again on every booking change. */
export function useAtRisk() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['customers', tenantId, 'at-risk'],
    queryFn: async () => (await api<AtRiskList>('/v1/customers/at-risk')).items,
    enabled: tenantId !== undefined,
  });
}

/** The bookings linked to the contact's lead, latest first. */
export function useCustomerBookings(id: string, bookingIds: readonly string[]) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['customer', tenantId, id, 'bookings', bookingIds.join(',')],
    queryFn: async () => (await Promise.all(bookingIds.slice(0, 50).map((b) => api<Booking>(`/v1/bookings/${b}`))))
      .sort((a, b) => Date.parse(b.start) - Date.parse(a.start)),
    enabled: tenantId !== undefined,
  });
}

/** The business's erasure requests (agents and up may read them). */
export function useErasureRequests(enabled: boolean) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['customer', tenantId, 'erasures'],
    queryFn: async () => (await api<{ items: ErasureRequest[] }>('/v1/privacy/erasure-requests?limit=200')).items,
    enabled: tenantId !== undefined && enabled,
  });
}

/** Correct the details, ask for an erasure, approve or reject one; everything about customers is read again after. */
export function useCustomerActions(id: string) {
  const client = useQueryClient();
  const tenantId = useTenantId();
  const refresh = () => Promise.all([
    client.invalidateQueries({ queryKey: ['customer', tenantId] }),
    client.invalidateQueries({ queryKey: ['customers', tenantId] }),
    client.invalidateQueries({ queryKey: ['leads', tenantId] }),
  ]);
  return {
    update: useMutation({
      mutationFn: (patch: Partial<Pick<Contact, 'name' | 'phone' | 'email'>>) => api<Contact>(`/v1/contacts/${id}`, { method: 'PATCH', body: patch }),
      onSuccess: refresh,
    }),
    requestErasure: useMutation({
      mutationFn: (reason: string) => api<ErasureRequest>('/v1/privacy/erasure-requests', { method: 'POST', body: { contactId: id, ...(reason ? { reason } : {}) } }),
      onSuccess: refresh,
    }),
    decide: useMutation({
      mutationFn: ({ requestId, approve, note }: { requestId: string; approve: boolean; note?: string }) =>
        api<ErasureRequest>(`/v1/privacy/erasure-requests/${requestId}/${approve ? 'approve' : 'reject'}`, { method: 'POST', body: note ? { note } : {} }),
      onSuccess: refresh,
    }),
  };
}
