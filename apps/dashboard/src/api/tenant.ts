import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Booking, Tenant } from '@frontdesk/contracts';
import { allPages, api } from './client';
import { useSession } from './session';
import { useI18n } from '../i18n/i18n';
import { formatLocale, formatters, type Formatters } from '../i18n/format';
import type { Range } from '../time/zoned';

/** The business being worked in (its zone, locale and currency), keyed by the session's active tenant. */
export function useTenant() {
  const tenantId = useSession().data?.activeTenant?.tenantId;
  return useQuery({
    queryKey: ['tenant', tenantId],
    queryFn: () => api<Tenant>('/v1/tenant'),
    enabled: tenantId !== undefined,
    staleTime: 5 * 60_000,
  });
}

/** Formatters in the staff member's language, on the tenant's clock. */
export function useTenantFormat(tenant: Tenant | undefined): Formatters | undefined {
  const { language } = useI18n();
  return useMemo(() => (tenant ? formatters(formatLocale(language, tenant.locale), tenant.timeZone) : undefined), [language, tenant]);
}

export function useServices() {
  const tenantId = useSession().data?.activeTenant?.tenantId;
  return useQuery({
    queryKey: ['services', tenantId],
    queryFn: async () => new Map((await api<{ items: { id: string; name: string }[] }>('/v1/services')).items.map((s) => [s.id, s.name])),
    enabled: tenantId !== undefined,
    staleTime: 5 * 60_000,
  });
}

/** Every booking that starts within the range (all statuses), earliest first. */
export function useBookings(range: Range | undefined) {
  const tenantId = useSession().data?.activeTenant?.tenantId;
  return useQuery({
    queryKey: ['bookings', tenantId, range?.from, range?.to],
    queryFn: async () => {
      const query = new URLSearchParams({ from: new Date(range!.from).toISOString(), to: new Date(range!.to).toISOString(), limit: '200' });
      const items = await allPages<Booking>(`/v1/bookings?${query}`);
      return items.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    },
    enabled: tenantId !== undefined && range !== undefined,
    refetchInterval: 60_000,
  });
}
