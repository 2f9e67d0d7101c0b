import { z } from 'zod';
import { ApiKeyCreate, ApiKeyIssued, Id, Location, LocationCreate, LocationUpdate, Tenant, TenantCreate, TenantCreated, TenantUpdate } from '@frontdesk/contracts';
import type { ZodApp } from '../../platform/http/server';
import { requireAdmin, requireTenant } from '../../platform/auth/bearer';
import { notFound } from '../../shared/errors';
import type { AccountsService } from './service';

export function accountsRoutes(app: ZodApp, accounts: AccountsService): void {
  app.post('/v1/tenants', {
    schema: { tags: ['tenants'], summary: 'Create a tenant (platform admin key)', body: TenantCreate, response: { 201: TenantCreated } },
  }, async (request, reply) => {
    requireAdmin(request);
    return reply.code(201).send(await accounts.createTenant(request.body));
  });

  app.get('/v1/tenants', {
    schema: { tags: ['tenants'], summary: 'List tenants (platform admin key)', response: { 200: z.object({ items: z.array(Tenant) }) } },
  }, async (request) => {
    requireAdmin(request);
    return { items: await accounts.listTenants() };
  });

  app.get('/v1/tenant', {
    schema: { tags: ['tenants'], summary: 'The tenant of this API key', response: { 200: Tenant } },
  }, async (request) => accounts.tenant(requireTenant(request)));

  app.patch('/v1/tenant', {
    schema: {
      tags: ['tenants'], summary: "Change the business's name, time zone or language (bookings keep their instants)",
      body: TenantUpdate, response: { 200: Tenant },
    },
  }, async (request) => accounts.updateTenant(requireTenant(request), request.body));

  app.post('/v1/tenants/:slug/api-keys', {
    schema: {
      tags: ['tenants'], summary: 'Issue an API key for a tenant (platform admin key)',
      params: z.object({ slug: z.string() }), body: ApiKeyCreate.nullish(), response: { 201: ApiKeyIssued },
    },
  }, async (request, reply) => {
    requireAdmin(request);
    const tenant = await accounts.tenantBySlug(request.params.slug);
    if (!tenant) throw notFound('Tenant');
    return reply.code(201).send(await accounts.issueApiKey(tenant.slug, request.body?.name ?? 'api key'));
  });

  app.post('/v1/locations', {
    schema: { tags: ['locations'], body: LocationCreate, response: { 201: Location } },
  }, async (request, reply) => reply.code(201).send(await accounts.createLocation(requireTenant(request), request.body)));

  app.get('/v1/locations', {
    schema: { tags: ['locations'], response: { 200: z.object({ items: z.array(Location) }) } },
  }, async (request) => ({ items: await accounts.listLocations(requireTenant(request)) }));

  const ById = z.object({ id: Id });
  app.get('/v1/locations/:id', {
    schema: { tags: ['locations'], params: ById, response: { 200: Location } },
  }, async (request) => accounts.location(requireTenant(request), request.params.id));

  app.patch('/v1/locations/:id', {
    schema: { tags: ['locations'], summary: "Rename, readdress or move a location's zone (its resources keep their own zone)", params: ById, body: LocationUpdate, response: { 200: Location } },
  }, async (request) => accounts.updateLocation(requireTenant(request), request.params.id, request.body));
}
