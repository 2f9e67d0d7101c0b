import type { Queryable } from '../../../platform/db/database';
import { isoInstant } from '../../../shared/time/iso';
import { decryptField, encryptField, lookupHash, lookupHashes } from '../../../platform/crypto/fields';
import type { EncryptedTable } from '../../../platform/crypto/field-rotation';
import type { Allocation } from './claims';

export interface BookingRecord {
  id: string; serviceId: string; status: 'pending' | 'confirmed' | 'cancelled' | 'completed' | 'no_show';
  start: string; end: string; resourceIds: string[]; seats: number; sessionId: string | null;
  customer: { name: string; phone: string | null; email: string | null };
  price: { amount: number; currency: string }; deposit: { amount: number; currency: string } | null;
  sourceChannel: string; notes: string | null; recurrenceId: string | null;
  cancelledAt: string | null; cancellationReason: string | null; createdAt: string; updatedAt: string;
}
export interface HoldRecord {
  id: string; serviceId: string; start: string; end: string; resourceIds: string[]; seats: number;
  sessionId: string | null; expiresAt: string;
}
export interface NewBooking {
  serviceId: string; status: string; start: number; end: number; resourceIds: string[]; seats: number;
  sessionId: string | null; customer: { name: string; phone?: string; email?: string };
  price: { amount: number; currency: string }; depositAmount: number | null;
  sourceChannel: string; notes: string | null; recurrenceId: string | null;
}

const iso = (v: Date | null) => (v ? isoInstant(v) : null);
/* eslint-disable @typescript-eslint/no-explicit-any -- rows are mapped field by field right here */
const toBooking = (r: any): BookingRecord => ({
  id: r.id, serviceId: r.service_id, status: r.status, start: isoInstant(r.start_at), end: isoInstant(r.end_at),
  resourceIds: r.resource_ids, seats: r.seats, sessionId: r.session_id,
  customer: { name: decryptField(r.customer_name), phone: decryptField(r.customer_phone), email: decryptField(r.customer_email) },
  price: { amount: r.price_amount, currency: r.price_currency },
  deposit: r.deposit_amount === null ? null : { amount: r.deposit_amount, currency: r.price_currency },
  sourceChannel: r.source_channel, notes: decryptField(r.notes), recurrenceId: r.recurrence_id,
  cancelledAt: iso(r.cancelled_at), cancellationReason: decryptField(r.cancellation_reason),
  createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
});
const toHold = (r: any): HoldRecord => ({
  id: r.id, serviceId: r.service_id, start: isoInstant(r.start_at), end: isoInstant(r.end_at),
  resourceIds: r.resource_ids, seats: r.seats, sessionId: r.session_id, expiresAt: isoInstant(r.expires_at),
});
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The customer's name, phone, e-mail, notes and cancellation reason are stored encrypted; phone and e-mail with a keyed hash to find them by. */
export const encryptedBookings: EncryptedTable = {
  table: 'bookings', columns: ['customer_name', 'customer_phone', 'customer_email', 'notes', 'cancellation_reason'],
  lookups: (c) => ({ customer_phone_hash: lookupHash('phone', c.customer_phone), customer_email_hash: lookupHash('email', c.customer_email) }),
};

export interface BookingFilter { from?: string; to?: string; statuses?: string[]; resourceId?: string; limit: number; after?: [string, string] }

