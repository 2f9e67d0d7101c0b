import { BookingPageSettings } from '@frontdesk/contracts';
import type { Queryable } from '../../platform/db/database';
import { settingsTable } from '../../platform/db/settings-table';

export interface ManageLink { tenantId: string; bookingId: string; contactId: string | null }

/** The manage links of bookings made on the page (token hashes only) and each tenant's page settings. */
export function bookingPageRepository(db: Queryable) {
  const settings = settingsTable(db, 'booking_page_settings');
  return {
    async settings(tenantId: string): Promise<BookingPageSettings> {
      return BookingPageSettings.parse((await settings.get(tenantId)) ?? {});
    },
    saveSettings: (tenantId: string, value: BookingPageSettings) => settings.save(tenantId, value),
    async link(tenantId: string, bookingId: string, tokenHash: string, contactId: string): Promise<void> {
      await db.query(`INSERT INTO booking_page_bookings (tenant_id, booking_id, token_hash, contact_id) VALUES ($1,$2,$3,$4)`,
        [tenantId, bookingId, tokenHash, contactId]);
    },
    /** The booking behind a manage link, in whichever tenant it is (the link carries no tenant). */
    async byToken(tokenHash: string): Promise<ManageLink | undefined> {
      const [row] = await db.query<{ tenant_id: string; booking_id: string; contact_id: string | null }>(
        `SELECT tenant_id, booking_id, contact_id FROM booking_page_bookings WHERE token_hash = $1`, [tokenHash]);
      return row && { tenantId: row.tenant_id, bookingId: row.booking_id, contactId: row.contact_id };
    },
  };
}
