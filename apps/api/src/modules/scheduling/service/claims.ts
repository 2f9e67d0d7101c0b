import type { Queryable } from '../../../platform/db/database';
import { AppError } from '../../../shared/errors';
import { sqlState, constraintOf } from '../../../platform/db/database';
import { blockOf } from '../domain/policy';
import { claimsRepository, type Allocation, type Owner } from '../repository/claims';
import type { ServiceRecord } from '../repository/catalogue';

/**
 * Puts a booking or hold on its resources inside the caller's transaction. The database
 * decides races: the exclusion constraint (exclusive services) or the seat CHECK (capacity).
 */
export async function claim(
  tx: Queryable, tenantId: string, service: ServiceRecord, start: number, resourceIds: string[], seats: number,
  owner: (sessionId: string | null, resourceIds: string[], allocation?: Allocation) => Promise<Owner | 'allocated'>,
): Promise<{ sessionId: string | null; resourceIds: string[] }> {
  const claims = claimsRepository(tx);
  const { core, block } = blockOf(start, service.durationMinutes, service.bufferBeforeMinutes, service.bufferAfterMinutes);
  if (service.capacity > 1) {
    const session = await claims.takeSeats(tenantId, service.id, core[0], core[1], resourceIds, service.capacity, seats);
    if (session.opened) await claims.allocate(tenantId, { sessionId: session.sessionId }, session.resourceIds, core, block);
    await owner(session.sessionId, session.resourceIds);
    return session;
  }
  // The owner may write its allocations itself (one statement with its own row) or leave them to us.
  const owned = await owner(null, resourceIds, { core, block });
  if (owned !== 'allocated') await claims.allocate(tenantId, owned, resourceIds, core, block);
  return { sessionId: null, resourceIds };
}

/**
 * Expired holds stay in the allocations table until swept. When a claim collides, sweep them
 * and try once more: cheaper than sweeping before every booking.
 */
export async function overExpiredHolds<T>(db: Queryable, tenantId: string, now: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const state = sqlState(err);
    if (state !== '23P01' && state !== '23514') throw err;
    if ((await claimsRepository(db).releaseExpiredHolds(tenantId, now)) === 0) throw err;
    return work();
  }
}

/** Turns a lost race into a clear 409 naming what holds the time. */
export async function explainClaimFailure(
  db: Queryable, tenantId: string, service: ServiceRecord, start: number, resourceIds: string[], err: unknown,
): Promise<never> {
  if (sqlState(err) === '23514' && constraintOf(err) === 'seat_sessions_capacity') {
    throw new AppError('SCHED_CAPACITY_FULL', `No ${service.capacity > 1 ? 'seats' : 'room'} left at this time`);
  }
  if (sqlState(err) !== '23P01') throw err;
  const { block } = blockOf(start, service.durationMinutes, service.bufferBeforeMinutes, service.bufferAfterMinutes);
  const holder = await claimsRepository(db).conflictAt(tenantId, resourceIds, block);
  const what = holder?.booking_id ? `booking ${holder.booking_id}` : holder?.hold_id ? `hold ${holder.hold_id}` : 'another booking';
  throw new AppError('SCHED_SLOT_TAKEN', `Resource ${holder?.resource_id ?? ''} is already taken by ${what}`.replace('  ', ' '), {
    conflict: {
      resourceId: holder?.resource_id ?? null,
      bookingId: holder?.booking_id ?? null,
      holdId: holder?.hold_id ?? null,
    },
  });
}

export async function unclaim(tx: Queryable, tenantId: string, owner: { bookingId: string } | { holdId: string }, session: { sessionId: string | null; seats: number }) {
  const claims = claimsRepository(tx);
  if (session.sessionId) await claims.giveBackSeats(tenantId, session.sessionId, session.seats);
  else await claims.release(tenantId, owner);
}
