import type { LeadPatch, LeadSettings } from '@frontdesk/contracts';
import type { Database } from '../../platform/db/database';
import { notFound, validationError, type FieldError } from '../../shared/errors';
import { leadsRepository, type LeadChange, type LeadFilter, type LeadRow } from './repository/leads';
import { timelineRepository } from './repository/timeline';
import { leadContext } from './context';
import type { LeadProgress } from './progress';
import type { SlaTimers } from './sla';
import type { LeadsPorts } from './ports';

const encodeCursor = (lead: LeadRow) => Buffer.from(`${lead.createdAt}|${lead.id}`).toString('base64url');
function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) throw validationError([{ path: 'cursor', message: 'not a cursor this API gave' }]);
  return { at, id };
}

/** The staff side of leads: list, read, correct, annotate; and the tenant's lead settings. */
export function leadsService(db: Database, ports: LeadsPorts, progress: LeadProgress, sla: SlaTimers) {
  const { settingsOf, context } = leadContext(db, ports);
  async function leadOr404(tenantId: string, id: string): Promise<LeadRow> {
    const lead = await leadsRepository(db).get(tenantId, id);
    if (!lead) throw notFound('Lead');
    return lead;
  }
  async function present(tenantId: string, lead: LeadRow) {
    const { score: _score, intents: _intents, ...rest } = lead;
    return { ...rest, scoreValue: lead.score?.value ?? null, ...(await leadsRepository(db).belongings(tenantId, lead.id)) };
  }
  async function checkStaff(tenantId: string, ids: { path: string; id: string }[]): Promise<void> {
    if (!ids.length) return;
    const known = new Set((await ports.staff(tenantId, ids.map((i) => i.id))).map((s) => s.id));
    const errors: FieldError[] = ids.filter((i) => !known.has(i.id)).map((i) => ({ path: i.path, message: 'no staff resource of this business has this id' }));
    if (errors.length) throw validationError(errors);
  }

  async function detail(tenantId: string, id: string) {
    const lead = await leadOr404(tenantId, id);
    const [notes, timers, breaches] = await Promise.all([
      timelineRepository(db).notes(tenantId, id), sla.running(tenantId, id), sla.breaches(tenantId, id)]);
    return { ...(await present(tenantId, lead)), score: lead.score, notes, timers, breaches };
  }

  return {
    async list(tenantId: string, query: Omit<LeadFilter, 'before'> & { cursor?: string }) {
      const { cursor, ...filter } = query;
      const rows = await leadsRepository(db).list(tenantId, { ...filter, ...(cursor ? { before: decodeCursor(cursor) } : {}) });
      const ids = rows.map((r) => r.id);
      const [items, names, clocks] = await Promise.all([Promise.all(rows.map((r) => present(tenantId, r))),
        ports.contactNames(tenantId, rows.map((r) => r.contactId)), sla.clocks(tenantId, ids)]);
      return {
        items: items.map((lead) => ({ ...lead, contactName: names.get(lead.contactId) ?? null, clock: clocks.get(lead.id) ?? null })),
        nextCursor: rows.length === query.limit ? encodeCursor(rows.at(-1)!) : null };
    },
    get: detail,
    /** Conversations whose response SLA ran out with nobody answering since. */
    conversationsInBreach: (tenantId: string) => sla.breachedConversations(tenantId),
    /** A person's correction: any stage, owner, tags, answers (which then win over the assistant's), campaign and referral. */
    async update(tenantId: string, id: string, patch: LeadPatch) {
      await leadOr404(tenantId, id);
      if (patch.ownerId) await checkStaff(tenantId, [{ path: 'ownerId', id: patch.ownerId }]);
      const ctx = await context(tenantId);
      await db.transaction(async (tx) => {
        const repo = leadsRepository(tx);
        await repo.lockTenant(tenantId);
        let lead = (await repo.get(tenantId, id))!;
        const at = new Date(ctx.now);
        const change: LeadChange = {};
        if (patch.tags) change.tags = [...new Set(patch.tags)];
        if (patch.fields) {
          change.fields = { ...lead.fields, ...patch.fields };
          change.staffFields = [...new Set([...lead.staffFields, ...Object.keys(patch.fields)])];
        }
        if (patch.source) change.source = { ...lead.source, ...patch.source };
        if (patch.ownerId !== undefined && patch.ownerId !== lead.ownerId) {
          change.ownerId = patch.ownerId;
          if (patch.ownerId) change.routing = 'human';
          await ports.events.publish(tx, { tenantId, type: patch.ownerId ? 'lead.assigned' : 'lead.unassigned', subjectId: id, at,
            data: { ownerId: patch.ownerId, reason: 'set by staff' } });
        }
        const changed = Object.keys(change);
        if (changed.length) {
          lead = await repo.update(tenantId, id, change, at);
          await ports.events.publish(tx, { tenantId, type: 'lead.updated', subjectId: id, at, data: { changed, by: 'staff' } });
        }
        if (patch.stage && patch.stage !== lead.stage) {
          lead = await progress.moveStage(tx, ctx, lead, patch.stage, patch.lostReason ?? 'set by staff', { lostReason: patch.lostReason ?? null });
        }
        // A stage a person chose stands: only the score follows.
        await progress.refresh(tx, ctx, lead, null, { autoStages: !patch.stage });
      });
      return detail(tenantId, id);
    },
    async addNote(tenantId: string, id: string, text: string) {
      await leadOr404(tenantId, id);
      const at = new Date(ports.clock.now());
      return db.transaction(async (tx) => {
        const note = await timelineRepository(tx).addNote(tenantId, id, text, at);
        await ports.events.publish(tx, { tenantId, type: 'lead.note_added', subjectId: id, at, data: { noteId: note.id } });
        return note;
      });
    },
    async timeline(tenantId: string, id: string) {
      const lead = await leadOr404(tenantId, id);
      return timelineRepository(db).events(tenantId, id, lead.contactId);
    },
    settings: async (tenantId: string) => (await settingsOf(tenantId)).settings,
    async saveSettings(tenantId: string, settings: LeadSettings): Promise<LeadSettings> {
      await checkStaff(tenantId, [
        ...settings.routing.agents.map((id, i) => ({ path: `routing.agents[${i}]`, id })),
        ...(settings.sla.escalateTo ? [{ path: 'sla.escalateTo', id: settings.sla.escalateTo }] : []),
      ]);
      await leadsRepository(db).saveSettings(tenantId, settings);
      return settings;
    },
  };
}
export type LeadsService = ReturnType<typeof leadsService>;
