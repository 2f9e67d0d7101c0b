import type { TestApp } from './app';

export const PASSWORD = 'correct horse battery staple';

export interface SignedIn {
  userId: string;
  /** The session cookie and the CSRF header, ready to spread into inject's options. */
  cookies: { fd_session: string };
  headers: { 'x-csrf-token': string };
  email: string;
}

/** Sends the invitation through the API with `inviter` headers and accepts it; returns the new person's session. */
export async function inviteAndJoin(app: TestApp, inviter: Record<string, string>, person: { email: string; role: string; name?: string; password?: string },
  inviterCookies?: Record<string, string>): Promise<SignedIn> {
  const invited = await app.app.inject({ method: 'POST', url: '/v1/team/invitations', headers: inviter, ...(inviterCookies ? { cookies: inviterCookies } : {}),
    payload: { email: person.email, role: person.role } });
  if (invited.statusCode !== 201) throw new Error(`invite failed: ${invited.body}`);
  const token = new URL(invited.json().acceptUrl).hash.replace('#token=', '');
  const accepted = await app.app.inject({ method: 'POST', url: `/v1/invitations/${token}/accept`,
    payload: { name: person.name ?? person.email.split('@')[0], password: person.password ?? PASSWORD } });
  if (accepted.statusCode !== 200) throw new Error(`accept failed: ${accepted.body}`);
  return asSignedIn(accepted, person.email);
}

export function asSignedIn(res: { json(): unknown; cookies: { name: string; value: string }[] }, email: string): SignedIn {
  const cookie = res.cookies.find((c) => c.name === 'fd_session');
  if (!cookie) throw new Error('no session cookie');
  const body = res.json() as { user: { id: string }; csrfToken: string };
  return { userId: body.user.id, cookies: { fd_session: cookie.value }, headers: { 'x-csrf-token': body.csrfToken }, email };
}

export async function login(app: TestApp, email: string, extra: Record<string, unknown> = {}, password = PASSWORD) {
  return app.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password, ...extra } });
}
