import type { BookingCreate } from '@frontdesk/contracts';
import { AppError, notFound, validationError } from '../../../shared/errors';
import { sqlState, type Database, type Queryable } from '../../../platform/db/database';
import { canMove, insideCancellationWindow, isActive } from '../domain/policy';
import { bookingsRepository, type BookingFilter, type BookingRecord } from '../repository/bookings';
import { claimsRepository } from '../repository/claims';
import type { ServiceRecord } from '../repository/catalogue';
import type { Clock } from '../ports';
import { claim, explainClaimFailure, overExpiredHolds, unclaim } from './claims';
import { slotUnavailable, type AvailabilityService } from './availability';
import type { CatalogueService } from './catalogue';

const MINUTE = 60_000;
const ATTEMPTS_FOR_ANY_RESOURCE = 3;

export type NewBookingInput = Omit<BookingCreate, 'holdId'> & { recurrenceId?: string };
/** Work that must commit or roll back with the booking (idempotency records, outbox events). */
export interface TxHooks {
  first?: (tx: Queryable) => Promise<void>;
  last?: (tx: Queryable, booking: BookingRecord) => Promise<void>;
}

export function bookingService(db: Database, catalogue: CatalogueService, availability: AvailabilityService, clock: Clock) {
  /** Finds a free slot and claims it; a lost race for "any available" tries the next free resources. */
  async function book(tenantId: string, input: NewBookingInput, hooks: TxHooks = {}): Promise<BookingRecord> {
    const start = Date.parse(input.start);
    for (let attempt = 1; ; attempt++) {
      const check = await availability.check(tenantId, input.serviceId, start, { resourceIds: input.resourceIds, seats: input.seats });
      if (!check.bookable) throw slotUnavailable(check.reasons);
      const { service } = check;
      try {
        const insert = (q: Queryable) => insertClaimed(q, tenantId, service, input, start, check.slot.resourceIds);
        // An exclusive booking is one statement; seats and hooks need a transaction around several.
        const needsTx = service.capacity > 1 || hooks.first || hooks.last;
        return await overExpiredHolds(db, tenantId, clock.now(), () => (!needsTx ? insert(db) : db.transaction(async (tx) => {
          await hooks.first?.(tx);
          const booking = await insert(tx);
          await hooks.last?.(tx, booking);
          return booking;
        })));
      } catch (err) {
        const retry = !input.resourceIds && attempt < ATTEMPTS_FOR_ANY_RESOURCE && sqlState(err) === '23P01';
        if (!retry) await explainClaimFailure(db, tenantId, service, start, check.slot.resourceIds, err);
      }
    }
  }

  async function insertClaimed(tx: Queryable, tenantId: string, service: ServiceRecord, input: NewBookingInput, start: number, resourceIds: string[]) {
    let booking: BookingRecord | undefined;
    await claim(tx, tenantId, service, start, resourceIds, input.seats, async (sessionId, claimed, allocation) => {
      booking = await bookingsRepository(tx).insertBooking(tenantId, {
        serviceId: service.id, status: input.status, start, end: start + service.durationMinutes * MINUTE,
        resourceIds: claimed, seats: input.seats, sessionId, customer: input.customer,
        price: { amount: service.price.amount * input.seats, currency: service.price.currency },
        depositAmount: service.deposit ? service.deposit.amount * input.seats : null,
        sourceChannel: input.sourceChannel, notes: input.notes ?? null, recurrenceId: input.recurrenceId ?? null,
      }, allocation);
      return allocation ? 'allocated' : { bookingId: booking.id };
    });
    return booking!;
  }

  async function bookingOr404(tenantId: string, id: string, q: Queryable = db, lock = false) {
    const b = await bookingsRepository(q).booking(tenantId, id, lock);
    if (!b) throw notFound('Booking');
    return b;
  }

  function assertChangeable(b: BookingRecord, service: ServiceRecord, overridePolicy: boolean) {
    if (!isActive(b.status)) throw new AppError('SCHED_BOOKING_NOT_ACTIVE', `The booking is ${b.status}`);
    if (!overridePolicy && insideCancellationWindow(clock.now(), Date.parse(b.start), service.cancellationWindowMinutes)) {
      throw new AppError('SCHED_CANCELLATION_WINDOW',
        `Changes must be made at least ${service.cancellationWindowMinutes} minutes before the start; send overridePolicy to force`);
    }
  }

  return {
    book,
    claimInTx: insertClaimed,
    async create(tenantId: string, input: BookingCreate, hooks: TxHooks = {}): Promise<BookingRecord> {
      if (input.holdId) return this.confirmHold(tenantId, await catalogue.service(tenantId, input.serviceId), input, hooks);
      return book(tenantId, input, hooks);
    },
    /** Turns an unexpired hold into the booking without ever freeing the time in between. */
    async confirmHold(tenantId: string, service: ServiceRecord, input: BookingCreate, hooks: TxHooks = {}) {
      return db.transaction(async (tx) => {
        await hooks.first?.(tx);
        const repo = bookingsRepository(tx);
        const hold = await repo.hold(tenantId, input.holdId!, true);
        if (!hold) throw notFound('Hold');
        if (Date.parse(hold.expiresAt) <= clock.now()) throw new AppError('SCHED_HOLD_EXPIRED', `The hold expired at ${hold.expiresAt}`);
        if (hold.serviceId !== service.id || Date.parse(hold.start) !== Date.parse(input.start) || hold.seats !== input.seats) {
          throw new AppError('SCHED_HOLD_MISMATCH', `The hold is for service ${hold.serviceId} at ${hold.start} with ${hold.seats} seat(s)`);
        }
        const start = Date.parse(hold.start);
        const booking = await repo.insertBooking(tenantId, {
          serviceId: service.id, status: input.status, start, end: Date.parse(hold.end), resourceIds: hold.resourceIds,
          seats: hold.seats, sessionId: hold.sessionId, customer: input.customer,
          price: { amount: service.price.amount * hold.seats, currency: service.price.currency },
          depositAmount: service.deposit ? service.deposit.amount * hold.seats : null,
          sourceChannel: input.sourceChannel, notes: input.notes ?? null, recurrenceId: null,
        });
        await claimsRepository(tx).transferHoldToBooking(tenantId, hold.id, booking.id);
        await repo.deleteHold(tenantId, hold.id);
        await hooks.last?.(tx, booking);
        return booking;
      });
    },
    get: (tenantId: string, id: string) => bookingOr404(tenantId, id),
    /** A customer's coming bookings, found by the phone or email they booked with. */
    upcomingForContact: (tenantId: string, contact: { phone?: string; email?: string }) =>
      bookingsRepository(db).upcomingForContact(tenantId, contact, new Date(clock.now())),
    async list(tenantId: string, filter: BookingFilter) {
      return bookingsRepository(db).list(tenantId, filter);
    },
    async reschedule(tenantId: string, id: string, input: { start: string; resourceIds?: string[]; durationMinutes?: number; overridePolicy: boolean }) {
      const current = await bookingOr404(tenantId, id);
      const service = resized(await catalogue.service(tenantId, current.serviceId), input.durationMinutes);
      assertChangeable(current, service, input.overridePolicy);
      const start = Date.parse(input.start);
      const check = await availability.check(tenantId, service.id, start,
        { resourceIds: input.resourceIds, seats: current.seats, excludeBookingId: id, durationMinutes: input.durationMinutes });
      if (!check.bookable) throw slotUnavailable(check.reasons);
      try {
        return await overExpiredHolds(db, tenantId, clock.now(), () => db.transaction(async (tx) => {
          const locked = await bookingOr404(tenantId, id, tx, true);
          assertChangeable(locked, service, input.overridePolicy);
          await unclaim(tx, tenantId, { bookingId: id }, locked);
          let moved: BookingRecord | undefined;
          await claim(tx, tenantId, service, start, check.slot.resourceIds, locked.seats, async (sessionId, resourceIds) => {
            moved = await bookingsRepository(tx).moveBooking(tenantId, id,
              { start, end: start + service.durationMinutes * MINUTE, resourceIds, sessionId });
            return { bookingId: id };
          });
          return moved!;
        }));
      } catch (err) {
        return explainClaimFailure(db, tenantId, service, start, check.slot.resourceIds, err);
      }
    },
    async cancel(tenantId: string, id: string, input: { reason?: string; overridePolicy: boolean }) {
      return db.transaction(async (tx) => {
        const b = await bookingOr404(tenantId, id, tx, true);
        const service = await catalogue.service(tenantId, b.serviceId);
        assertChangeable(b, service, input.overridePolicy);
        await unclaim(tx, tenantId, { bookingId: id }, b);
        return bookingsRepository(tx).setStatus(tenantId, id, 'cancelled', { reason: input.reason ?? null });
      });
    },
    async update(tenantId: string, id: string, input: { status?: string; notes?: string | null }) {
      return db.transaction(async (tx) => {
        const b = await bookingOr404(tenantId, id, tx, true);
        const status = input.status ?? b.status;
        if (!canMove(b.status, status)) throw new AppError('SCHED_BOOKING_NOT_ACTIVE', `A ${b.status} booking cannot become ${status}`);
        return bookingsRepository(tx).setStatus(tenantId, id, status, input.notes !== undefined ? { notes: input.notes } : {});
      });
    },
  };
}
export type BookingService = ReturnType<typeof bookingService>;

/** The service with a booking's own length (a resize); group sessions keep the service's. */
function resized(service: ServiceRecord, durationMinutes: number | undefined): ServiceRecord {
  if (durationMinutes === undefined || durationMinutes === service.durationMinutes) return service;
  if (service.capacity > 1) throw validationError([{ path: 'body.durationMinutes', message: 'a group session keeps the service\'s length' }]);
  return { ...service, durationMinutes };
}
