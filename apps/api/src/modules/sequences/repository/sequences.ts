import type { Sequence, SequenceSettings, SequenceStep, SequenceTrigger } from '@frontdesk/contracts';
import { settingsTable } from '../../../platform/db/settings-table';
import type { Queryable } from '../../../platform/db/database';

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are mapped field by field right here */
const toSequence = (r: any): Sequence => ({
  id: r.id, name: r.name, trigger: r.trigger, steps: r.steps, active: r.active,
  createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
});

export interface SequenceFields { name: string; trigger: SequenceTrigger; steps: SequenceStep[]; active: boolean }

export function sequencesRepository(db: Queryable) {
  return {
    async insert(tenantId: string, s: SequenceFields, at: Date): Promise<Sequence> {
      const [row] = await db.query(
        `INSERT INTO sequences (tenant_id, name, trigger, steps, active, created_at, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$6) RETURNING *`,
        [tenantId, s.name, JSON.stringify(s.trigger), JSON.stringify(s.steps), s.active, at]);
      return toSequence(row);
    },
    async update(tenantId: string, id: string, s: SequenceFields, at: Date): Promise<Sequence | undefined> {
      const [row] = await db.query(
        `UPDATE sequences SET name=$3, trigger=$4, steps=$5, active=$6, updated_at=$7 WHERE tenant_id=$1 AND id=$2 RETURNING *`,
        [tenantId, id, s.name, JSON.stringify(s.trigger), JSON.stringify(s.steps), s.active, at]);
      return row && toSequence(row);
    },
    async get(tenantId: string, id: string): Promise<Sequence | undefined> {
      const [row] = await db.query(`SELECT * FROM sequences WHERE tenant_id=$1 AND id=$2`, [tenantId, id]);
      return row && toSequence(row);
    },
    async list(tenantId: string): Promise<Sequence[]> {
      return (await db.query(`SELECT * FROM sequences WHERE tenant_id=$1 ORDER BY created_at, id`, [tenantId])).map(toSequence);
    },
    /** The active sequences an event of this type may enrol into. */
    async triggeredBy(tenantId: string, eventType: string): Promise<Sequence[]> {
      return (await db.query(`SELECT * FROM sequences WHERE tenant_id=$1 AND active AND trigger->>'event' = $2`, [tenantId, eventType])).map(toSequence);
    },
    async any(tenantId: string): Promise<boolean> {
      return (await db.query(`SELECT 1 FROM sequences WHERE tenant_id=$1 LIMIT 1`, [tenantId])).length > 0;
    },
    async remove(tenantId: string, id: string): Promise<boolean> {
      return (await db.query(`DELETE FROM sequences WHERE tenant_id=$1 AND id=$2 RETURNING id`, [tenantId, id])).length > 0;
    },
    settings: (tenantId: string): Promise<unknown> => settingsTable(db, 'sequence_settings').get(tenantId),
    saveSettings: (tenantId: string, settings: SequenceSettings): Promise<void> => settingsTable(db, 'sequence_settings').save(tenantId, settings),
  };
}
