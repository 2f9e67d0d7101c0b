import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BookingPageSettings, Location, Resource, Service, Tenant } from '@frontdesk/contracts';
import { api } from './client';
import { useSession } from './session';

export type { Location, Resource, Service };
export type Holiday = { date: string; name: string };

/**
 * The business's catalogue for Settings: locations, resources with their hours, services, days
 * off. Keys start with `catalogue`; a change also marks the other pages' lists of the same things
 * (`services`, `staff-resources`, `tenant`) stale.
 */
function useTenantId() {
  return useSession().data?.activeTenant?.tenantId;
}

function useList<T>(part: string, path: string) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['catalogue', 'settings', tenantId, part],
    queryFn: async () => (await api<{ items: T[] }>(path)).items,
    enabled: tenantId !== undefined,
  });
}

export const useLocations = () => useList<Location>('locations', '/v1/locations');
export const useResources = () => useList<Resource>('resources', '/v1/resources');
export const useServiceList = () => useList<Service>('services', '/v1/services');

export function useHolidays() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['catalogue', 'settings', tenantId, 'holidays'],
    queryFn: async () => (await api<{ holidays: Holiday[] }>('/v1/holidays')).holidays,
    enabled: tenantId !== undefined,
  });
}

export function useBookingPageSettings() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['catalogue', 'settings', tenantId, 'booking-page'],
    queryFn: () => api<BookingPageSettings>('/v1/booking-page/settings'),
    enabled: tenantId !== undefined,
  });
}

/** One write to the catalogue; on success every list that shows catalogue things is refetched. */
export function useCatalogueWrite<I, O = unknown>(send: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => Promise.all(['catalogue', 'services', 'staff-resources', 'tenant', 'session'].map((k) => client.invalidateQueries({ queryKey: [k] }))),
  });
}

export const saveTenant = (body: Partial<Pick<Tenant, 'name' | 'timeZone' | 'locale'>>) => api<Tenant>('/v1/tenant', { method: 'PATCH', body });
export const saveBookingPage = (body: BookingPageSettings) => api<BookingPageSettings>('/v1/booking-page/settings', { method: 'PUT', body });
export const saveLocation = ({ id, ...body }: { id?: string; name: string; address: string | null; timeZone: string }) =>
  id ? api<Location>(`/v1/locations/${id}`, { method: 'PATCH', body })
    : api<Location>('/v1/locations', { method: 'POST', body: { ...body, address: body.address ?? undefined } });
export type ResourceWrite = { id?: string; name: string; kind: Resource['kind']; timeZone: string; locationId?: string; active: boolean };
export const saveResource = ({ id, ...body }: ResourceWrite) =>
  api<Resource>(id ? `/v1/resources/${id}` : '/v1/resources', { method: id ? 'PATCH' : 'POST', body });
export const deleteResource = (id: string) => api<void>(`/v1/resources/${id}`, { method: 'DELETE' });
export const saveSchedule = ({ id, ...body }: { id: string } & Resource['schedule']) =>
  api<Resource>(`/v1/resources/${id}/schedule`, { method: 'PUT', body });
export const saveHolidays = (holidays: Holiday[]) => api<{ holidays: Holiday[] }>('/v1/holidays', { method: 'PUT', body: { holidays } });
export type ServiceWrite = {
  id?: string; name: string; durationMinutes: number; price: { amount: number; currency: string };
  deposit: { amount: number; currency: string } | null; resourceIds?: string[]; active: boolean; locationId?: string;
};
export const saveService = ({ id, ...body }: ServiceWrite) =>
  api<Service>(id ? `/v1/services/${id}` : '/v1/services', { method: id ? 'PATCH' : 'POST', body });
