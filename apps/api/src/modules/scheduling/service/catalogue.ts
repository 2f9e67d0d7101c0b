import type { HolidaysBody, ScheduleBody, ServiceCreate, ServiceUpdate } from '@frontdesk/contracts';
import { AppError, notFound, validationError, type FieldError } from '../../../shared/errors';
import { newSecret } from '../../../shared/ids';
import { sqlState, type Database } from '../../../platform/db/database';
import { validateSchedule } from '../domain/availability';
import { catalogueRepository, type ResourceRecord, type ResourceWrite, type ServiceRecord, type ServiceWrite } from '../repository/catalogue';
import type { TenantDirectory } from '../ports';

type ResourceInput = { name: string; kind: string; timeZone: string; locationId?: string; active?: boolean };

export function catalogueService(db: Database, tenants: TenantDirectory) {
  const repo = catalogueRepository(db);

  async function checkLocation(tenantId: string, locationId: string | null | undefined): Promise<void> {
    if (locationId && !(await tenants.locationExists(tenantId, locationId))) {
      throw validationError([{ path: 'locationId', message: 'no such location in this tenant' }]);
    }
  }

  async function resourceOr404(tenantId: string, id: string): Promise<ResourceRecord> {
    const r = await repo.resource(tenantId, id);
    if (!r) throw notFound('Resource');
    return r;
  }

  async function serviceOr404(tenantId: string, id: string): Promise<ServiceRecord> {
    const s = await repo.service(tenantId, id);
    if (!s) throw notFound('Service');
    return s;
  }

  async function checkService(tenantId: string, s: ServiceWrite): Promise<void> {
    const { currency } = await tenants.tenant(tenantId);
    const errors: FieldError[] = [];
    if (s.price.currency !== currency) errors.push({ path: 'price.currency', message: `must be ${currency}, the tenant's currency` });
    if (s.deposit && s.deposit.currency !== currency) errors.push({ path: 'deposit.currency', message: `must be ${currency}` });
    if (s.deposit && s.deposit.amount > s.price.amount) errors.push({ path: 'deposit.amount', message: 'cannot exceed the price' });
    if (errors.length) throw validationError(errors, 'SCHED_WRONG_CURRENCY');
    await checkLocation(tenantId, s.locationId);
    const ids = [...new Set(s.requirements.flatMap((g) => g.resourceIds))];
    const known = new Set((await repo.resources(tenantId, ids)).map((r) => r.id));
    s.requirements.forEach((g, i) => {
      g.resourceIds.forEach((id, j) => {
        if (!known.has(id)) errors.push({ path: `requirements[${i}].resourceIds[${j}]`, message: `no resource ${id} in this tenant` });
      });
      if (g.count > new Set(g.resourceIds).size) errors.push({ path: `requirements[${i}].count`, message: 'more than the resources listed' });
    });
    if (errors.length) throw validationError(errors, 'SCHED_UNKNOWN_RESOURCE');
  }

  function serviceWrite(input: ServiceCreate | (ServiceUpdate & Omit<ServiceRecord, 'id' | 'createdAt'>)): ServiceWrite {
    const requirements = input.requirements
      ? input.requirements.map((g) => ({ resourceIds: g.resourceIds, count: g.count ?? 1 }))
      : [{ resourceIds: input.resourceIds ?? [], count: 1 }];
    return {
      name: input.name, description: input.description ?? null, locationId: input.locationId ?? null,
      durationMinutes: input.durationMinutes, bufferBeforeMinutes: input.bufferBeforeMinutes ?? 0,
      bufferAfterMinutes: input.bufferAfterMinutes ?? 0,
      slotIntervalMinutes: input.slotIntervalMinutes ?? input.durationMinutes,
      price: input.price, deposit: input.deposit ?? null, capacity: input.capacity ?? 1,
      minNoticeMinutes: input.minNoticeMinutes ?? 0, notSameDay: input.notSameDay ?? false,
      horizonDays: input.horizonDays ?? 90, cancellationWindowMinutes: input.cancellationWindowMinutes ?? 0,
      requirements, active: input.active ?? true,
    };
  }

  return {
    async createResource(tenantId: string, input: ResourceInput): Promise<ResourceRecord> {
      await checkLocation(tenantId, input.locationId);
      const write: ResourceWrite = { ...input, locationId: input.locationId ?? null, active: input.active ?? true };
      return repo.insertResource(tenantId, write, newSecret(24));
    },
    async updateResource(tenantId: string, id: string, patch: Partial<ResourceInput>): Promise<ResourceRecord> {
      const current = await resourceOr404(tenantId, id);
      await checkLocation(tenantId, patch.locationId);
      const merged: ResourceWrite = {
        name: patch.name ?? current.name, kind: patch.kind ?? current.kind, timeZone: patch.timeZone ?? current.timeZone,
        locationId: patch.locationId ?? current.locationId, active: patch.active ?? current.active,
      };
      return (await repo.updateResource(tenantId, id, merged)) ?? Promise.reject(notFound('Resource'));
    },
    async setSchedule(tenantId: string, id: string, body: ScheduleBody): Promise<ResourceRecord> {
      await resourceOr404(tenantId, id);
      const problems = validateSchedule(body);
      if (problems.length) throw validationError(problems, 'SCHED_INVALID_SCHEDULE');
      return (await repo.setSchedule(tenantId, id, body)) ?? Promise.reject(notFound('Resource'));
    },
    resource: resourceOr404,
    resources: (tenantId: string, ids?: string[]) => repo.resources(tenantId, ids),
    resourceByIcalToken: (token: string) => repo.resourceByIcalToken(token),
    async deleteResource(tenantId: string, id: string): Promise<void> {
      await resourceOr404(tenantId, id);
      const users = await repo.servicesUsingResource(tenantId, id);
      if (users.length) throw new AppError('SCHED_RESOURCE_IN_USE', `Used by services ${users.join(', ')}; remove it there first`);
      try {
        await repo.deleteResource(tenantId, id);
      } catch (err) {
        if (sqlState(err) === '23503') throw new AppError('SCHED_RESOURCE_IN_USE', 'It has bookings or holds; deactivate it instead');
        throw err;
      }
    },
    async createService(tenantId: string, input: ServiceCreate): Promise<ServiceRecord> {
      const write = serviceWrite(input);
      await checkService(tenantId, write);
      return repo.insertService(tenantId, write);
    },
    async updateService(tenantId: string, id: string, patch: ServiceUpdate): Promise<ServiceRecord> {
      const current = await serviceOr404(tenantId, id);
      const requirementsGiven = patch.requirements !== undefined || patch.resourceIds !== undefined;
      const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const merged = { ...current, ...given, requirements: requirementsGiven ? patch.requirements : current.requirements };
      const write = serviceWrite(merged as Parameters<typeof serviceWrite>[0]);
      if (patch.slotIntervalMinutes === undefined && patch.durationMinutes !== undefined && current.slotIntervalMinutes === current.durationMinutes) {
        write.slotIntervalMinutes = patch.durationMinutes;
      }
      await checkService(tenantId, write);
      return (await repo.updateService(tenantId, id, write)) ?? Promise.reject(notFound('Service'));
    },
    service: serviceOr404,
    services: (tenantId: string) => repo.services(tenantId),
    holidays: (tenantId: string) => repo.holidays(tenantId),
    async replaceHolidays(tenantId: string, body: HolidaysBody): Promise<void> {
      const dates = body.holidays.map((h) => h.date);
      const dup = dates.findIndex((d, i) => dates.indexOf(d) !== i);
      if (dup >= 0) throw validationError([{ path: `holidays[${dup}].date`, message: 'listed twice' }]);
      await db.transaction((tx) => catalogueRepository(tx).replaceHolidays(tenantId, body.holidays));
    },
  };
}
export type CatalogueService = ReturnType<typeof catalogueService>;
