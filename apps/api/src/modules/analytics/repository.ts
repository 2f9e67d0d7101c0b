import type { Queryable } from '../../platform/db/database';

export interface ContactVisit { contactId: string; start: number; status: 'pending' | 'confirmed' | 'cancelled' | 'completed' | 'no_show' }
export interface WeekCounts { newLeads: number; bookingsMade: number; noShows: number; revenue: { amount: number; currency: string }[] }

/**
 * Counts over other modules' tables, read only (a read model, like the compliance module's
 * scope): no personal field is read here, so none needs decrypting.
 */
export function analyticsRepository(db: Queryable) {
  return {
    async weekCounts(tenantId: string, start: Date, end: Date): Promise<WeekCounts> {
      const [row] = await db.query<{ new_leads: number; bookings_made: number; no_shows: number; revenue: { amount: number; currency: string }[] }>(
        `SELECT
           (SELECT count(*)::int FROM leads WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3) AS new_leads,
           (SELECT count(*)::int FROM bookings WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3 AND source_channel <> 'test') AS bookings_made,
           (SELECT count(*)::int FROM bookings WHERE tenant_id = $1 AND status = 'no_show' AND start_at >= $2 AND start_at < $3 AND source_channel <> 'test') AS no_shows,
           (SELECT coalesce(json_agg(json_build_object('amount', amount, 'currency', currency) ORDER BY currency), '[]')
              FROM (SELECT price_currency AS currency, sum(price_amount)::bigint AS amount FROM bookings
                     WHERE tenant_id = $1 AND status IN ('confirmed', 'completed') AND start_at >= $2 AND start_at < $3 AND source_channel <> 'test'
                     GROUP BY price_currency) r) AS revenue`,
        [tenantId, start, end]);
      return { newLeads: row!.new_leads, bookingsMade: row!.bookings_made, noShows: row!.no_shows, revenue: row!.revenue.map((r) => ({ amount: Number(r.amount), currency: r.currency })) };
    },
    /**
     * Every contact's bookings starting from `since` on: made for their phone or e-mail (keyed
     * hashes), in their conversations, for their lead, or on the booking page as them.
     */
    async contactVisits(tenantId: string, since: Date): Promise<ContactVisit[]> {
      const rows = await db.query<{ contact_id: string; start_at: Date; status: ContactVisit['status'] }>(
        `WITH links AS (
           SELECT c.id AS contact_id, b.id AS booking_id FROM contacts c
             JOIN bookings b ON b.tenant_id = c.tenant_id AND b.customer_phone_hash = c.phone_hash WHERE c.tenant_id = $1
           UNION SELECT c.id, b.id FROM contacts c
             JOIN bookings b ON b.tenant_id = c.tenant_id AND b.customer_email_hash = c.email_hash WHERE c.tenant_id = $1
           UNION SELECT contact_id, booking_id FROM booking_links WHERE tenant_id = $1 AND contact_id IS NOT NULL
           UNION SELECT contact_id, booking_id FROM booking_page_bookings WHERE tenant_id = $1 AND contact_id IS NOT NULL
           UNION SELECT l.contact_id, lb.booking_id FROM lead_bookings lb
             JOIN leads l ON l.tenant_id = lb.tenant_id AND l.id = lb.lead_id WHERE lb.tenant_id = $1 AND l.contact_id IS NOT NULL)
         SELECT k.contact_id, b.start_at, b.status FROM links k
           JOIN bookings b ON b.tenant_id = $1 AND b.id = k.booking_id
           JOIN contacts c ON c.tenant_id = $1 AND c.id = k.contact_id
          WHERE b.start_at >= $2`,
        [tenantId, since]);
      return rows.map((r) => ({ contactId: r.contact_id, start: r.start_at.getTime(), status: r.status }));
    },
  };
}
