import { z } from 'zod';
import {
  HolidaysBody, Id, Resource, ResourceCreate, ResourceUpdate, ScheduleBody, Service, ServiceCreate, ServiceUpdate,
} from '@frontdesk/contracts';
import type { ZodApp } from '../../../platform/http/server';
import { requireTenant } from '../../../platform/auth/bearer';
import type { CatalogueService } from '../service/catalogue';
import type { ResourceRecord } from '../repository/catalogue';

const ById = z.object({ id: Id });
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export function catalogueRoutes(app: ZodApp, catalogue: CatalogueService, baseUrl: string): void {
  const present = ({ icalToken, ...r }: ResourceRecord) => ({ ...r, icalUrl: `${baseUrl}/v1/ical/${icalToken}.ics` });
  const tags = ['catalogue'];

  app.post('/v1/resources', { schema: { tags, body: ResourceCreate, response: { 201: Resource } } },
    async (req, reply) => reply.code(201).send(present(await catalogue.createResource(requireTenant(req), req.body))));
  app.get('/v1/resources', { schema: { tags, response: { 200: list(Resource) } } },
    async (req) => ({ items: (await catalogue.resources(requireTenant(req))).map(present) }));
  app.get('/v1/resources/:id', { schema: { tags, params: ById, response: { 200: Resource } } },
    async (req) => present(await catalogue.resource(requireTenant(req), req.params.id)));
  app.patch('/v1/resources/:id', { schema: { tags, params: ById, body: ResourceUpdate, response: { 200: Resource } } },
    async (req) => present(await catalogue.updateResource(requireTenant(req), req.params.id, req.body)));
  app.delete('/v1/resources/:id', { schema: { tags, params: ById } },
    async (req, reply) => {
      await catalogue.deleteResource(requireTenant(req), req.params.id);
      return reply.code(204).send();
    });
  app.put('/v1/resources/:id/schedule', {
    schema: { tags, params: ById, body: ScheduleBody, response: { 200: Resource }, summary: 'Replace weekly hours and date overrides' },
  }, async (req) => present(await catalogue.setSchedule(requireTenant(req), req.params.id, req.body)));

  app.post('/v1/services', { schema: { tags, body: ServiceCreate, response: { 201: Service } } },
    async (req, reply) => reply.code(201).send(await catalogue.createService(requireTenant(req), req.body)));
  app.get('/v1/services', { schema: { tags, response: { 200: list(Service) } } },
    async (req) => ({ items: await catalogue.services(requireTenant(req)) }));
  app.get('/v1/services/:id', { schema: { tags, params: ById, response: { 200: Service } } },
    async (req) => catalogue.service(requireTenant(req), req.params.id));
  app.patch('/v1/services/:id', { schema: { tags, params: ById, body: ServiceUpdate, response: { 200: Service } } },
    async (req) => catalogue.updateService(requireTenant(req), req.params.id, req.body));

  app.get('/v1/holidays', { schema: { tags, response: { 200: HolidaysBody } } },
    async (req) => ({ holidays: await catalogue.holidays(requireTenant(req)) }));
  app.put('/v1/holidays', { schema: { tags, body: HolidaysBody, response: { 200: HolidaysBody } } },
    async (req) => {
      const tenantId = requireTenant(req);
      await catalogue.replaceHolidays(tenantId, req.body);
      return { holidays: await catalogue.holidays(tenantId) };
    });
}
