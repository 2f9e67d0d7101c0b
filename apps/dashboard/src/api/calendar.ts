import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Booking, Hold, Location, Resource, Service } from '@frontdesk/contracts';
import { allPages, api } from './client';
import { useSession } from './session';
import type { Range } from '../time/zoned';
import type { RescheduleBody } from '../calendar/drag';
import type { Reason } from '../calendar/reasons';

/**
 * What the calendar reads and changes. The catalogue (resources with their hours, services,
 * locations, holidays) changes rarely and is keyed under `catalogue`; bookings and holds are
 * keyed under `bookings` / `holds`, which the live stream (api/live.ts) marks stale on every
 * change, so a booking made anywhere appears on an open calendar.
 */
function useTenantId() {
  return useSession().data?.activeTenant?.tenantId;
}

export interface Catalogue {
  resources: Resource[];
  services: Service[];
  locations: Location[];
  holidays: Set<string>;
}

export function useCatalogue() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['catalogue', 'calendar', tenantId],
    queryFn: async (): Promise<Catalogue> => {
      const [resources, services, locations, holidays] = await Promise.all([
        api<{ items: Resource[] }>('/v1/resources'),
        api<{ items: Service[] }>('/v1/services'),
        api<{ items: Location[] }>('/v1/locations'),
        api<{ holidays: { date: string }[] }>('/v1/holidays'),
      ]);
      return {
        resources: resources.items.filter((r) => r.active),
        services: services.items,
        locations: locations.items,
        holidays: new Set(holidays.holidays.map((h) => h.date)),
      };
    },
    enabled: tenantId !== undefined,
    staleTime: 5 * 60_000,
  });
}

/**
 * Every booking that starts in the view, one request per day in parallel (a busy week is several
 * pages of 200; one after another they cost a round trip each). Keyed under `bookings`, so the
 * live stream refreshes it. Earliest first.
 */
export function useCalendarBookings(days: Range[] | undefined) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['bookings', tenantId, 'calendar', days?.[0]?.from, days?.at(-1)?.to],
    queryFn: async () => {
      const perDay = await Promise.all(days!.map((d) => {
        const query = new URLSearchParams({ from: new Date(d.from).toISOString(), to: new Date(d.to).toISOString(), limit: '200' });
        return allPages<Booking>(`/v1/bookings?${query}`);
      }));
      return perDay.flat().sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    },
    enabled: tenantId !== undefined && days !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** Holds standing now over the range (someone is in the middle of booking). */
export function useHolds(range: Range | undefined) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['holds', tenantId, range?.from, range?.to],
    queryFn: async () => {
      const query = new URLSearchParams({ from: new Date(range!.from).toISOString(), to: new Date(range!.to).toISOString() });
      return (await api<{ items: Hold[] }>(`/v1/holds?${query}`)).items;
    },
    enabled: tenantId !== undefined && range !== undefined,
  });
}

/** Moves or resizes a booking; the calendar keeps showing the drop until the bookings are read again. */
export function useReschedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RescheduleBody }) =>
      api<Booking>(`/v1/bookings/${id}/reschedule`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['bookings'] }),
  });
}

/** Marks a booking completed or a no-show (PATCH /v1/bookings/:id). */
export function useSetStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: 'completed' | 'no_show' }) =>
      api<Booking>(`/v1/bookings/${id}`, { method: 'PATCH', body: { status } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['bookings'] }),
  });
}

/** Cancels a booking, with the staff member's reason (POST /v1/bookings/:id/cancel). */
export function useCancelBooking() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api<Booking>(`/v1/bookings/${id}/cancel`, { method: 'POST', body: reason ? { reason } : {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['bookings'] }),
  });
}

export interface NewBooking { serviceId: string; start: string; resourceIds?: string[]; customer: { name: string; phone?: string } }

export function useCreateBooking() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewBooking) => api<Booking>('/v1/bookings', { method: 'POST', body: { ...input, sourceChannel: 'dashboard' } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['bookings'] }),
  });
}

/** Whether the service can start at this time with this resource, and if not, why (GET /v1/availability/explain). */
export function useExplain(q: { serviceId: string; start: number; resourceId: string } | undefined) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['calendar', 'explain', tenantId, q?.serviceId, q?.start, q?.resourceId],
    queryFn: () => {
      const query = new URLSearchParams({ serviceId: q!.serviceId, start: new Date(q!.start).toISOString(), resourceId: q!.resourceId });
      return api<{ bookable: boolean; reasons: Reason[] }>(`/v1/availability/explain?${query}`);
    },
    enabled: tenantId !== undefined && q !== undefined && q.serviceId !== '',
    staleTime: 0,
  });
}

/** The resources a free slot of the service at `start` would take, including `resourceId` (a van and its crew). */
export async function slotResources(serviceId: string, start: number, resourceId: string): Promise<string[] | undefined> {
  const query = new URLSearchParams({
    serviceId, resourceId, from: new Date(start).toISOString(), to: new Date(start + 60_000).toISOString(),
  });
  const { slots } = await api<{ slots: { start: string; resourceIds: string[] }[] }>(`/v1/availability?${query}`);
  return slots.find((s) => Date.parse(s.start) === start)?.resourceIds;
}
