import type { Queryable } from '../../../platform/db/database';

export interface BusyRow {
  resource_id: string; booking_id: string | null; hold_id: string | null; session_id: string | null;
  session_service_id: string | null; cs: number; ce: number; ds: number; de: number;
}
export interface SessionRow { id: string; start: number; end: number; resource_ids: string[]; seats_taken: number }
export type Owner = { bookingId: string } | { holdId: string } | { sessionId: string };
export interface Allocation { core: [number, number]; block: [number, number] }

const iso = (epochMs: number) => new Date(epochMs).toISOString();

/** Allocations: what bookings, holds and seat sessions occupy on each resource. */
export function claimsRepository(db: Queryable) {
  return {
    /** Frees what expired holds occupied (their allocations go with them; their seats go back). */
    async releaseExpiredHolds(tenantId: string, now: number): Promise<number> {
      const [row] = await db.query<{ released: number; sessions: number }>(
        `WITH expired AS (DELETE FROM holds WHERE tenant_id = $1 AND expires_at <= $2 RETURNING session_id, seats),
              freed AS (SELECT session_id, sum(seats)::int AS seats FROM expired WHERE session_id IS NOT NULL GROUP BY session_id),
              updated AS (UPDATE seat_sessions s SET seats_taken = s.seats_taken - freed.seats FROM freed
                           WHERE s.tenant_id = $1 AND s.id = freed.session_id RETURNING s.id)
         SELECT (SELECT count(*) FROM expired)::int AS released, (SELECT count(*) FROM updated)::int AS sessions`,
        [tenantId, iso(now)],
      );
      if (row!.sessions > 0) await this.dropEmptySessionAllocations(tenantId);
      return row!.released;
    },
    async dropEmptySessionAllocations(tenantId: string): Promise<void> {
      await db.query(
        `DELETE FROM allocations a USING seat_sessions s
          WHERE a.tenant_id = $1 AND s.tenant_id = $1 AND a.session_id = s.id AND s.seats_taken = 0`,
        [tenantId],
      );
    },
    async allocate(tenantId: string, owner: Owner, resourceIds: string[], core: [number, number], block: [number, number]) {
      const column = 'bookingId' in owner ? 'booking_id' : 'holdId' in owner ? 'hold_id' : 'session_id';
      const ownerId = 'bookingId' in owner ? owner.bookingId : 'holdId' in owner ? owner.holdId : owner.sessionId;
      await db.query(
        `INSERT INTO allocations (tenant_id, resource_id, ${column}, core, during)
         SELECT $1, r, $3, tstzrange($4, $5), tstzrange($6, $7) FROM unnest($2::uuid[]) AS r`,
        [tenantId, resourceIds, ownerId, iso(core[0]), iso(core[1]), iso(block[0]), iso(block[1])],
      );
    },
    async release(tenantId: string, owner: { bookingId: string } | { holdId: string }): Promise<void> {
      const [column, id] = 'bookingId' in owner ? ['booking_id', owner.bookingId] : ['hold_id', owner.holdId];
      await db.query(`DELETE FROM allocations WHERE tenant_id = $1 AND ${column} = $2`, [tenantId, id]);
    },
    async transferHoldToBooking(tenantId: string, holdId: string, bookingId: string): Promise<void> {
      await db.query(`UPDATE allocations SET hold_id = NULL, booking_id = $3 WHERE tenant_id = $1 AND hold_id = $2`,
        [tenantId, holdId, bookingId]);
    },
    /** Takes seats in the session at this start, creating it if needed; the CHECK constraint refuses overbooking. */
    async takeSeats(tenantId: string, serviceId: string, start: number, end: number, resourceIds: string[], capacity: number, seats: number) {
      const [row] = await db.query<{ id: string; seats_taken: number; resource_ids: string[] }>(
        `INSERT INTO seat_sessions (tenant_id, service_id, start_at, end_at, resource_ids, capacity, seats_taken)
         VALUES ($1,$2,$3,$4,$5,$6,$7)
         ON CONFLICT (tenant_id, service_id, start_at)
         DO UPDATE SET seats_taken = seat_sessions.seats_taken + EXCLUDED.seats_taken,
                       resource_ids = CASE WHEN seat_sessions.seats_taken = 0 THEN EXCLUDED.resource_ids ELSE seat_sessions.resource_ids END
         RETURNING id, seats_taken, resource_ids`,
        [tenantId, serviceId, iso(start), iso(end), resourceIds, capacity, seats],
      );
      return { sessionId: row!.id, resourceIds: row!.resource_ids, opened: row!.seats_taken === seats };
    },
    async giveBackSeats(tenantId: string, sessionId: string, seats: number): Promise<void> {
      await db.query(`UPDATE seat_sessions SET seats_taken = seats_taken - $3 WHERE tenant_id = $1 AND id = $2`,
        [tenantId, sessionId, seats]);
      await this.dropEmptySessionAllocations(tenantId);
    },
    /** Names what holds a resource at this time, for a 409 after a lost race. */
    async conflictAt(tenantId: string, resourceIds: string[], block: [number, number]) {
      const [row] = await db.query<{ resource_id: string; booking_id: string | null; hold_id: string | null; session_id: string | null }>(
        `SELECT resource_id, booking_id, hold_id, session_id FROM allocations
          WHERE tenant_id = $1 AND resource_id = ANY($2::uuid[]) AND during && tstzrange($3, $4) LIMIT 1`,
        [tenantId, resourceIds, iso(block[0]), iso(block[1])],
      );
      return row;
    },
  };
}
export type ClaimsRepository = ReturnType<typeof claimsRepository>;
