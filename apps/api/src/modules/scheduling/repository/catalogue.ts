import type { Queryable } from '../../../platform/db/database';
import type { Resource, ScheduleBody, Service } from '@frontdesk/contracts';

export interface ResourceRecord extends Omit<Resource, 'icalUrl'> {
  icalToken: string;
}
export type ServiceRecord = Service;

/* eslint-disable @typescript-eslint/no-explicit-any -- rows are mapped field by field right here */
const toResource = (r: any): ResourceRecord => ({
  id: r.id, name: r.name, kind: r.kind, timeZone: r.time_zone, locationId: r.location_id, active: r.active,
  schedule: { timeZone: r.time_zone, weekly: r.schedule.weekly ?? {}, overrides: r.schedule.overrides ?? [] },
  icalToken: r.ical_token, createdAt: r.created_at.toISOString(),
});

export const toService = (r: any): ServiceRecord => ({
  id: r.id, name: r.name, description: r.description, locationId: r.location_id,
  durationMinutes: r.duration_minutes, bufferBeforeMinutes: r.buffer_before_minutes, bufferAfterMinutes: r.buffer_after_minutes,
  slotIntervalMinutes: r.slot_interval_minutes,
  price: { amount: r.price_amount, currency: r.price_currency },
  deposit: r.deposit_amount === null ? null : { amount: r.deposit_amount, currency: r.price_currency },
  capacity: r.capacity, minNoticeMinutes: r.min_notice_minutes, notSameDay: r.not_same_day, horizonDays: r.horizon_days,
  cancellationWindowMinutes: r.cancellation_window_minutes, requirements: r.requirements, active: r.active,
  createdAt: new Date(r.created_at).toISOString(),
});
/* eslint-enable @typescript-eslint/no-explicit-any */

export interface ResourceWrite { name: string; kind: string; timeZone: string; locationId: string | null; active: boolean }
export type ServiceWrite = Omit<ServiceRecord, 'id' | 'createdAt'>;

const serviceColumns = `location_id, name, description, duration_minutes, buffer_before_minutes, buffer_after_minutes,
  slot_interval_minutes, price_amount, price_currency, deposit_amount, capacity, min_notice_minutes, not_same_day,
  horizon_days, cancellation_window_minutes, requirements, active`;
const serviceValues = (s: ServiceWrite) => [
  s.locationId, s.name, s.description, s.durationMinutes, s.bufferBeforeMinutes, s.bufferAfterMinutes,
  s.slotIntervalMinutes, s.price.amount, s.price.currency, s.deposit?.amount ?? null, s.capacity, s.minNoticeMinutes,
  s.notSameDay, s.horizonDays, s.cancellationWindowMinutes, JSON.stringify(s.requirements), s.active,
];

