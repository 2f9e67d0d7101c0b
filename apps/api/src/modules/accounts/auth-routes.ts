import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  InvitationAccept, InvitationPreview, LoginRequest, PasswordChange, PasswordResetConfirm, PasswordResetRequest,
  SessionView, SwitchTenant, TotpConfirm, TotpDisable, TotpSetup,
} from '@frontdesk/contracts';
import type { ZodApp } from '../../platform/http/server';
import { SESSION_COOKIE } from '../../platform/auth/authenticate';
import { AppError } from '../../shared/errors';
import type { CredentialService } from './credentials';
import type { IssuedSession, SessionService } from './sessions';
import type { TeamService } from './team';

const tags = ['staff sign-in'];
const client = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] });

/** The person behind a session cookie (API keys have no password, sessions or second factor). */
function sessionUser(req: FastifyRequest): { userId: string; sessionId?: string; token: string } {
  const p = req.principal;
  const token = req.cookies[SESSION_COOKIE];
  if (!token || !p || p.kind === 'tenant' || (p.kind === 'admin' && !p.userId)) throw new AppError('FORBIDDEN', 'Sign in as a person for this');
  return { userId: p.userId!, ...(p.kind === 'admin' ? {} : { sessionId: p.sessionId }), token };
}

export function authRoutes(app: ZodApp, deps: { sessions: SessionService; credentials: CredentialService; team: TeamService; secureCookies: boolean }): void {
  const { sessions, credentials, team } = deps;
  const setCookie = (reply: FastifyReply, issued: IssuedSession) => reply.setCookie(SESSION_COOKIE, issued.token, {
    httpOnly: true, sameSite: 'lax', secure: deps.secureCookies, path: '/', expires: new Date(issued.view.expiresAt),
  }).send(issued.view);
  const clearCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' }).code(204).send();

  app.post('/v1/auth/login', { schema: { tags, security: [], summary: 'Sign in: sets the session cookie; the answer carries the CSRF token', body: LoginRequest, response: { 200: SessionView } } },
    async (req, reply) => setCookie(reply, await sessions.login(req.body, client(req), req.cookies[SESSION_COOKIE])));
  app.get('/v1/auth/session', { schema: { tags, summary: 'Who is signed in, their tenants and the active one', response: { 200: SessionView } } },
    async (req) => sessions.current(sessionUser(req).token));
  app.post('/v1/auth/session/tenant', { schema: { tags, summary: 'Work in another of your tenants', body: SwitchTenant, response: { 200: SessionView } } },
    async (req) => sessions.switchTenant(sessionUser(req).token, req.body.tenant));
  app.post('/v1/auth/logout', { schema: { tags, summary: 'End this session' } }, async (req, reply) => {
    await sessions.logout(sessionUser(req).token);
    return clearCookie(reply);
  });
  app.post('/v1/auth/logout-all', { schema: { tags, summary: 'End every session of this person, on every device' } }, async (req, reply) => {
    await sessions.logoutEverywhere(sessionUser(req).userId);
    return clearCookie(reply);
  });
  app.post('/v1/auth/password', { schema: { tags, summary: 'Change the password (other sessions end)', body: PasswordChange } }, async (req, reply) => {
    const me = sessionUser(req);
    await credentials.changePassword(me.userId, me.sessionId, req.body.currentPassword, req.body.newPassword);
    return reply.code(204).send();
  });
  app.post('/v1/auth/password-reset', { schema: { tags, security: [], summary: 'E-mail a reset link (the same answer for any address)', body: PasswordResetRequest } },
    async (req, reply) => {
      await credentials.requestReset(req.body.email);
      return reply.code(202).send({ status: 'If this address has an account, a link is on its way.' });
    });
  app.post('/v1/auth/password-reset/confirm', { schema: { tags, security: [], summary: 'Set a new password from a reset link (every session ends)', body: PasswordResetConfirm } },
    async (req, reply) => {
      await credentials.confirmReset(req.body.token, req.body.newPassword);
      return reply.code(204).send();
    });
  app.post('/v1/auth/totp/setup', { schema: { tags, summary: 'Start turning on an authenticator app', response: { 200: TotpSetup } } },
    async (req) => credentials.setupTotp(sessionUser(req).userId));
  app.post('/v1/auth/totp/enable', { schema: { tags, summary: 'Confirm the app with its first code: sign-in asks for codes from now on', body: TotpConfirm } },
    async (req, reply) => {
      await credentials.enableTotp(sessionUser(req).userId, req.body.code);
      return reply.code(204).send();
    });
  app.post('/v1/auth/totp/disable', { schema: { tags, summary: 'Turn the authenticator off (code and password)', body: TotpDisable } }, async (req, reply) => {
    await credentials.disableTotp(sessionUser(req).userId, req.body.code, req.body.password);
    return reply.code(204).send();
  });

  const token = z.object({ token: z.string().min(20).max(200) });
  app.get('/v1/invitations/:token', { schema: { tags, security: [], summary: 'What an invitation link offers', params: token, response: { 200: InvitationPreview } } },
    async (req) => team.preview(req.params.token));
  app.post('/v1/invitations/:token/accept', {
    schema: { tags, security: [], summary: 'Join the tenant (a new account, or an existing one with its password); signs in', params: token, body: InvitationAccept, response: { 200: SessionView } },
  }, async (req, reply) => setCookie(reply, await team.accept(req.params.token, req.body, client(req))));
}
