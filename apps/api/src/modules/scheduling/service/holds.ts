import { notFound, validationError } from '../../../shared/errors';
import type { Database } from '../../../platform/db/database';
import { bookingsRepository, type HoldRecord } from '../repository/bookings';
import { claimsRepository } from '../repository/claims';
import { listActiveHolds } from '../repository/holds';
import type { Clock } from '../ports';
import { claim, explainClaimFailure, overExpiredHolds, unclaim } from './claims';
import { slotUnavailable, type AvailabilityService } from './availability';
import type { CatalogueService } from './catalogue';

const MINUTE = 60_000;

/** Temporary holds: busy for everyone else until they expire or become a booking. */
export function holdService(db: Database, catalogue: CatalogueService, availability: AvailabilityService, clock: Clock) {
  return {
    async create(tenantId: string, input: { serviceId: string; start: string; resourceIds?: string[]; seats: number; ttlSeconds: number }) {
      const service = await catalogue.service(tenantId, input.serviceId);
      const start = Date.parse(input.start);
      const check = await availability.check(tenantId, service.id, start, { resourceIds: input.resourceIds, seats: input.seats });
      if (!check.bookable) throw slotUnavailable(check.reasons);
      try {
        return await overExpiredHolds(db, tenantId, clock.now(), () => db.transaction(async (tx) => {
          let hold: HoldRecord | undefined;
          await claim(tx, tenantId, service, start, check.slot.resourceIds, input.seats, async (sessionId, resourceIds) => {
            hold = await bookingsRepository(tx).insertHold(tenantId, {
              serviceId: service.id, start, end: start + service.durationMinutes * MINUTE, resourceIds,
              seats: input.seats, sessionId, expiresAt: clock.now() + input.ttlSeconds * 1000,
            });
            return { holdId: hold.id };
          });
          return hold!;
        }));
      } catch (err) {
        return explainClaimFailure(db, tenantId, service, start, check.slot.resourceIds, err);
      }
    },
    async get(tenantId: string, id: string): Promise<HoldRecord> {
      const hold = await bookingsRepository(db).hold(tenantId, id);
      if (!hold || Date.parse(hold.expiresAt) <= clock.now()) throw notFound('Hold');
      return hold;
    },
    /** The holds standing now over a window (the calendar shows them beside the bookings). */
    async list(tenantId: string, q: { from: string; to: string; resourceId?: string }): Promise<HoldRecord[]> {
      const from = Date.parse(q.from);
      const to = Date.parse(q.to);
      if (!(to > from)) throw validationError([{ path: 'query.to', message: 'must be after from' }]);
      if (to - from > 62 * 24 * 3600_000) throw validationError([{ path: 'query.to', message: 'the window may span at most 62 days' }]);
      return listActiveHolds(db, tenantId, { from, to, now: clock.now(), resourceId: q.resourceId });
    },
    async release(tenantId: string, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const hold = await bookingsRepository(tx).hold(tenantId, id, true);
        if (!hold) throw notFound('Hold');
        await unclaim(tx, tenantId, { holdId: id }, hold);
        await bookingsRepository(tx).deleteHold(tenantId, id);
      });
    },
    /** Periodic sweep so expired holds do not linger in the tables. */
    async sweepExpired(tenantIds: string[]): Promise<void> {
      for (const tenantId of tenantIds) await claimsRepository(db).releaseExpiredHolds(tenantId, clock.now());
    },
  };
}
export type HoldService = ReturnType<typeof holdService>;
