import { z } from 'zod';
import { ApiKeyCreateScoped, ApiKeyIssued, ApiKeyView, Id, Invitation, InvitationCreate, InvitationIssued, TeamMember, TeamMemberUpdate } from '@frontdesk/contracts';
import type { ZodApp } from '../../platform/http/server';
import { requireTenant } from '../../platform/auth/bearer';
import type { AccountsService } from './service';
import type { TeamService } from './team';

const tags = ['team'];

export function teamRoutes(app: ZodApp, team: TeamService, accounts: AccountsService): void {
  app.get('/v1/team/members', { schema: { tags, summary: "The tenant's staff and their roles", response: { 200: z.object({ items: z.array(TeamMember) }) } } },
    async (req) => ({ items: await team.members(requireTenant(req)) }));
  app.patch('/v1/team/members/:userId', {
    schema: { tags, summary: 'Change a role (never above your own; a tenant keeps one owner)', params: z.object({ userId: Id }), body: TeamMemberUpdate },
  }, async (req, reply) => {
    await team.changeRole(requireTenant(req), req.principal!, req.params.userId, req.body.role);
    return reply.code(204).send();
  });
  app.delete('/v1/team/members/:userId', { schema: { tags, summary: 'Remove someone from the tenant (their sessions lose it at once)', params: z.object({ userId: Id }) } },
    async (req, reply) => {
      await team.remove(requireTenant(req), req.principal!, req.params.userId);
      return reply.code(204).send();
    });
  app.post('/v1/team/invitations', { schema: { tags, summary: 'Invite someone by e-mail (a 7-day link)', body: InvitationCreate, response: { 201: InvitationIssued } } },
    async (req, reply) => reply.code(201).send(await team.invite(requireTenant(req), req.principal!, req.body)));
  app.get('/v1/team/invitations', { schema: { tags, response: { 200: z.object({ items: z.array(Invitation) }) } } },
    async (req) => ({ items: await team.list(requireTenant(req)) }));
  app.delete('/v1/team/invitations/:id', { schema: { tags, summary: 'Withdraw a pending invitation', params: z.object({ id: Id }) } }, async (req, reply) => {
    await team.revoke(requireTenant(req), req.params.id);
    return reply.code(204).send();
  });

  const keyTags = ['api keys'];
  app.get('/v1/api-keys', { schema: { tags: keyTags, response: { 200: z.object({ items: z.array(ApiKeyView) }) } } },
    async (req) => ({ items: await accounts.listApiKeys(requireTenant(req)) }));
  app.post('/v1/api-keys', {
    schema: { tags: keyTags, summary: 'Issue a key with scopes (shown once)', body: ApiKeyCreateScoped, response: { 201: ApiKeyIssued.extend({ scopes: z.array(z.string()) }) } },
  }, async (req, reply) => reply.code(201).send(await accounts.createApiKey(requireTenant(req), req.body.name, req.body.scopes)));
  app.delete('/v1/api-keys/:id', { schema: { tags: keyTags, summary: 'Revoke a key', params: z.object({ id: Id }) } }, async (req, reply) => {
    await accounts.revokeApiKey(requireTenant(req), req.params.id);
    return reply.code(204).send();
  });
}