export function catalogueRepository(db: Queryable) {
  return {
    async insertResource(tenantId: string, r: ResourceWrite, icalToken: string): Promise<ResourceRecord> {
      const [row] = await db.query(
        `INSERT INTO resources (tenant_id, name, kind, time_zone, location_id, active, ical_token)
         VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING *`,
        [tenantId, r.name, r.kind, r.timeZone, r.locationId, r.active, icalToken],
      );
      return toResource(row);
    },
    async updateResource(tenantId: string, id: string, r: ResourceWrite): Promise<ResourceRecord | undefined> {
      const [row] = await db.query(
        `UPDATE resources SET name=$3, kind=$4, time_zone=$5, location_id=$6, active=$7, updated_at=now()
         WHERE tenant_id=$1 AND id=$2 RETURNING *`,
        [tenantId, id, r.name, r.kind, r.timeZone, r.locationId, r.active],
      );
      return row && toResource(row);
    },
    async setSchedule(tenantId: string, id: string, s: ScheduleBody): Promise<ResourceRecord | undefined> {
      const [row] = await db.query(
        `UPDATE resources SET schedule=$3, time_zone=$4, updated_at=now() WHERE tenant_id=$1 AND id=$2 RETURNING *`,
        [tenantId, id, JSON.stringify({ weekly: s.weekly, overrides: s.overrides }), s.timeZone],
      );
      return row && toResource(row);
    },
    async resource(tenantId: string, id: string): Promise<ResourceRecord | undefined> {
      const [row] = await db.query(`SELECT * FROM resources WHERE tenant_id=$1 AND id=$2`, [tenantId, id]);
      return row && toResource(row);
    },
    async resourceByIcalToken(token: string): Promise<(ResourceRecord & { tenantId: string }) | undefined> {
      const [row] = await db.query(`SELECT * FROM resources WHERE ical_token=$1`, [token]);
      return row && { ...toResource(row), tenantId: String(row.tenant_id) };
    },
    async resources(tenantId: string, ids?: string[]): Promise<ResourceRecord[]> {
      const rows = ids
        ? await db.query(`SELECT * FROM resources WHERE tenant_id=$1 AND id = ANY($2::uuid[])`, [tenantId, ids])
        : await db.query(`SELECT * FROM resources WHERE tenant_id=$1 ORDER BY created_at, id`, [tenantId]);
      return rows.map(toResource);
    },
    async deleteResource(tenantId: string, id: string): Promise<boolean> {
      return (await db.query(`DELETE FROM resources WHERE tenant_id=$1 AND id=$2 RETURNING id`, [tenantId, id])).length > 0;
    },
    async servicesUsingResource(tenantId: string, id: string): Promise<string[]> {
      const rows = await db.query<{ id: string }>(
        `SELECT id FROM services WHERE tenant_id=$1 AND requirements @> $2::jsonb`,
        [tenantId, JSON.stringify([{ resourceIds: [id] }])],
      );
      return rows.map((r) => r.id);
    },
    async insertService(tenantId: string, s: ServiceWrite): Promise<ServiceRecord> {
      const [row] = await db.query(
        `INSERT INTO services (tenant_id, ${serviceColumns})
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18) RETURNING *`,
        [tenantId, ...serviceValues(s)],
      );
      return toService(row);
    },
    async updateService(tenantId: string, id: string, s: ServiceWrite): Promise<ServiceRecord | undefined> {
      const [row] = await db.query(
        `UPDATE services SET (${serviceColumns}) = ($3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19),
           updated_at = now() WHERE tenant_id=$1 AND id=$2 RETURNING *`,
        [tenantId, id, ...serviceValues(s)],
      );
      return row && toService(row);
    },
    async service(tenantId: string, id: string): Promise<ServiceRecord | undefined> {
      const [row] = await db.query(`SELECT * FROM services WHERE tenant_id=$1 AND id=$2`, [tenantId, id], 'service-by-id');
      return row && toService(row);
    },
    async services(tenantId: string): Promise<ServiceRecord[]> {
      return (await db.query(`SELECT * FROM services WHERE tenant_id=$1 ORDER BY created_at, id`, [tenantId])).map(toService);
    },
    async holidays(tenantId: string): Promise<{ date: string; name: string }[]> {
      return db.query<{ date: string; name: string }>(
        `SELECT date, name FROM holidays WHERE tenant_id=$1 ORDER BY date`, [tenantId]);
    },
    async replaceHolidays(tenantId: string, holidays: { date: string; name: string }[]): Promise<void> {
      await db.query(`DELETE FROM holidays WHERE tenant_id=$1`, [tenantId]);
      if (holidays.length === 0) return;
      await db.query(
        `INSERT INTO holidays (tenant_id, date, name) SELECT $1, d, n FROM unnest($2::date[], $3::text[]) AS h(d, n)`,
        [tenantId, holidays.map((h) => h.date), holidays.map((h) => h.name)],
      );
    },
  };
}
export type CatalogueRepository = ReturnType<typeof catalogueRepository>;