export function bookingsRepository(db: Queryable) {
  return {
    /** Inserts the booking and, when given, its allocations on every resource, in one statement. */
    async insertBooking(tenantId: string, b: NewBooking, allocation?: Allocation): Promise<BookingRecord> {
      const insert = `INSERT INTO bookings (tenant_id, service_id, status, start_at, end_at, resource_ids, seats, session_id,
           customer_name, customer_phone, customer_email, price_amount, price_currency, deposit_amount,
           source_channel, notes, recurrence_id, customer_phone_hash, customer_email_hash)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19) RETURNING *`;
      const values = [tenantId, b.serviceId, b.status, new Date(b.start), new Date(b.end), b.resourceIds, b.seats, b.sessionId,
        encryptField(b.customer.name), encryptField(b.customer.phone), encryptField(b.customer.email), b.price.amount, b.price.currency,
        b.depositAmount, b.sourceChannel, encryptField(b.notes), b.recurrenceId, lookupHash('phone', b.customer.phone), lookupHash('email', b.customer.email)];
      const [row] = allocation
        ? await db.query(
          `WITH b AS (${insert}),
                a AS (INSERT INTO allocations (tenant_id, resource_id, booking_id, core, during)
                      SELECT b.tenant_id, r, b.id, tstzrange($20, $21), tstzrange($22, $23) FROM b, unnest(b.resource_ids) AS r)
           SELECT * FROM b`,
          [...values, ...[...allocation.core, ...allocation.block].map((t) => new Date(t))], 'booking-insert-allocated')
        : await db.query(insert, values, 'booking-insert');
      return toBooking(row);
    },
    async booking(tenantId: string, id: string, lock = false): Promise<BookingRecord | undefined> {
      const [row] = await db.query(`SELECT * FROM bookings WHERE tenant_id=$1 AND id=$2 ${lock ? 'FOR UPDATE' : ''}`, [tenantId, id]);
      return row && toBooking(row);
    },
    async list(tenantId: string, f: BookingFilter): Promise<BookingRecord[]> {
      const rows = await db.query(
        `SELECT * FROM bookings WHERE tenant_id = $1
           AND ($2::timestamptz IS NULL OR end_at > $2) AND ($3::timestamptz IS NULL OR start_at < $3)
           AND ($4::text[] IS NULL OR status = ANY($4)) AND ($5::uuid IS NULL OR $5 = ANY(resource_ids))
           AND ($6::timestamptz IS NULL OR (start_at, id) > ($6, $7::uuid))
         ORDER BY start_at, id LIMIT $8`,
        [tenantId, f.from ?? null, f.to ?? null, f.statuses ?? null, f.resourceId ?? null,
          f.after?.[0] ?? null, f.after?.[1] ?? null, f.limit],
      );
      return rows.map(toBooking);
    },
    async activeForResource(tenantId: string, resourceId: string, from: Date, to: Date): Promise<BookingRecord[]> {
      const rows = await db.query(
        `SELECT * FROM bookings WHERE tenant_id=$1 AND $2 = ANY(resource_ids) AND status <> 'cancelled'
           AND end_at > $3 AND start_at < $4 ORDER BY start_at LIMIT 5000`,
        [tenantId, resourceId, from, to],
      );
      return rows.map(toBooking);
    },
    async upcomingForContact(tenantId: string, contact: { phone?: string; email?: string }, after: Date): Promise<BookingRecord[]> {
      const rows = await db.query(
        `SELECT * FROM bookings WHERE tenant_id=$1 AND status IN ('pending','confirmed') AND start_at > $4
           AND (customer_phone_hash = ANY($2::text[]) OR customer_email_hash = ANY($3::text[]))
         ORDER BY start_at LIMIT 10`,
        [tenantId, lookupHashes('phone', contact.phone), lookupHashes('email', contact.email), after],
      );
      return rows.map(toBooking);
    },
    async moveBooking(tenantId: string, id: string, m: { start: number; end: number; resourceIds: string[]; sessionId: string | null }) {
      const [row] = await db.query(
        `UPDATE bookings SET start_at=$3, end_at=$4, resource_ids=$5, session_id=$6, updated_at=now()
          WHERE tenant_id=$1 AND id=$2 RETURNING *`,
        [tenantId, id, new Date(m.start), new Date(m.end), m.resourceIds, m.sessionId],
      );
      return toBooking(row);
    },
    async setStatus(tenantId: string, id: string, status: string, extra: { reason?: string | null; notes?: string | null } = {}) {
      const [row] = await db.query(
        `UPDATE bookings SET status=$3, updated_at=now(),
           cancelled_at = CASE WHEN $3 = 'cancelled' THEN now() ELSE cancelled_at END,
           cancellation_reason = CASE WHEN $3 = 'cancelled' THEN $4 ELSE cancellation_reason END,
           notes = CASE WHEN $5 THEN $6 ELSE notes END
          WHERE tenant_id=$1 AND id=$2 RETURNING *`,
        [tenantId, id, status, encryptField(extra.reason), extra.notes !== undefined, encryptField(extra.notes)],
      );
      return toBooking(row);
    },
    async insertHold(tenantId: string, h: { serviceId: string; start: number; end: number; resourceIds: string[]; seats: number; sessionId: string | null; expiresAt: number }) {
      const [row] = await db.query(
        `INSERT INTO holds (tenant_id, service_id, start_at, end_at, resource_ids, seats, session_id, expires_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING *`,
        [tenantId, h.serviceId, new Date(h.start), new Date(h.end), h.resourceIds, h.seats, h.sessionId, new Date(h.expiresAt)],
      );
      return toHold(row);
    },
    async hold(tenantId: string, id: string, lock = false): Promise<HoldRecord | undefined> {
      const [row] = await db.query(`SELECT * FROM holds WHERE tenant_id=$1 AND id=$2 ${lock ? 'FOR UPDATE' : ''}`, [tenantId, id]);
      return row && toHold(row);
    },
    async deleteHold(tenantId: string, id: string): Promise<void> {
      await db.query(`DELETE FROM holds WHERE tenant_id=$1 AND id=$2`, [tenantId, id]);
    },
  };
}
export type BookingsRepository = ReturnType<typeof bookingsRepository>;
