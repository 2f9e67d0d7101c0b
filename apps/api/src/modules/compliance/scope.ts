import { openDetails } from '../../platform/crypto/sealed-details';
import type { Queryable } from '../../platform/db/database';
import { decryptField } from '../../platform/crypto/fields';
import { openState } from '../conversations/at-rest';
import type { ConversationState } from '../conversations/domain/policy/types';
import type { PersonalValues } from './domain/needles';

/** The rows that are about one contact, by table: what an export reads and an erasure rewrites. */
export interface PersonScope {
  contactId: string;
  conversationIds: string[];
  bookingIds: string[];
  leadIds: string[];
  ticketIds: string[];
  noticeIds: string[];
  enrolmentIds: string[];
  holdIds: string[];
  identities: { channelId: string; handle: string }[];
  /** Every id above, to find events, jobs and audit entries that mention the person. */
  allIds: string[];
}

const ids = async (db: Queryable, sql: string, params: unknown[]) => (await db.query<{ id: string }>(sql, params)).map((r) => r.id);

/**
 * Finds everything that belongs to a contact: their conversations and channel handles; the bookings
 * linked to those conversations, to their lead, or made for their phone or e-mail; their lead,
 * tickets, notices and sequence enrolments.
 */
export async function personScope(db: Queryable, tenantId: string, contactId: string): Promise<PersonScope> {
  const conversationIds = await ids(db, `SELECT id FROM conversations WHERE tenant_id=$1 AND contact_id=$2`, [tenantId, contactId]);
  const leadIds = await ids(db, `SELECT id FROM leads WHERE tenant_id=$1 AND contact_id=$2`, [tenantId, contactId]);
  const bookingIds = await ids(db, `
    SELECT b.id FROM bookings b JOIN contacts c ON c.tenant_id = b.tenant_id AND c.id = $2
     WHERE b.tenant_id = $1 AND (
       EXISTS (SELECT 1 FROM booking_links l WHERE l.tenant_id=$1 AND l.booking_id=b.id AND (l.contact_id=$2 OR l.conversation_id = ANY($3::uuid[])))
       OR EXISTS (SELECT 1 FROM lead_bookings lb WHERE lb.tenant_id=$1 AND lb.booking_id=b.id AND lb.lead_id = ANY($4::uuid[]))
       OR b.customer_phone_hash = c.phone_hash OR b.customer_email_hash = c.email_hash)`,
  [tenantId, contactId, conversationIds, leadIds]);
  const ticketIds = await ids(db, `SELECT id FROM tickets WHERE tenant_id=$1 AND (contact_id=$2 OR conversation_id = ANY($3::uuid[]))`,
    [tenantId, contactId, conversationIds]);
  const noticeIds = await ids(db, `SELECT id FROM notices WHERE tenant_id=$1 AND (contact_id=$2 OR booking_id = ANY($3::uuid[]) OR conversation_id = ANY($4::uuid[]))`,
    [tenantId, contactId, bookingIds, conversationIds]);
  const enrolmentIds = await ids(db, `SELECT id FROM sequence_enrolments WHERE tenant_id=$1 AND contact_id=$2`, [tenantId, contactId]);
  const holdIds = await ids(db, `SELECT DISTINCT state->>'holdId' AS id FROM conversations WHERE tenant_id=$1 AND id = ANY($2::uuid[]) AND state ? 'holdId'`,
    [tenantId, conversationIds]);
  const identities = (await db.query<{ channel_id: string; handle: string }>(
    `SELECT channel_id, handle FROM channel_identities WHERE tenant_id=$1 AND contact_id=$2`, [tenantId, contactId]))
    .map((r) => ({ channelId: r.channel_id, handle: decryptField(r.handle) }));
  const allIds = [contactId, ...conversationIds, ...bookingIds, ...leadIds, ...ticketIds, ...noticeIds, ...enrolmentIds, ...holdIds];
  return { contactId, conversationIds, bookingIds, leadIds, ticketIds, noticeIds, enrolmentIds, holdIds, identities, allIds };
}

