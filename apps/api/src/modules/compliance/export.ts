import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import type { Queryable } from '../../platform/db/database';
import { decryptField } from '../../platform/crypto/fields';
import { openState } from '../conversations/at-rest';
import { openValues } from '../leads/repository/leads';
import { openDetails } from '../../platform/crypto/sealed-details';
import type { PersonScope } from './scope';

type Row = Record<string, unknown>;

/** One query per data class; $1 the tenant, $2 the contact, $3 every id of the person, then the scope's lists. */
const CLASSES: Record<string, string> = {
  contact: `SELECT id, name, phone, email, lang, opted_out, created_at, updated_at FROM contacts WHERE tenant_id=$1 AND id=$2`,
  contact_history: `SELECT kind, channel_id, detail, at FROM contact_events WHERE tenant_id=$1 AND contact_id=$2 ORDER BY at, id`,
  consents: `SELECT purposes, answer, channel, channel_id, conversation_id, text_shown, lang, words, recorded_by, at
    FROM contact_consents WHERE tenant_id=$1 AND contact_id=$2 ORDER BY at, id`,
  channel_identities: `SELECT i.channel_id, ch.type AS channel_type, i.handle, i.conversation_id, i.status, i.last_inbound_at
    FROM channel_identities i JOIN channels ch ON ch.tenant_id = i.tenant_id AND ch.id = i.channel_id WHERE i.tenant_id=$1 AND i.contact_id=$2`,
  conversations: `SELECT id, channel, channel_id, handled_by, tags, state, created_at, last_message_at
    FROM conversations WHERE tenant_id=$1 AND id = ANY($4::uuid[]) ORDER BY created_at`,
  conversation_notes: `SELECT conversation_id, text, created_at FROM conversation_notes WHERE tenant_id=$1 AND conversation_id = ANY($4::uuid[]) ORDER BY created_at, id`,
  messages: `SELECT conversation_id, seq, direction, author, text, created_at, sent_at
    FROM messages WHERE tenant_id=$1 AND conversation_id = ANY($4::uuid[]) ORDER BY conversation_id, seq`,
  bookings: `SELECT b.id, s.name AS service, b.status, b.start_at, b.end_at, b.customer_name, b.customer_phone, b.customer_email, b.notes,
      b.price_amount, b.price_currency, b.source_channel, b.cancelled_at, b.cancellation_reason, b.created_at
    FROM bookings b JOIN services s ON s.tenant_id = b.tenant_id AND s.id = b.service_id WHERE b.tenant_id=$1 AND b.id = ANY($5::uuid[]) ORDER BY b.start_at`,
  holds: `SELECT id, service_id, start_at, end_at, expires_at, created_at FROM holds WHERE tenant_id=$1 AND id = ANY($6::uuid[])`,
  leads: `SELECT id, stage, lost_reason, source, tags, fields, temperature, created_at, updated_at FROM leads WHERE tenant_id=$1 AND id = ANY($7::uuid[])`,
  lead_notes: `SELECT lead_id, text, created_at FROM lead_notes WHERE tenant_id=$1 AND lead_id = ANY($7::uuid[]) ORDER BY created_at`,
  lead_timeline: `SELECT subject_id AS lead_id, type, data, occurred_at FROM events WHERE tenant_id=$1 AND subject_id = ANY($7::uuid[]) ORDER BY id`,
  tickets: `SELECT id, conversation_id, subject, status, priority, resolution, opened_at, resolved_at, closed_at
    FROM tickets WHERE tenant_id=$1 AND id = ANY($8::uuid[]) ORDER BY opened_at`,
  ticket_events: `SELECT ticket_id, kind, actor, detail, at FROM ticket_events WHERE tenant_id=$1 AND ticket_id = ANY($8::uuid[]) ORDER BY id`,
  notices: `SELECT n.id, n.kind, n.status, n.due_at, n.channel_type, n.variables, m.text, n.created_at
    FROM notices n LEFT JOIN messages m ON m.tenant_id = n.tenant_id AND m.id = n.message_id WHERE n.tenant_id=$1 AND n.id = ANY($9::uuid[]) ORDER BY n.due_at`,
  sequence_enrolments: `SELECT e.id, q.name AS sequence, e.status, e.stop_reason, e.source, e.enrolled_at, e.last_step_at, e.stopped_at
    FROM sequence_enrolments e JOIN sequences q ON q.tenant_id = e.tenant_id AND q.id = e.sequence_id WHERE e.tenant_id=$1 AND e.id = ANY($10::uuid[])`,
  webhook_deliveries: `SELECT d.id, d.event_type, d.status, d.body, d.created_at FROM webhook_deliveries d
    JOIN events e ON e.tenant_id = d.tenant_id AND e.id = d.event_id WHERE d.tenant_id=$1 AND e.subject_id::text = ANY($3::text[]) ORDER BY d.created_at`,
  audit: `SELECT a.id, a.at, a.actor, a.action, a.target, a.status FROM audit_log a
    WHERE a.tenant_id=$1 AND EXISTS (SELECT 1 FROM jsonb_each_text(a.target) t WHERE t.value = ANY($3::text[])) ORDER BY a.id`,
};

