import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChatMessage as ChatMessageSchema, Conversation as ConversationSchema, ConversationNote as NoteSchema, ConversationQueue as QueueSchema,
  ReplyWindow as ReplyWindowSchema, TeamMember as TeamMemberSchema,
} from '@frontdesk/contracts';
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
export type ConversationNote = z.infer<typeof NoteSchema>;
export type Queue = z.infer<typeof QueueSchema>;
export type ReplyWindow = z.infer<typeof ReplyWindowSchema>;
export type TeamMember = z.infer<typeof TeamMemberSchema>;
export interface ConversationList { items: Conversation[]; counts: Record<Queue, number> }

function useTenantId() {
  return useSession().data?.activeTenant?.tenantId;
}

/** One queue of the tenant's conversations (and tag), most recent first, with every queue's count; re-read on live changes. */
export function useConversations(queue: Queue = 'all', tag = '') {
  const tenantId = useTenantId();
  const poll = usePollWhileOffline(5_000);
  return useQuery({
    queryKey: ['conversations', tenantId, queue, tag],
    queryFn: () => api<ConversationList>(`/v1/conversations?queue=${queue}${tag ? `&tag=${encodeURIComponent(tag)}` : ''}`),
    enabled: tenantId !== undefined,
    refetchInterval: poll,
    placeholderData: (previous) => previous,
  });
}

/** The business's staff members (the people a conversation can be assigned to). */
export function useTeam() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['conversations', tenantId, 'team'],
    queryFn: async () => (await api<{ items: TeamMember[] }>('/v1/team/members')).items,
    enabled: tenantId !== undefined,
    staleTime: 5 * 60_000,
  });
}

export function useNotes(id: string) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['thread', tenantId, id, 'notes'],
    queryFn: async () => (await api<{ items: ConversationNote[] }>(`/v1/conversations/${id}/notes`)).items,
    enabled: tenantId !== undefined,
  });
}

/** Whether free text may be sent now (WhatsApp's 24-hour window), and the approved templates if not. */
export function useReplyWindow(id: string) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['thread', tenantId, id, 'window'],
    queryFn: () => api<ReplyWindow>(`/v1/conversations/${id}/reply-window`),
    enabled: tenantId !== undefined,
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
    assign: useMutation({ mutationFn: (assigneeId: string | null) => api<void>(base, { method: 'PATCH', body: { assigneeId } }), onSuccess: refresh }),
    tag: useMutation({ mutationFn: (tags: string[]) => api<void>(base, { method: 'PATCH', body: { tags } }), onSuccess: refresh }),
    note: useMutation({ mutationFn: (text: string) => api<ConversationNote>(`${base}/notes`, { method: 'POST', body: { text } }), onSuccess: refresh }),
    template: useMutation({
      mutationFn: (t: { name: string; language: string; variables: string[] }) => api<ChatMessage>(`${base}/template`, { method: 'POST', body: t }),
      onSuccess: refresh,
    }),
  };
}
