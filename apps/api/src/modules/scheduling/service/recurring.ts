import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { isoInstant } from '../../../shared/time/iso';
import type { Database } from '../../../platform/db/database';
import { weeklyStarts } from '../domain/recurrence';
import type { BookingRecord } from '../repository/bookings';
import type { Clock, TenantDirectory } from '../ports';
import type { AvailabilityService, Reason } from './availability';
import type { BookingService, NewBookingInput } from './bookings';
import type { CatalogueService } from './catalogue';
import { explainClaimFailure, overExpiredHolds } from './claims';

export interface RecurringInput extends Omit<NewBookingInput, 'recurrenceId'> {
  occurrences: number;
  intervalWeeks: number;
  skipConflicts: boolean;
}

/** A weekly series (a Kumon student's lesson): every free occurrence in one transaction, the rest reported. */
export function recurringService(
  db: Database, catalogue: CatalogueService, availability: AvailabilityService, bookings: BookingService,
  tenants: TenantDirectory, clock: Clock,
) {
  return {
    async create(tenantId: string, input: RecurringInput) {
      const service = await catalogue.service(tenantId, input.serviceId);
      const { timeZone } = await tenants.tenant(tenantId);
      const starts = weeklyStarts(Date.parse(input.start), timeZone, input.occurrences, input.intervalWeeks);
      const checks = await Promise.all(starts.map(async (start) => ({
        start, check: await availability.check(tenantId, service.id, start, { resourceIds: input.resourceIds, seats: input.seats }),
      })));
      const conflicts = checks.filter((c) => !c.check.bookable)
        .map((c) => ({ start: isoInstant(c.start), reasons: c.check.reasons as Reason[] }));
      if (conflicts.length && !input.skipConflicts) {
        throw new AppError('SCHED_RECURRENCE_CONFLICTS', `${conflicts.length} of ${starts.length} occurrences cannot be booked`, { conflicts });
      }
      const recurrenceId = randomUUID();
      const free = checks.flatMap((c) => (c.check.bookable ? [{ start: c.start, resourceIds: c.check.slot.resourceIds }] : []));
      const booked: BookingRecord[] = [];
      let current = free[0];
      try {
        await overExpiredHolds(db, tenantId, clock.now(), () => db.transaction(async (tx) => {
          booked.length = 0;
          for (const occurrence of free) {
            current = occurrence;
            const start = isoInstant(occurrence.start);
            booked.push(await bookings.claimInTx(tx, tenantId, service,
              { ...input, start, resourceIds: occurrence.resourceIds, recurrenceId }, occurrence.start, occurrence.resourceIds));
          }
        }));
      } catch (err) {
        return explainClaimFailure(db, tenantId, service, current?.start ?? 0, current?.resourceIds ?? [], err);
      }
      return { recurrenceId, booked, conflicts };
    },
  };
}
export type RecurringService = ReturnType<typeof recurringService>;
