import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LeadDetail as LeadDetailSchema, LeadStage, LeadSummary, LeadTimelineItem as TimelineSchema, Resource } from '@frontdesk/contracts';
import type { z } from 'zod';
import { allPages, api } from './client';
import { useSession } from './session';

export type { LeadSummary, LeadStage };
export type LeadDetail = z.infer<typeof LeadDetailSchema>;
export type TimelineItem = z.infer<typeof TimelineSchema>;

/**
 * Leads as the board and the table read them. Keys start with `leads` / `lead`, the roots the
 * live stream marks stale on every lead and SLA change (live/keys.ts), so the board follows
 * without a reload.
 */
function useTenantId() {
  return useSession().data?.activeTenant?.tenantId;
}

/** Every lead of the business (up to 4,000), newest first; the page filters and groups them. */
export function useLeads() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['leads', tenantId],
    queryFn: () => allPages<LeadSummary>('/v1/leads?limit=200'),
    enabled: tenantId !== undefined,
    refetchInterval: 60_000,
  });
}

/** The lead of one contact (none yet: null). */
export function useContactLead(contactId: string) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['leads', tenantId, 'contact', contactId],
    queryFn: async () => (await api<{ items: LeadSummary[] }>(`/v1/leads?contact=${contactId}&limit=1`)).items[0] ?? null,
    enabled: tenantId !== undefined,
  });
}

export function useLead(id: string | undefined) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['lead', tenantId, id],
    queryFn: () => api<LeadDetail>(`/v1/leads/${id}`),
    enabled: tenantId !== undefined && id !== undefined,
  });
}

export function useLeadTimeline(id: string, open: boolean) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['lead', tenantId, id, 'timeline'],
    queryFn: async () => (await api<{ items: TimelineItem[] }>(`/v1/leads/${id}/timeline`)).items,
    enabled: tenantId !== undefined && open,
  });
}

/** The business's staff (the people leads are given to), by id. */
export function useStaff() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['staff-resources', tenantId],
    queryFn: async () => new Map((await api<{ items: Resource[] }>('/v1/resources')).items
      .filter((r) => r.kind === 'staff').map((r) => [r.id, r.name])),
    enabled: tenantId !== undefined,
    staleTime: 5 * 60_000,
  });
}

export interface StageChange { id: string; stage: LeadStage; lostReason?: string }

/** Moves a lead to a stage (lost needs a reason) and adds notes; the board is shown moved at once. */
export function useLeadActions() {
  const client = useQueryClient();
  const tenantId = useTenantId();
  const refresh = () => Promise.all([
    client.invalidateQueries({ queryKey: ['leads', tenantId] }),
    client.invalidateQueries({ queryKey: ['lead', tenantId] }),
  ]);
  return {
    move: useMutation({
      mutationFn: ({ id, stage, lostReason }: StageChange) =>
        api<LeadDetail>(`/v1/leads/${id}`, { method: 'PATCH', body: { stage, ...(lostReason ? { lostReason } : {}) } }),
      onMutate: async ({ id, stage }: StageChange) => {
        await client.cancelQueries({ queryKey: ['leads', tenantId] });
        const before = client.getQueryData<LeadSummary[]>(['leads', tenantId]);
        client.setQueryData<LeadSummary[]>(['leads', tenantId], (list) => list?.map((l) => (l.id === id ? { ...l, stage } : l)));
        return { before };
      },
      onError: (_err, _change, context) => client.setQueryData(['leads', tenantId], context?.before),
      onSettled: refresh,
    }),
    addNote: useMutation({
      mutationFn: ({ id, text }: { id: string; text: string }) => api<{ id: string }>(`/v1/leads/${id}/notes`, { method: 'POST', body: { text } }),
      onSuccess: refresh,
    }),
  };
}
