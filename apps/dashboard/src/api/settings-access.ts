import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, ChannelListed, ChannelType } from '@frontdesk/contracts';
import { api } from './client';
import { useSession } from './session';
import type { Role } from './permissions';

/**
 * Settings → channels, team and API keys. Keys start with `channels`, `team` and `api-keys`
 * (nothing in the live stream touches them: only these pages change them).
 */
export type { Channel, ChannelListed, ChannelType };
export interface TeamMember { userId: string; email: string; name: string; role: Role; since: string }
export interface Invitation { id: string; email: string; role: Role; expiresAt: string; createdAt: string; status: 'pending' | 'accepted' | 'revoked' | 'expired' }
export interface InvitationIssued extends Invitation { acceptUrl: string; emailed: boolean }
export interface ApiKey { id: string; name: string; prefix: string; scopes: string[]; createdAt: string; revokedAt: string | null }
export interface ApiKeyIssued { id: string; name: string; prefix: string; key: string; scopes: string[]; createdAt: string }

function useTenantId() {
  return useSession().data?.activeTenant?.tenantId;
}

function useList<T>(root: string, path: string, enabled = true) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [root, tenantId],
    queryFn: async () => (await api<{ items: T[] }>(path)).items,
    enabled: tenantId !== undefined && enabled,
  });
}

/** A mutation that reads `root` again after it succeeds. */
function useChange<I, O>(root: string, run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  const tenantId = useTenantId();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: [root, tenantId] }) });
}

/** The channels with their activity (last event in, last send out, failed sends, refused webhook calls). */
export const useChannels = () => useList<ChannelListed>('channels', '/v1/channels');

export function useChannelActions() {
  return {
    connect: useChange('channels', (input: { type: ChannelType; name?: string; config: Record<string, unknown> }) =>
      api<Channel>('/v1/channels', { method: 'POST', body: input })),
    update: useChange('channels', ({ id, ...patch }: { id: string; name?: string; status?: 'active' | 'disabled'; config?: Record<string, unknown> }) =>
      api<Channel>(`/v1/channels/${id}`, { method: 'PATCH', body: patch })),
    disconnect: useChange('channels', (id: string) => api<void>(`/v1/channels/${id}`, { method: 'DELETE' })),
  };
}

export const useTeamMembers = () => useList<TeamMember>('team', '/v1/team/members');
/** Pending and past invitations (only those who may manage the team can read them). */
export const useInvitations = () => useList<Invitation>('team-invitations', '/v1/team/invitations');

export function useTeamActions() {
  return {
    changeRole: useChange('team', ({ userId, role }: { userId: string; role: Role }) =>
      api<void>(`/v1/team/members/${userId}`, { method: 'PATCH', body: { role } })),
    remove: useChange('team', (userId: string) => api<void>(`/v1/team/members/${userId}`, { method: 'DELETE' })),
    invite: useChange('team-invitations', (input: { email: string; role: Role }) =>
      api<InvitationIssued>('/v1/team/invitations', { method: 'POST', body: input })),
    withdraw: useChange('team-invitations', (id: string) => api<void>(`/v1/team/invitations/${id}`, { method: 'DELETE' })),
  };
}

export const useApiKeys = (enabled: boolean) => useList<ApiKey>('api-keys', '/v1/api-keys', enabled);

export function useApiKeyActions() {
  return {
    create: useChange('api-keys', (input: { name: string; scopes: string[] }) => api<ApiKeyIssued>('/v1/api-keys', { method: 'POST', body: input })),
    revoke: useChange('api-keys', (id: string) => api<void>(`/v1/api-keys/${id}`, { method: 'DELETE' })),
  };
}
