import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChatMessage as ChatMessageSchema, Conversation as ConversationSchema } from '@frontdesk/contracts';
import type { z } from 'zod';
import { api } from './client';
import { useSession } from './session';
import { useLiveStatus } from './live';

/** Polling only while the live stream (api/live.ts) is down; live, a change re-reads at once. */
function usePollWhileOffline(ms: number): number | false {
  return useLiveStatus() === 'live' ? false : ms;
}

export type ChatMessage = z.infer<typeof ChatMessageSchema>;
export type Conversation = z.infer<typeof ConversationSchema>;

function useTenantId() {
  return useSession().data?.activeTenant?.tenantId;
}

/** The tenant's conversations, most recent first; re-read when the live stream says one changed. */
export function useConversations() {
  const tenantId = useTenantId();
  const poll = usePollWhileOffline(5_000);
  return useQuery({
    queryKey: ['conversations', tenantId],
    queryFn: async () => (await api<{ items: Conversation[] }>('/v1/conversations')).items,
    enabled: tenantId !== undefined,
    refetchInterval: poll,
  });
}

export function useThread(id: string) {
  const tenantId = useTenantId();
  const poll = usePollWhileOffline(3_000);
  return useQuery({
    queryKey: ['thread', tenantId, id],
    queryFn: async () => (await api<{ items: ChatMessage[] }>(`/v1/conversations/${id}/messages`)).items,
    enabled: tenantId !== undefined,
    refetchInterval: poll,
  });
}

/** Take over, hand back or reply; the list and the thread are read again afterwards. */
export function useConversationAction(id: string) {
  const client = useQueryClient();
  const tenantId = useTenantId();
  const refresh = () => Promise.all([
    client.invalidateQueries({ queryKey: ['conversations', tenantId] }),
    client.invalidateQueries({ queryKey: ['thread', tenantId, id] }),
  ]);
  const base = `/v1/conversations/${id}`;
  return {
    takeOver: useMutation({ mutationFn: () => api<void>(`${base}/takeover`, { method: 'POST', body: {} }), onSuccess: refresh }),
    handBack: useMutation({ mutationFn: () => api<void>(`${base}/handback`, { method: 'POST' }), onSuccess: refresh }),
    reply: useMutation({ mutationFn: (text: string) => api<ChatMessage>(`${base}/messages`, { method: 'POST', body: { text } }), onSuccess: refresh }),
  };
}
