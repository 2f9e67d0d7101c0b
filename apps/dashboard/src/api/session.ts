import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { SessionView } from '@frontdesk/contracts';
import { api, ApiError, rememberCsrf } from './client';

export type Session = SessionView;
export type Membership = SessionView['memberships'][number];
const key = ['session'] as const;

/** Who is signed in (null: nobody). Read once per page load; sign-in, switching and sign-out update it. */
export function useSession() {
  return useQuery({
    queryKey: key,
    queryFn: async (): Promise<Session | null> => {
      try {
        return adopt(await api<Session>('/v1/auth/session'));
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

function adopt(session: Session): Session {
  rememberCsrf(session.csrfToken);
  return session;
}

/** A new session (sign-in, an accepted invitation, another tenant): everything read for the old one goes. */
function replaceSession(client: QueryClient, session: Session | null): void {
  rememberCsrf(session?.csrfToken);
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== key[0] });
  client.setQueryData(key, session);
}

export interface LoginInput { email: string; password: string; totpCode?: string }

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api<Session>('/v1/auth/login', { method: 'POST', body: input }),
    onSuccess: (session) => replaceSession(client, session),
  });
}

export function useAcceptInvitation(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name?: string; password: string }) =>
      api<Session>(`/v1/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', body: input }),
    onSuccess: (session) => replaceSession(client, session),
  });
}

export function useSwitchTenant() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tenant: string) => api<Session>('/v1/auth/session/tenant', { method: 'POST', body: { tenant } }),
    onSuccess: (session) => replaceSession(client, session),
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/v1/auth/logout', { method: 'POST' }),
    // Signed out here either way: a session that had already ended is no reason to stay.
    onSettled: () => replaceSession(client, null),
  });
}
