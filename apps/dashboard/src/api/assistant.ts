import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssistantProfile, LlmSettings, Template, TestChatTurn } from '@frontdesk/contracts';
import { api } from './client';
import { useSession } from './session';

export type { AssistantProfile, LlmSettings, Template, TestChatTurn };

/** The assistant's settings, its test chat, and the message templates. Keys start with `assistant` / `templates`. */
function useTenantId() {
  return useSession().data?.activeTenant?.tenantId;
}

export function useAssistantProfile() {
  const tenantId = useTenantId();
  return useQuery({ queryKey: ['assistant', tenantId, 'profile'], queryFn: () => api<AssistantProfile>('/v1/assistant/profile'), enabled: tenantId !== undefined });
}

export function useSaveAssistantProfile() {
  const tenantId = useTenantId();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (profile: AssistantProfile) => api<AssistantProfile>('/v1/assistant/profile', { method: 'PUT', body: profile }),
    onSuccess: (saved) => client.setQueryData(['assistant', tenantId, 'profile'], saved),
  });
}

export function useLlmSettings() {
  const tenantId = useTenantId();
  return useQuery({ queryKey: ['assistant', tenantId, 'llm'], queryFn: () => api<LlmSettings>('/v1/assistant/llm'), enabled: tenantId !== undefined });
}

/** A test chat: start one (the greeting), then write as the customer. Nothing is cached: the panel keeps the transcript. */
export function useTestChat() {
  const start = useMutation({ mutationFn: (lang: 'pt' | 'es' | 'en') => api<TestChatTurn>('/v1/assistant/test-chat', { method: 'POST', body: { lang } }) });
  const send = useMutation({
    mutationFn: ({ conversationId, text }: { conversationId: string; text: string }) =>
      api<TestChatTurn>(`/v1/assistant/test-chat/${conversationId}/messages`, { method: 'POST', body: { text } }),
  });
  return { start, send };
}

export function useTemplates() {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: ['templates', tenantId],
    queryFn: async () => (await api<{ items: Template[] }>('/v1/templates')).items,
    enabled: tenantId !== undefined,
  });
}

export type TemplateInput = Pick<Template, 'name' | 'language' | 'body' | 'status' | 'kind'>;

export function useTemplateActions() {
  const tenantId = useTenantId();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['templates', tenantId] });
  return {
    create: useMutation({ mutationFn: (t: TemplateInput) => api<Template>('/v1/templates', { method: 'POST', body: t }), onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({ id, ...change }: Pick<Template, 'id' | 'body' | 'status' | 'kind'>) => api<Template>(`/v1/templates/${id}`, { method: 'PATCH', body: change }),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => api<void>(`/v1/templates/${id}`, { method: 'DELETE' }), onSuccess: refresh }),
  };
}