// Every query gets every parameter: this names their types even where a query leaves some unused.
const TYPED = `WITH params AS (SELECT $1::uuid, $2::uuid, $3::text[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[], $8::uuid[], $9::uuid[], $10::uuid[])`;

/** Everything stored about one person, by data class. */
export async function collectExport(db: Queryable, tenantId: string, s: PersonScope): Promise<Record<string, Row[]>> {
  const params = [tenantId, s.contactId, s.allIds, s.conversationIds, s.bookingIds, s.holdIds, s.leadIds, s.ticketIds, s.noticeIds, s.enrolmentIds];
  const out: Record<string, Row[]> = {};
  for (const [name, sql] of Object.entries(CLASSES)) {
    out[name] = (await db.query<Row>(`${TYPED} ${sql}`, params)).map(plain).map(OPEN[name] ?? ((row) => row));
  }
  return out;
}

// Personal fields are stored encrypted; the export hands them over readable.
/** A conversation's dialogue state is sealed: the export shows what it learnt (answers, name, phone, e-mail). */
const learnt = ({ state, ...row }: Row): Row => {
  const { fields, customer } = openState(state as Parameters<typeof openState>[0]);
  return { ...row, answers: fields, customer };
};
/** Data classes whose rows keep sealed parts, opened for the person. */
const OPEN: Record<string, (row: Row) => Row> = {
  conversations: learnt,
  lead_timeline: (row) => ({ ...row, data: openDetails(row.data as Record<string, unknown>) }),
  contact_history: (row) => ({ ...row, detail: openDetails(row.detail as Record<string, unknown>) }),
  ticket_events: (row) => ({ ...row, detail: openDetails(row.detail as Record<string, unknown>) }),
  notices: (row) => ({ ...row, variables: openDetails(row.variables as Record<string, unknown>) }),
  leads: (row) => ({ ...row, fields: openValues(row.fields as Record<string, string>) }),
};
const plain = (row: Row): Row => Object.fromEntries(Object.entries(row).map(([k, v]) =>
  [k, v instanceof Date ? v.toISOString() : typeof v === 'string' ? decryptField(v) : v]));
const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** A zip of `data.json` (every class) and one CSV per class, headers from the class's columns. */
export function zipExport(data: Record<string, Row[]>, meta: Row): Uint8Array {
  const files: Record<string, Uint8Array> = { 'data.json': strToU8(JSON.stringify({ ...meta, data }, null, 2)) };
  for (const [name, rows] of Object.entries(data)) {
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    files[`${name}.csv`] = strToU8(stringify(rows.map((r) => columns.map((c) => cell(r[c]))), { header: true, columns, bom: true }));
  }
  return zipSync(files, { level: 6 });
}