const texts = async (db: Queryable, sql: string, params: unknown[]) =>
  (await db.query<{ v: string | null }>(sql, params)).map((r) => decryptField(r.v)).filter((v): v is string => !!v && v.trim().length > 0);

/** Every personal value the person's rows hold, read before any of them is rewritten. */
export async function personalValues(db: Queryable, tenantId: string, s: PersonScope): Promise<PersonalValues> {
  // What each conversation learnt, from its (sealed) dialogue state.
  const states = (await db.query<{ state: Parameters<typeof openState>[0] }>(`SELECT state FROM conversations WHERE tenant_id=$1 AND id = ANY($2::uuid[])`,
    [tenantId, s.conversationIds])).map((r) => openState(r.state));
  const learnt = (pick: (c: ConversationState['customer']) => string | undefined) => states.map((st) => pick(st.customer)).filter((v): v is string => !!v);
  const own = [tenantId, s.contactId, s.bookingIds];
  // History entries and ticket notes keep their details sealed.
  const details = async (sql: string, params: unknown[]) =>
    (await db.query<{ kind: string; detail: Record<string, unknown> }>(sql, params)).map((r) => ({ kind: r.kind, detail: openDetails(r.detail) }));
  const history = await details(`SELECT kind, detail FROM contact_events WHERE tenant_id=$1 AND contact_id=$2`, [tenantId, s.contactId]);
  const tickets = await details(`SELECT kind, detail FROM ticket_events WHERE tenant_id=$1 AND ticket_id = ANY($2::uuid[])`, [tenantId, s.ticketIds]);
  const names = [...await texts(db, `
    SELECT name AS v FROM contacts WHERE tenant_id=$1 AND id=$2
    UNION SELECT customer_name FROM bookings WHERE tenant_id=$1 AND id = ANY($3::uuid[])`, own), ...learnt((c) => c.name)];
  const phones = [...await texts(db, `
    SELECT phone AS v FROM contacts WHERE tenant_id=$1 AND id=$2
    UNION SELECT customer_phone FROM bookings WHERE tenant_id=$1 AND id = ANY($3::uuid[])`, own), ...learnt((c) => c.phone),
    ...history.filter((h) => h.kind === 'phone_changed').flatMap((h) => [h.detail.from, h.detail.to]).filter((v): v is string => typeof v === 'string')];
  const emails = [...await texts(db, `
    SELECT email AS v FROM contacts WHERE tenant_id=$1 AND id=$2
    UNION SELECT customer_email FROM bookings WHERE tenant_id=$1 AND id = ANY($3::uuid[])`, own), ...learnt((c) => c.email)];
  const written = await texts(db, `
    SELECT text AS v FROM messages WHERE tenant_id=$1 AND conversation_id = ANY($2::uuid[]) AND author = 'customer'
    UNION SELECT value FROM leads, jsonb_each_text(fields) WHERE tenant_id=$1 AND id = ANY($4::uuid[])
    UNION SELECT text FROM lead_notes WHERE tenant_id=$1 AND lead_id = ANY($4::uuid[])
    UNION SELECT notes FROM bookings WHERE tenant_id=$1 AND id = ANY($3::uuid[])
    UNION SELECT subject FROM tickets WHERE tenant_id=$1 AND id = ANY($5::uuid[])
    UNION SELECT comment FROM ticket_ratings WHERE tenant_id=$1 AND ticket_id = ANY($5::uuid[])`, [tenantId, s.conversationIds, s.bookingIds, s.leadIds, s.ticketIds]);
  const notes = [...history, ...tickets].map((h) => h.detail.text).filter((v): v is string => typeof v === 'string' && v.trim().length > 0);
  const answers = states.flatMap((st) => [...Object.values(st.fields), ...(st.consent?.held ? [st.consent.held.text] : [])]);
  return { names, phones, emails, handles: s.identities.map((i) => i.handle), texts: [...written, ...notes, ...answers] };
}
