import type { OptOutSource } from '@frontdesk/contracts';
import type { Queryable } from '../../platform/db/database';
import { decryptField, encryptField, lookupHash, lookupHashes, queryTokens, searchTokens } from '../../platform/crypto/fields';
import type { EncryptedTable } from '../../platform/crypto/field-rotation';

export interface Contact {
  id: string; name: string | null; phone: string | null; email: string | null; lang: string | null;
  optedOut: { at: string; source: OptOutSource } | null;
  createdAt: string; updatedAt: string;
}
export interface Identity { name?: string; phone?: string; email?: string; lang?: string }

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are mapped field by field right here */
const toContact = (r: any): Contact => ({
  id: r.id, name: decryptField(r.name), phone: decryptField(r.phone), email: decryptField(r.email), lang: r.lang, optedOut: r.opted_out ?? null,
  createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
});

/** Names, phones and e-mails are stored encrypted, with keyed hashes to find them by. */
export const encryptedContacts: EncryptedTable = {
  table: 'contacts', columns: ['name', 'phone', 'email'],
  lookups: (c) => ({ phone_hash: lookupHash('phone', c.phone), email_hash: lookupHash('email', c.email), search_tokens: searchTokens(c) }),
};
const stored = (field: 'name' | 'phone' | 'email', value: string | null) => ({
  name: { name: encryptField(value) },
  phone: { phone: encryptField(value), phone_hash: lookupHash('phone', value) },
  email: { email: encryptField(value), email_hash: lookupHash('email', value) },
}[field]);

/** A query's condition on contacts holding this phone or e-mail (under any configured key). */
const byHandle = (who: Identity, from: number) => ({
  sql: `(phone_hash = ANY($${from}::text[]) OR email_hash = ANY($${from + 1}::text[]))`,
  params: [lookupHashes('phone', who.phone), lookupHashes('email', who.email)],
});

