import type { SequenceStep, StopReason } from '@frontdesk/contracts';
import type { Queryable } from '../../../platform/db/database';

export interface EnrolmentRow {
  id: string; sequenceId: string; contactId: string; status: 'active' | 'stopped' | 'completed'; stopReason: StopReason | null;
  source: string; enrolledAt: number; nextStep: number | null; nextStepAt: number | null; lastStepAt: number | null; stoppedAt: number | null;
}
/** An enrolment locked for its next move, with its sequence and what we know of the contact. */
export interface ClaimedEnrolment extends EnrolmentRow {
  steps: SequenceStep[]; sequenceActive: boolean; lastCustomerAt: number | null; lastBookedAt: number | null;
}
export interface StepRow { step: number; dueAt: number; processedAt: number; outcome: 'queued' | 'skipped'; reason: string | null; noticeKey: string }

const ms = (d: Date | null): number | null => (d ? d.getTime() : null);
/* eslint-disable @typescript-eslint/no-explicit-any -- rows are mapped field by field right here */
const toRow = (r: any): EnrolmentRow => ({
  id: r.id, sequenceId: r.sequence_id, contactId: r.contact_id, status: r.status, stopReason: r.stop_reason, source: r.source,
  enrolledAt: r.enrolled_at.getTime(), nextStep: r.next_step, nextStepAt: ms(r.next_step_at), lastStepAt: ms(r.last_step_at), stoppedAt: ms(r.stopped_at),
});
const toClaimed = (r: any): ClaimedEnrolment => ({
  ...toRow(r), steps: r.steps, sequenceActive: r.sequence_active, lastCustomerAt: ms(r.last_customer_at), lastBookedAt: ms(r.last_booked_at),
});
/* eslint-enable @typescript-eslint/no-explicit-any */

const CLAIMED = `SELECT e.*, s.steps, s.active AS sequence_active, c.last_customer_at, c.last_booked_at
   FROM sequence_enrolments e
   JOIN sequences s ON s.tenant_id = e.tenant_id AND s.id = e.sequence_id
   LEFT JOIN sequence_contacts c ON c.tenant_id = e.tenant_id AND c.contact_id = e.contact_id`;

