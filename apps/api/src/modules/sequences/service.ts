import { SequenceSettings, type Enrolment, type SequenceIn, type SequencePatch } from '@frontdesk/contracts';
import type { Database, Queryable } from '../../platform/db/database';
import { AppError, notFound } from '../../shared/errors';
import { sequencesRepository } from './repository/sequences';
import { enrolmentsRepository, type EnrolmentRow } from './repository/enrolments';
import type { SequenceRunner } from './runner';
import type { SequencePorts } from './ports';

const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

/** Sequences (CRUD), enrolments (by event, by staff), and the staff's view of them. */
export function sequenceService(db: Database, ports: SequencePorts, runner: SequenceRunner) {
  async function sequenceOr404(tenantId: string, id: string) {
    const s = await sequencesRepository(db).get(tenantId, id);
    if (!s) throw notFound('Sequence');
    return s;
  }

  /** Enrols a contact once per triggering event and never twice at a time; undefined when that was already so. */
  async function enrol(tx: Queryable, tenantId: string, sequenceId: string, contactId: string, source: { type: string; eventId: number | null }) {
    const now = ports.clock.now();
    const e = await enrolmentsRepository(tx).insert(tenantId, { sequenceId, contactId, source: source.type, sourceEventId: source.eventId, at: new Date(now) });
    if (!e) return undefined;
    await ports.events.publish(tx, { tenantId, type: 'sequence.enrolled', subjectId: e.id, at: new Date(now),
      data: { sequenceId, contactId, source: source.type } });
    await runner.start(tx, tenantId, e.id, now);
    return e;
  }

  async function present(tenantId: string, rows: EnrolmentRow[]): Promise<Enrolment[]> {
    const steps = await enrolmentsRepository(db).steps(tenantId, rows.map((r) => r.id));
    const notices = await ports.notifications.notices(tenantId, [...steps.values()].flat().map((s) => s.noticeKey));
    return rows.map((r) => ({
      id: r.id, sequenceId: r.sequenceId, contactId: r.contactId, status: r.status, stopReason: r.stopReason, source: r.source,
      enrolledAt: iso(r.enrolledAt)!, nextStep: r.nextStep, nextStepAt: iso(r.nextStepAt), stoppedAt: iso(r.stoppedAt),
      steps: (steps.get(r.id) ?? []).map((s) => ({
        step: s.step, dueAt: iso(s.dueAt)!, processedAt: iso(s.processedAt)!, outcome: s.outcome, reason: s.reason, notice: notices.get(s.noticeKey) ?? null,
      })),
    }));
  }

  return {
    enrol,
    list: (tenantId: string) => sequencesRepository(db).list(tenantId),
    get: sequenceOr404,
    create: (tenantId: string, body: SequenceIn) => sequencesRepository(db).insert(tenantId, body, new Date(ports.clock.now())),
    async update(tenantId: string, id: string, patch: SequencePatch) {
      const current = await sequenceOr404(tenantId, id);
      const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = current;
      return (await sequencesRepository(db).update(tenantId, id, { ...fields, ...patch }, new Date(ports.clock.now())))!;
    },
    async remove(tenantId: string, id: string): Promise<void> {
      if (!(await sequencesRepository(db).remove(tenantId, id))) throw notFound('Sequence');
    },
    /** Staff enrol a contact by hand. */
    async enrolContact(tenantId: string, sequenceId: string, contactId: string): Promise<Enrolment> {
      const sequence = await sequenceOr404(tenantId, sequenceId);
      await ports.contacts.get(tenantId, contactId); // 404 for another tenant's contact
      if (!sequence.active) throw new AppError('SEQUENCE_INACTIVE', 'This sequence is inactive: activate it before enrolling anyone');
      const e = await db.transaction((tx) => enrol(tx, tenantId, sequenceId, contactId, { type: 'manual', eventId: null }));
      if (!e) {
        const active = await enrolmentsRepository(db).activeOf(tenantId, sequenceId, contactId);
        throw new AppError('SEQUENCE_ALREADY_ENROLLED', 'This contact is already enrolled in this sequence', { enrolmentId: active?.id });
      }
      return (await present(tenantId, [(await enrolmentsRepository(db).get(tenantId, e.id))!]))[0]!;
    },
    /** Staff stop one enrolment. */
    async stopEnrolment(tenantId: string, sequenceId: string, enrolmentId: string): Promise<Enrolment> {
      await db.transaction(async (tx) => {
        const e = await enrolmentsRepository(tx).get(tenantId, enrolmentId, true);
        if (!e || e.sequenceId !== sequenceId) throw notFound('Enrolment');
        if (e.status !== 'active') throw new AppError('SEQUENCE_ENROLMENT_FINISHED', `This enrolment has already ${e.status}`, { enrolmentStatus: e.status });
        await runner.stop(tx, tenantId, e, 'staff', ports.clock.now());
      });
      return (await present(tenantId, [(await enrolmentsRepository(db).get(tenantId, enrolmentId))!]))[0]!;
    },
    async enrolments(tenantId: string, sequenceId: string, query: { status?: string; limit: number }) {
      await sequenceOr404(tenantId, sequenceId);
      return present(tenantId, await enrolmentsRepository(db).list(tenantId, { sequenceId, ...query }));
    },
    async enrolmentsOfContact(tenantId: string, contactId: string, query: { status?: string; limit: number }) {
      await ports.contacts.get(tenantId, contactId);
      return present(tenantId, await enrolmentsRepository(db).list(tenantId, { contactId, ...query }));
    },
    settings: async (tenantId: string) => SequenceSettings.parse((await sequencesRepository(db).settings(tenantId)) ?? {}),
    async saveSettings(tenantId: string, settings: SequenceSettings): Promise<SequenceSettings> {
      await sequencesRepository(db).saveSettings(tenantId, settings);
      return settings;
    },
  };
}
export type SequenceService = ReturnType<typeof sequenceService>;
