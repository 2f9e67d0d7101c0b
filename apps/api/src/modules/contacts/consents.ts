import { ConsentSettings, type ConsentAnswer, type ConsentRecord, type ConsentRecordCreate } from '@frontdesk/contracts';
import { decryptField, encryptField } from '../../platform/crypto/fields';
import type { EncryptedTable } from '../../platform/crypto/field-rotation';
import type { Queryable } from '../../platform/db/database';

/** The customer's own words when they answered ("sim", "não") are stored encrypted. */
export const encryptedConsents: EncryptedTable = { table: 'contact_consents', columns: ['words'] };
import { settingsTable } from '../../platform/db/settings-table';

/** One answer for the ledger, as the assistant or a person recorded it. */
export interface ConsentEntry {
  contactId: string; purposes: string[]; answer: ConsentAnswer; channel: string; channelId: string | null;
  conversationId: string | null; text: string; lang: string | null; words: string | null; recordedBy: 'assistant' | 'staff' | 'customer'; at?: Date;
}
/** Where a contact stands on the purposes a tenant asks for: every one granted, the last refusal or withdrawal, or never asked. */
export type ConsentStatus = ConsentAnswer | 'none';

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are mapped field by field right here */
const toRecord = (r: any): ConsentRecord => ({
  id: String(r.id), contactId: r.contact_id, purposes: r.purposes, answer: r.answer, channel: r.channel, channelId: r.channel_id,
  conversationId: r.conversation_id, text: r.text_shown, lang: r.lang, words: decryptField(r.words), recordedBy: r.recorded_by, at: r.at.toISOString(),
});

/** The append-only consent ledger and each tenant's consent settings. */
export function consentLedger(db: Queryable) {
  const settings = settingsTable(db, 'consent_settings');
  return {
    async settings(tenantId: string): Promise<ConsentSettings> {
      return ConsentSettings.parse((await settings.get(tenantId)) ?? {});
    },
    saveSettings: (tenantId: string, value: ConsentSettings) => settings.save(tenantId, value),
    async record(tenantId: string, e: ConsentEntry): Promise<ConsentRecord> {
      const [row] = await db.query(
        `INSERT INTO contact_consents (tenant_id, contact_id, purposes, answer, channel, channel_id, conversation_id, text_shown, lang, words, recorded_by, at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11, coalesce($12, now())) RETURNING *`,
        [tenantId, e.contactId, e.purposes, e.answer, e.channel, e.channelId, e.conversationId, e.text, e.lang, encryptField(e.words), e.recordedBy, e.at ?? null]);
      return toRecord(row);
    },
    async list(tenantId: string, contactId: string): Promise<ConsentRecord[]> {
      const rows = await db.query(`SELECT * FROM contact_consents WHERE tenant_id=$1 AND contact_id=$2 ORDER BY at, id`, [tenantId, contactId]);
      return rows.map(toRecord);
    },
    /** The latest answer per purpose decides: all granted → granted; any refused or withdrawn → the latest of those. */
    async status(tenantId: string, contactId: string, purposes: string[]): Promise<ConsentStatus> {
      const rows = await db.query<{ purpose: string; answer: ConsentAnswer; at: Date }>(
        `SELECT DISTINCT ON (p) p AS purpose, answer, at FROM contact_consents, unnest(purposes) AS p
          WHERE tenant_id=$1 AND contact_id=$2 AND p = ANY($3) ORDER BY p, at DESC, id DESC`, [tenantId, contactId, purposes]);
      const against = rows.filter((r) => r.answer !== 'granted').sort((a, b) => b.at.getTime() - a.at.getTime())[0];
      if (against) return against.answer;
      return rows.length === purposes.length && purposes.length > 0 ? 'granted' : 'none';
    },
    /** A placeholder contact's answers follow the person it turned out to be. */
    async move(tenantId: string, fromId: string, toId: string): Promise<void> {
      await db.query(`UPDATE contact_consents SET contact_id=$3 WHERE tenant_id=$1 AND contact_id=$2`, [tenantId, fromId, toId]);
    },
  };
}

/** What staff post, as a ledger entry. */
export const staffEntry = (contactId: string, body: ConsentRecordCreate): ConsentEntry => ({
  contactId, purposes: body.purposes, answer: body.answer, channel: body.channel, channelId: null, conversationId: null,
  text: body.text, lang: body.lang ?? null, words: body.words ?? null, recordedBy: 'staff', ...(body.at ? { at: new Date(body.at) } : {}),
});
