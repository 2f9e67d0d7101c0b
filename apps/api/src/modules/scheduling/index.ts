import type { Database } from '../../platform/db/database';
import type { ZodApp } from '../../platform/http/server';
import type { Clock, TenantDirectory } from './ports';
import { catalogueService } from './service/catalogue';
import { availabilityService } from './service/availability';
import { bookingService } from './service/bookings';
import { holdService } from './service/holds';
import { recurringService } from './service/recurring';
import { bookingsRepository } from './repository/bookings';
import { catalogueRoutes } from './routes/catalogue';
import { bookingRoutes } from './routes/bookings';
import { calendarRoutes } from './routes/calendars';

export type { Clock, TenantDirectory } from './ports';
export type { CatalogueService } from './service/catalogue';
export type { BookingService } from './service/bookings';
export { idempotent, requestHash } from './service/idempotency';
export { renderCalendar } from './domain/ics';

/** Scheduling: resources, services, schedules, holds, bookings and availability. */
export function createScheduling(db: Database, tenants: TenantDirectory, clock: Clock) {
  const catalogue = catalogueService(db, tenants);
  const availability = availabilityService(db, clock);
  const bookings = bookingService(db, catalogue, availability, clock);
  const holds = holdService(db, catalogue, availability, clock);
  const recurring = recurringService(db, catalogue, availability, bookings, tenants, clock);
  return {
    catalogue, availability, bookings, holds, recurring,
    routes(app: ZodApp, baseUrl: string) {
      catalogueRoutes(app, catalogue, baseUrl);
      bookingRoutes(app, { db, bookings, holds, availability, recurring, baseUrl });
      calendarRoutes(app, {
        bookings, catalogue, now: () => clock.now(),
        bookingsOfResource: (t, r, from, to) => bookingsRepository(db).activeForResource(t, r, from, to),
      });
    },
  };
}
export type Scheduling = ReturnType<typeof createScheduling>;
