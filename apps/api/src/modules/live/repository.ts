import type { Queryable } from '../../platform/db/database';
import type { StoredEvent } from './domain/frames';

export interface LogPage {
  /** The statement's snapshot: every transaction below xmin had finished; none from xmax on had started. */
  xmin: bigint;
  xmax: bigint;
  events: (StoredEvent & { tx: bigint })[];
}

type PageRow = {
  xmin: string; xmax: string; id: number | null; type: string; subject_id: string | null;
  data: Record<string, unknown>; occurred_at: Date; tx: string;
};

/** The events log read in (transaction, id) order: one page after a position, with the page's snapshot bounds. */
export function liveRepository(db: Queryable) {
  return {
    async page(tenantId: string, types: string[], after: { tx: bigint; id: number }, limit: number): Promise<LogPage> {
      const rows = await db.query<PageRow>(
        `SELECT s.xmin, s.xmax, e.id, e.type, e.subject_id, e.data, e.occurred_at, e.tx::text AS tx
           FROM (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin, pg_snapshot_xmax(pg_current_snapshot())::text AS xmax) s
           LEFT JOIN LATERAL (
             SELECT id, type, subject_id, data, occurred_at, tx FROM events
              WHERE tenant_id = $1 AND (tx, id) > ($2::xid8, $3::bigint) AND type = ANY($4::text[])
              ORDER BY tx, id LIMIT $5) e ON true`,
        [tenantId, after.tx.toString(), after.id, types, limit], 'live-events-page');
      const first = rows[0]!;
      return {
        xmin: BigInt(first.xmin), xmax: BigInt(first.xmax),
        events: rows.filter((r) => r.id !== null).map((r) => ({
          id: r.id!, type: r.type, subjectId: r.subject_id, data: r.data, occurredAt: r.occurred_at.toISOString(), tx: BigInt(r.tx),
        })),
      };
    },
  };
}