export function enrolmentsRepository(db: Queryable) {
  return {
    /** A new enrolment; undefined when the contact is already enrolled, or this event already enrolled them. */
    async insert(tenantId: string, e: { sequenceId: string; contactId: string; source: string; sourceEventId: number | null; at: Date }) {
      const [row] = await db.query(
        `INSERT INTO sequence_enrolments (tenant_id, sequence_id, contact_id, source, source_event_id, enrolled_at, next_step, next_step_at)
         VALUES ($1,$2,$3,$4,$5,$6,0,$6) ON CONFLICT DO NOTHING RETURNING *`,
        [tenantId, e.sequenceId, e.contactId, e.source, e.sourceEventId, e.at]);
      return row ? toRow(row) : undefined;
    },
    async activeOf(tenantId: string, sequenceId: string, contactId: string): Promise<EnrolmentRow | undefined> {
      const [row] = await db.query(`SELECT * FROM sequence_enrolments WHERE tenant_id=$1 AND sequence_id=$2 AND contact_id=$3 AND status='active'`,
        [tenantId, sequenceId, contactId]);
      return row && toRow(row);
    },
    async get(tenantId: string, id: string, forUpdate = false): Promise<EnrolmentRow | undefined> {
      const [row] = await db.query(`SELECT * FROM sequence_enrolments WHERE tenant_id=$1 AND id=$2${forUpdate ? ' FOR UPDATE' : ''}`, [tenantId, id]);
      return row && toRow(row);
    },
    /** Active enrolments whose next step is due, oldest first. */
    async due(tenantIds: string[], now: Date, limit: number): Promise<{ tenantId: string; id: string }[]> {
      const rows = await db.query<{ tenant_id: string; id: string }>(
        `SELECT tenant_id, id FROM sequence_enrolments WHERE tenant_id = ANY($1::uuid[]) AND status = 'active' AND next_step_at <= $2
          ORDER BY next_step_at LIMIT $3`, [tenantIds, now, limit]);
      return rows.map((r) => ({ tenantId: r.tenant_id, id: r.id }));
    },
    /** The enrolment locked for its next move (skipped while another worker has it); only if still active (and due, when `dueBy` is given). */
    async claim(tenantId: string, id: string, dueBy?: Date): Promise<ClaimedEnrolment | undefined> {
      const [row] = await db.query(
        `${CLAIMED} WHERE e.tenant_id=$1 AND e.id=$2 AND e.status='active' AND ($3::timestamptz IS NULL OR e.next_step_at <= $3)
          FOR UPDATE OF e SKIP LOCKED`, [tenantId, id, dueBy ?? null]);
      return row && toClaimed(row);
    },
    /** A contact's active enrolments, locked (waiting for a worker that has one). */
    async activeOfContact(tenantId: string, contactId: string): Promise<ClaimedEnrolment[]> {
      return (await db.query(`${CLAIMED} WHERE e.tenant_id=$1 AND e.contact_id=$2 AND e.status='active' ORDER BY e.id FOR UPDATE OF e`,
        [tenantId, contactId])).map(toClaimed);
    },
    async schedule(tenantId: string, id: string, next: { nextStep: number; nextStepAt: Date; lastStepAt: Date | null }): Promise<void> {
      await db.query(`UPDATE sequence_enrolments SET next_step=$3, next_step_at=$4, last_step_at=coalesce($5, last_step_at) WHERE tenant_id=$1 AND id=$2`,
        [tenantId, id, next.nextStep, next.nextStepAt, next.lastStepAt]);
    },
    async finish(tenantId: string, id: string, reason: StopReason, at: Date): Promise<void> {
      await db.query(
        `UPDATE sequence_enrolments SET status = CASE WHEN $3 = 'completed' THEN 'completed' ELSE 'stopped' END, stop_reason=$3,
                stopped_at=$4, next_step=NULL, next_step_at=NULL WHERE tenant_id=$1 AND id=$2`, [tenantId, id, reason, at]);
    },
    /** A step, recorded once (the primary key): false when it already was. */
    async recordStep(tenantId: string, enrolmentId: string, s: StepRow): Promise<boolean> {
      const rows = await db.query(
        `INSERT INTO sequence_steps (tenant_id, enrolment_id, step, due_at, processed_at, outcome, reason, notice_key)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT DO NOTHING RETURNING step`,
        [tenantId, enrolmentId, s.step, new Date(s.dueAt), new Date(s.processedAt), s.outcome, s.reason, s.noticeKey]);
      return rows.length > 0;
    },
    async list(tenantId: string, f: { sequenceId?: string; contactId?: string; status?: string; limit: number }): Promise<EnrolmentRow[]> {
      return (await db.query(
        `SELECT * FROM sequence_enrolments WHERE tenant_id=$1 AND ($2::uuid IS NULL OR sequence_id=$2) AND ($3::uuid IS NULL OR contact_id=$3)
            AND ($4::text IS NULL OR status=$4) ORDER BY enrolled_at DESC, id DESC LIMIT $5`,
        [tenantId, f.sequenceId ?? null, f.contactId ?? null, f.status ?? null, f.limit])).map(toRow);
    },
    async steps(tenantId: string, enrolmentIds: string[]): Promise<Map<string, StepRow[]>> {
      const rows = await db.query<{ enrolment_id: string; step: number; due_at: Date; processed_at: Date; outcome: 'queued' | 'skipped'; reason: string | null; notice_key: string }>(
        `SELECT * FROM sequence_steps WHERE tenant_id=$1 AND enrolment_id = ANY($2::uuid[]) ORDER BY enrolment_id, step`, [tenantId, enrolmentIds]);
      const by = new Map<string, StepRow[]>();
      for (const r of rows) {
        by.set(r.enrolment_id, [...(by.get(r.enrolment_id) ?? []),
          { step: r.step, dueAt: r.due_at.getTime(), processedAt: r.processed_at.getTime(), outcome: r.outcome, reason: r.reason, noticeKey: r.notice_key }]);
      }
      return by;
    },
    /** The customer's latest message / booking we have seen (events come in any order: the latest wins). */
    async touchContact(tenantId: string, contactId: string, what: 'customer' | 'booked', at: Date): Promise<void> {
      const column = what === 'customer' ? 'last_customer_at' : 'last_booked_at';
      await db.query(
        `INSERT INTO sequence_contacts (tenant_id, contact_id, ${column}) VALUES ($1,$2,$3)
         ON CONFLICT (tenant_id, contact_id) DO UPDATE SET ${column} = greatest(sequence_contacts.${column}, excluded.${column})`,
        [tenantId, contactId, at]);
    },
  };
}
