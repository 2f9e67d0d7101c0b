import type { Queryable } from '../../platform/db/database';

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
           (SELECT count(*)::int FROM bookings WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3) AS bookings_made,
           (SELECT count(*)::int FROM bookings WHERE tenant_id = $1 AND status = 'no_show' AND start_at >= $2 AND start_at < $3) AS no_shows,
           (SELECT coalesce(json_agg(json_build_object('amount', amount, 'currency', currency) ORDER BY currency), '[]')
              FROM (SELECT price_currency AS currency, sum(price_amount)::bigint AS amount FROM bookings
                     WHERE tenant_id = $1 AND status IN ('confirmed', 'completed') AND start_at >= $2 AND start_at < $3
                     GROUP BY price_currency) r) AS revenue`,
        [tenantId, start, end]);
      return { newLeads: row!.new_leads, bookingsMade: row!.bookings_made, noShows: row!.no_shows, revenue: row!.revenue.map((r) => ({ amount: Number(r.amount), currency: r.currency })) };
    },
  };
}
