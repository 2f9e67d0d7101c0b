import type { Template } from '@frontdesk/contracts';
import type { Database, Queryable } from '../../platform/db/database';
import { sqlState } from '../../platform/db/database';
import { AppError, notFound } from '../../shared/errors';

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are mapped field by field right here */
const toTemplate = (r: any): Template => ({
  id: r.id, name: r.name, language: r.language, body: r.body, status: r.status, kind: r.kind ?? null,
  createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
});

/** Each tenant's message templates and their approval, for sends outside the 24-hour window. */
export function messageTemplates(db: Database) {
  return {
    async create(tenantId: string, t: { name: string; language: string; body: string; status: string; kind?: string | null }): Promise<Template> {
      try {
        const [row] = await db.query(`INSERT INTO message_templates (tenant_id, name, language, body, status, kind) VALUES ($1,$2,$3,$4,$5,$6) RETURNING *`,
          [tenantId, t.name, t.language, t.body, t.status, t.kind ?? null]);
        return toTemplate(row);
      } catch (err) {
        if (sqlState(err) === '23505') throw new AppError('TEMPLATE_NAME_TAKEN');
        throw err;
      }
    },
    list: async (tenantId: string) =>
      (await db.query(`SELECT * FROM message_templates WHERE tenant_id=$1 ORDER BY name, language`, [tenantId])).map(toTemplate),
    async update(tenantId: string, id: string, patch: { body?: string; status?: string; kind?: string | null }): Promise<Template> {
      const [row] = await db.query(
        `UPDATE message_templates SET body = coalesce($3, body), status = coalesce($4, status),
           kind = CASE WHEN $5 THEN $6 ELSE kind END, updated_at = now()
          WHERE tenant_id=$1 AND id=$2 RETURNING *`, [tenantId, id, patch.body ?? null, patch.status ?? null, patch.kind !== undefined, patch.kind ?? null]);
      if (!row) throw notFound('Template');
      return toTemplate(row);
    },
    async remove(tenantId: string, id: string): Promise<void> {
      if (!(await db.query(`DELETE FROM message_templates WHERE tenant_id=$1 AND id=$2 RETURNING id`, [tenantId, id])).length) throw notFound('Template');
    },
    /** The template by name in the first of these languages it exists in. */
    async find(tx: Queryable, tenantId: string, name: string, languages: string[]): Promise<Template | undefined> {
      const rows = (await tx.query(`SELECT * FROM message_templates WHERE tenant_id=$1 AND name=$2 AND language = ANY($3)`,
        [tenantId, name, languages])).map(toTemplate);
      return languages.map((l) => rows.find((r) => r.language === l)).find(Boolean);
    },
    /** The tenant's texts for one kind of notice, in every language it has. */
    ofKind: async (tx: Queryable, tenantId: string, kind: string) =>
      (await tx.query(`SELECT * FROM message_templates WHERE tenant_id=$1 AND kind=$2 ORDER BY language`, [tenantId, kind])).map(toTemplate),
    approved: async (tx: Queryable, tenantId: string) =>
      (await tx.query(`SELECT * FROM message_templates WHERE tenant_id=$1 AND status='approved' ORDER BY name`, [tenantId])).map(toTemplate),
  };
}
export type MessageTemplates = ReturnType<typeof messageTemplates>;
