import { SequenceSettings, type StopReason } from '@frontdesk/contracts';
import type { Database, Queryable } from '../../platform/db/database';
import { afterSending, decide, type EnrolmentFacts, type Timing } from './domain/progress';
import { enrolmentsRepository, type ClaimedEnrolment } from './repository/enrolments';
import { sequencesRepository } from './repository/sequences';
import type { SequencePorts } from './ports';

const BATCH = 100;
export const noticeKey = (enrolmentId: string, step: number) => `sequence:${enrolmentId}:${step}`;

/**
 * Moves enrolments on: each move is one transaction over the locked enrolment, which stops it
 * (and says why), times its next step (quiet hours applied), or sends the step that is due —
 * through the notifications module, under a business key, so a step goes out once.
 */
export function sequenceRunner(db: Database, ports: SequencePorts) {
  async function timingOf(tenantId: string, q: Queryable = db): Promise<Timing> {
    const [saved, tenant] = await Promise.all([sequencesRepository(q).settings(tenantId), ports.tenant(tenantId)]);
    return { quietHours: SequenceSettings.parse(saved ?? {}).quietHours, timeZone: tenant.timeZone };
  }

  async function stop(tx: Queryable, tenantId: string, e: Pick<ClaimedEnrolment, 'id' | 'sequenceId' | 'contactId' | 'nextStep'>, reason: StopReason,
    now: number): Promise<void> {
    const at = new Date(now);
    await enrolmentsRepository(tx).finish(tenantId, e.id, reason, at);
    await ports.events.publish(tx, { tenantId, type: 'sequence.stopped', subjectId: e.id, at,
      data: { sequenceId: e.sequenceId, contactId: e.contactId, reason, stepsSent: e.nextStep ?? 0 } });
  }

  async function send(tx: Queryable, tenantId: string, e: ClaimedEnrolment, index: number, dueAt: number, now: number): Promise<void> {
    const step = e.steps[index]!;
    const key = noticeKey(e.id, index);
    const result = await ports.notifications.notify(tx, {
      tenantId, contactId: e.contactId, kind: 'follow_up', variables: {}, texts: step.texts, dedupeKey: key, dueAt: now,
      ...(step.templateName ? { templateName: step.templateName } : {}),
    });
    const recorded = await enrolmentsRepository(tx).recordStep(tenantId, e.id, {
      step: index, dueAt, processedAt: now, outcome: result.status, reason: result.reason ?? null, noticeKey: key });
    if (!recorded) return;
    await ports.events.publish(tx, { tenantId, type: 'sequence.step_sent', subjectId: e.id, at: new Date(now),
      data: { sequenceId: e.sequenceId, contactId: e.contactId, step: index, outcome: result.status, ...(result.reason ? { reason: result.reason } : {}) } });
  }

  /** One move of a locked enrolment; `sendDue` false only re-times or stops it (an event's reaction leaves sending to the sweep). */
  async function move(tx: Queryable, tenantId: string, e: ClaimedEnrolment, timing: Timing, now: number, sendDue: boolean): Promise<void> {
    const contact = await ports.contacts.find(tx, tenantId, e.contactId);
    let facts: EnrolmentFacts = {
      enrolledAt: e.enrolledAt, nextStep: e.nextStep ?? 0, lastStepAt: e.lastStepAt, lastCustomerAt: e.lastCustomerAt, lastBookedAt: e.lastBookedAt,
      optedOut: !!contact?.optedOut, contactGone: !contact, sequenceActive: e.sequenceActive,
    };
    let sent = false;
    for (;;) {
      const d = decide(e.steps, facts, now, timing);
      if (d.action === 'stop') return stop(tx, tenantId, { ...e, nextStep: facts.nextStep }, d.reason, now);
      const repo = enrolmentsRepository(tx);
      const lastStepAt = sent ? new Date(now) : null;
      if (d.action === 'wait') return repo.schedule(tenantId, e.id, { nextStep: facts.nextStep, nextStepAt: new Date(d.until), lastStepAt });
      // At most one step per move: another one due at once goes on the next sweep.
      if (!sendDue || sent) return repo.schedule(tenantId, e.id, { nextStep: facts.nextStep, nextStepAt: new Date(d.dueAt), lastStepAt });
      await send(tx, tenantId, e, d.step, d.dueAt, now);
      facts = afterSending(facts, now);
      sent = true;
    }
  }

  return {
    timingOf,
    /** Re-times or stops a contact's enrolments after something they did (a message, a booking, an opt-out). */
    async react(tx: Queryable, tenantId: string, contactId: string, now: number): Promise<void> {
      const enrolments = await enrolmentsRepository(tx).activeOfContact(tenantId, contactId);
      if (!enrolments.length) return;
      const timing = await timingOf(tenantId, tx);
      for (const e of enrolments) await move(tx, tenantId, e, timing, now, false);
    },
    /** Times the first step of an enrolment just made (or stops it at once: an opted-out contact). */
    async start(tx: Queryable, tenantId: string, enrolmentId: string, now: number): Promise<void> {
      const e = await enrolmentsRepository(tx).claim(tenantId, enrolmentId);
      if (e) await move(tx, tenantId, e, await timingOf(tenantId, tx), now, false);
    },
    stop,
    /** Every due step of these tenants up to `now`, each in its own transaction; returns how many enrolments moved. */
    async sweep(tenantIds: string[], now: number): Promise<number> {
      if (!tenantIds.length) return 0;
      const due = await enrolmentsRepository(db).due(tenantIds, new Date(now), BATCH);
      const timings = new Map<string, Timing>();
      let moved = 0;
      for (const { tenantId, id } of due) {
        if (!timings.has(tenantId)) timings.set(tenantId, await timingOf(tenantId));
        moved += await db.transaction(async (tx) => {
          const e = await enrolmentsRepository(tx).claim(tenantId, id, new Date(now));
          if (!e) return 0; // another sweep has it, or it moved meanwhile
          await move(tx, tenantId, e, timings.get(tenantId)!, now, true);
          return 1;
        });
      }
      return moved;
    },
  };
}
export type SequenceRunner = ReturnType<typeof sequenceRunner>;
