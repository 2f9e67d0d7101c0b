import { notFound, validationError } from '../../../shared/errors';
import { sqlState, type Database } from '../../../platform/db/database';
import { normaliseTags, type Queue } from '../domain/desk';
import { deskRepository } from './repository';

/** Which conversations have a response SLA that ran out with nobody answering since (the leads module knows). */
export type BreachedConversations = (tenantId: string) => Promise<string[]>;
export interface DeskQuery { queue: Queue; tag?: string | undefined; limit: number; userId: string | null }

/** The inbox as a team's work queue: queues with counts, assignment, tags and private notes. */
export function conversationDesk(db: Database, clock: { now(): number }) {
  let breached: BreachedConversations = async () => [];
  const exists = async (tenantId: string, found: boolean | Promise<boolean>) => {
    if (!(await found)) throw notFound('Conversation');
  };

  return {
    /** Wired after the leads module is made (compose.ts). */
    useBreaches(fn: BreachedConversations) { breached = fn; },

    async list(tenantId: string, q: DeskQuery) {
      const scope = { now: new Date(clock.now()), userId: q.userId, breached: await breached(tenantId), tag: q.tag };
      const repo = deskRepository(db);
      const [items, counts] = await Promise.all([repo.list(tenantId, q.queue, scope, q.limit), repo.counts(tenantId, scope)]);
      return { items, counts };
    },

    /** Assigns to a staff member of the tenant (or to nobody) and sets the tags; someone from outside is refused by the field's name. */
    async update(tenantId: string, conversationId: string, patch: { assigneeId?: string | null | undefined; tags?: string[] | undefined }): Promise<void> {
      const tags = patch.tags && normaliseTags(patch.tags);
      try {
        await exists(tenantId, deskRepository(db).update(tenantId, conversationId, { assigneeId: patch.assigneeId, tags }));
      } catch (err) {
        if (sqlState(err) === '23503') throw validationError([{ path: 'assigneeId', message: 'is not a staff member of this business' }]);
        throw err;
      }
    },
    claim: (tenantId: string, conversationId: string, userId: string) => deskRepository(db).claim(tenantId, conversationId, userId),
    async addNote(tenantId: string, conversationId: string, authorId: string | null, text: string) {
      try {
        return await deskRepository(db).addNote(tenantId, conversationId, authorId, text);
      } catch (err) {
        if (sqlState(err) === '23503') throw notFound('Conversation');
        throw err;
      }
    },
    notes: (tenantId: string, conversationId: string) => deskRepository(db).notes(tenantId, conversationId),
  };
}
export type ConversationDesk = ReturnType<typeof conversationDesk>;