export function contactsRepository(db: Queryable) {
  /** The search tokens follow the name and phone the row holds now. */
  async function retoken(tenantId: string, id: string): Promise<void> {
    const [row] = await db.query<{ name: string | null; phone: string | null }>(`SELECT name, phone FROM contacts WHERE tenant_id=$1 AND id=$2`, [tenantId, id]);
    if (row) {
      await db.query(`UPDATE contacts SET search_tokens = $3 WHERE tenant_id=$1 AND id=$2`,
        [tenantId, id, searchTokens({ name: decryptField(row.name), phone: decryptField(row.phone) })]);
    }
  }
  return {
    async insert(tenantId: string, who: Identity): Promise<Contact> {
      const [row] = await db.query(
        `INSERT INTO contacts (tenant_id, name, phone, email, lang, search_tokens, phone_hash, email_hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING *`,
        [tenantId, encryptField(who.name), encryptField(who.phone), encryptField(who.email), who.lang ?? null,
          searchTokens(who), lookupHash('phone', who.phone), lookupHash('email', who.email)]);
      return toContact(row);
    },
    async get(tenantId: string, id: string, forUpdate = false): Promise<Contact | undefined> {
      const [row] = await db.query(`SELECT * FROM contacts WHERE tenant_id=$1 AND id=$2${forUpdate ? ' FOR UPDATE' : ''}`, [tenantId, id]);
      return row && toContact(row);
    },
    /** The names of these contacts, decrypted (an id that is not there is left out). */
    async names(tenantId: string, ids: string[]): Promise<Map<string, string | null>> {
      const rows = await db.query<{ id: string; name: string | null }>(`SELECT id, name FROM contacts WHERE tenant_id=$1 AND id = ANY($2::uuid[])`, [tenantId, ids]);
      return new Map(rows.map((r) => [r.id, decryptField(r.name)]));
    },
    /** Sets exactly the given fields (null clears one). */
    async update(tenantId: string, id: string, fields: Partial<Record<'name' | 'phone' | 'email' | 'lang', string | null>>): Promise<void> {
      const columns: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(fields) as [keyof typeof fields, string | null][]) {
        Object.assign(columns, field === 'lang' ? { lang: value } : stored(field, value));
      }
      const names = Object.keys(columns);
      if (!names.length) return;
      await db.query(
        `UPDATE contacts SET ${names.map((n, i) => `${n} = $${i + 3}`).join(', ')}, updated_at = now() WHERE tenant_id=$1 AND id=$2`,
        [tenantId, id, ...names.map((n) => columns[n] ?? null)]);
      if ('name' in fields || 'phone' in fields) await retoken(tenantId, id);
    },
    async setOptedOut(tenantId: string, id: string, optedOut: Contact['optedOut']): Promise<void> {
      await db.query(`UPDATE contacts SET opted_out = $3, updated_at = now() WHERE tenant_id=$1 AND id=$2`,
        [tenantId, id, optedOut && JSON.stringify(optedOut)]);
    },
    async remove(tenantId: string, id: string): Promise<void> {
      await db.query(`DELETE FROM contacts WHERE tenant_id=$1 AND id=$2`, [tenantId, id]);
    },
    async tenantLocale(tenantId: string): Promise<string> {
      const [row] = await db.query<{ locale: string }>(`SELECT locale FROM tenants WHERE id=$1`, [tenantId]);
      return row?.locale ?? 'en';
    },
    /** The contact that already owns this phone or email, if any. */
    async findByHandle(tenantId: string, who: Identity): Promise<Contact | undefined> {
      if (!who.phone && !who.email) return undefined;
      const handle = byHandle(who, 2);
      const [row] = await db.query(
        `SELECT * FROM contacts WHERE tenant_id=$1 AND ${handle.sql} ORDER BY phone_hash = ANY($2::text[]) DESC NULLS LAST LIMIT 1`,
        [tenantId, ...handle.params]);
      return row && toContact(row);
    },
    /** Serialises identification of one handle across concurrent conversations (released at commit). */
    async lockHandles(tenantId: string, who: Identity): Promise<void> {
      for (const handle of [lookupHash('phone', who.phone), lookupHash('email', who.email)].filter(Boolean)) {
        await db.query(`SELECT pg_advisory_xact_lock(hashtext($1 || ':' || $2))`, [tenantId, handle]);
      }
    },
    /** Fills in what we did not know; a known phone or email is never replaced by another. */
    async complete(tenantId: string, id: string, who: Identity): Promise<void> {
      await db.query(
        `UPDATE contacts SET name = coalesce($3, name),
                phone_hash = CASE WHEN phone IS NULL THEN $7 ELSE phone_hash END, phone = coalesce(phone, $4),
                email_hash = CASE WHEN email IS NULL THEN $8 ELSE email_hash END, email = coalesce(email, $5),
                lang = coalesce($6, lang), updated_at = now()
          WHERE tenant_id=$1 AND id=$2`,
        [tenantId, id, encryptField(who.name), encryptField(who.phone), encryptField(who.email), who.lang ?? null,
          lookupHash('phone', who.phone), lookupHash('email', who.email)]);
      if (who.name || who.phone) await retoken(tenantId, id);
    },
    async deleteIfUnused(tenantId: string, id: string): Promise<void> {
      await db.query(
        `DELETE FROM contacts c WHERE c.tenant_id=$1 AND c.id=$2 AND c.phone IS NULL AND c.email IS NULL
            AND NOT EXISTS (SELECT 1 FROM conversations v WHERE v.tenant_id=$1 AND v.contact_id=$2)`, [tenantId, id]);
    },
    /**
     * Contacts by a whole e-mail or phone number, the words of their name, or digits of their
     * phone (every word and digit run must be the contact's): values are encrypted, so the
     * database matches keyed hashes and a digit hit is confirmed on the decrypted phone.
     */
    async search(tenantId: string, query: string | undefined, limit: number): Promise<Contact[]> {
      const q = query?.trim() ?? '';
      const digits = q.replace(/\D/g, '');
      const phones = digits.length >= 6 ? [...lookupHashes('phone', q), ...lookupHashes('phone', `+${digits}`)] : [];
      const tokens = JSON.stringify(q ? queryTokens(q) : []);
      const rows = await db.query(
        `SELECT * FROM contacts WHERE tenant_id=$1
            AND ($2 = '' OR phone_hash = ANY($3::text[]) OR email_hash = ANY($4::text[])
                 OR (jsonb_array_length($5::jsonb) > 0 AND NOT EXISTS (
                   SELECT 1 FROM jsonb_array_elements($5::jsonb) g WHERE NOT search_tokens && ARRAY(SELECT jsonb_array_elements_text(g)))))
          ORDER BY updated_at DESC, id LIMIT $6`, [tenantId, q, phones, lookupHashes('email', q), tokens, digits.length >= 4 ? limit * 4 : limit]);
      const found = rows.map(toContact);
      const onlyDigits = digits.length >= 4 && !/\p{L}/u.test(q);
      return (onlyDigits ? found.filter((c) => c.phone?.replace(/\D/g, '').includes(digits)) : found).slice(0, limit);
    },
  };
}
