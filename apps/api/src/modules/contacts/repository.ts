import type { OptOutSource } from '@frontdesk/contracts';
import type { Queryable } from '../../platform/db/database';

export interface Contact {
  id: string; name: string | null; phone: string | null; email: string | null; lang: string | null;
  optedOut: { at: string; source: OptOutSource } | null;
  createdAt: string; updatedAt: string;
}
export interface Identity { name?: string; phone?: string; email?: string; lang?: string }

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are mapped field by field right here */
const toContact = (r: any): Contact => ({
  id: r.id, name: r.name, phone: r.phone, email: r.email, lang: r.lang, optedOut: r.opted_out ?? null,
  createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
});

export function contactsRepository(db: Queryable) {
  return {
    async insert(tenantId: string, who: Identity): Promise<Contact> {
      const [row] = await db.query(
        `INSERT INTO contacts (tenant_id, name, phone, email, lang) VALUES ($1,$2,$3,$4,$5) RETURNING *`,
        [tenantId, who.name ?? null, who.phone ?? null, who.email ?? null, who.lang ?? null]);
      return toContact(row);
    },
    async get(tenantId: string, id: string, forUpdate = false): Promise<Contact | undefined> {
      const [row] = await db.query(`SELECT * FROM contacts WHERE tenant_id=$1 AND id=$2${forUpdate ? ' FOR UPDATE' : ''}`, [tenantId, id]);
      return row && toContact(row);
    },
    /** Sets exactly the given fields (null clears one). */
    async update(tenantId: string, id: string, fields: Partial<Record<'name' | 'phone' | 'email' | 'lang', string | null>>): Promise<void> {
      const names = Object.keys(fields) as (keyof typeof fields)[];
      if (!names.length) return;
      await db.query(
        `UPDATE contacts SET ${names.map((n, i) => `${n} = $${i + 3}`).join(', ')}, updated_at = now() WHERE tenant_id=$1 AND id=$2`,
        [tenantId, id, ...names.map((n) => fields[n] ?? null)]);
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
      const [row] = await db.query(
        `SELECT * FROM contacts WHERE tenant_id=$1 AND (phone=$2 OR lower(email)=lower($3)) ORDER BY phone=$2 DESC NULLS LAST LIMIT 1`,
        [tenantId, who.phone ?? null, who.email ?? null]);
      return row && toContact(row);
    },
    /** Serialises identification of one handle across concurrent conversations (released at commit). */
    async lockHandles(tenantId: string, who: Identity): Promise<void> {
      for (const handle of [who.phone, who.email?.toLowerCase()].filter(Boolean)) {
        await db.query(`SELECT pg_advisory_xact_lock(hashtext($1 || ':' || $2))`, [tenantId, handle]);
      }
    },
    /** Fills in what we did not know; a known phone or email is never replaced by another. */
    async complete(tenantId: string, id: string, who: Identity): Promise<void> {
      await db.query(
        `UPDATE contacts SET name = coalesce($3, name), phone = coalesce(phone, $4), email = coalesce(email, $5),
                lang = coalesce($6, lang), updated_at = now()
          WHERE tenant_id=$1 AND id=$2`,
        [tenantId, id, who.name ?? null, who.phone ?? null, who.email ?? null, who.lang ?? null]);
    },
    async deleteIfUnused(tenantId: string, id: string): Promise<void> {
      await db.query(
        `DELETE FROM contacts c WHERE c.tenant_id=$1 AND c.id=$2 AND c.phone IS NULL AND c.email IS NULL
            AND NOT EXISTS (SELECT 1 FROM conversations v WHERE v.tenant_id=$1 AND v.contact_id=$2)`, [tenantId, id]);
    },
    async search(tenantId: string, query: string | undefined, limit: number): Promise<Contact[]> {
      const like = query ? `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      const rows = await db.query(
        `SELECT * FROM contacts WHERE tenant_id=$1
            AND ($2::text IS NULL OR name ILIKE $2 OR phone LIKE $2 OR email ILIKE $2)
          ORDER BY updated_at DESC, id LIMIT $3`, [tenantId, like, limit]);
      return rows.map(toContact);
    },
  };
}
