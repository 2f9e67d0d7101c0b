import type { Queryable } from '../../platform/db/database';
import { decryptField, ENCRYPTED_VALUES, encryptField, encryptSameAll } from '../../platform/crypto/fields';
import type { PersonScope } from './scope';

export const ERASED = '[erased]';

/** The replacement of every needle in a column's text (cast back by the caller). `$p` picks the pattern. */
const scrub = (col: string, p = '$2') => `regexp_replace(${col}::text, ${p}, $3, 'gi')`;
// Ticket events and contact events carry written notes under these keys.
const TEXT_KEYS = `ARRAY['text', 'note', 'comment', 'body', 'words']`;

interface Patterns {
  /** Every needle: for rows known to be about the person. */
  all: string;
  /** Only the distinctive ones (phones, e-mails, handles, full names, sentences): for the tenant's other rows. */
  strong: string;
  /** Every needle and the distinctive ones, for encrypted texts the database cannot search. */
  allInText: RegExp | undefined;
  strongInText: RegExp | undefined;
}

/**
 * Rewrites every personal value of one person, table by table, inside the caller's transaction.
 * Rows stay (bookings keep their times, status, service and price; counts still add up); their
 * personal columns become the pseudonym, `[erased]` or nothing. Returns the rows changed per class.
 */
export async function anonymise(tx: Queryable, tenantId: string, s: PersonScope, patterns: Patterns, pseudonym: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const run = async (dataClass: string, sql: string, extra: unknown[] = []) => {
    // The CTE names the four common parameters' types, whether or not the statement uses them.
    const rows = await tx.query(`WITH params AS (SELECT $1::uuid, $2::text, $3::text, $4::text) ${sql} RETURNING 1`,
      [tenantId, patterns.all, pseudonym, patterns.strong, ...extra]);
    counts[dataClass] = (counts[dataClass] ?? 0) + rows.length;
  };
  const ids = (list: string[]) => [list];

  await run('contact', `UPDATE contacts SET name = $3, phone = NULL, email = NULL, search_tokens = '{}', phone_hash = NULL, email_hash = NULL,
      opted_out = NULL, erased_at = now(), updated_at = now()
    WHERE tenant_id=$1 AND id=$5`, [s.contactId]);
  await run('contact_history', `UPDATE contact_events SET detail = ${scrub(`((detail - 'sealed') || (SELECT coalesce(jsonb_object_agg(k, to_jsonb('${ERASED}'::text)), '{}') FROM unnest(${TEXT_KEYS}) k WHERE detail ? k))`)}::jsonb
    WHERE tenant_id=$1 AND contact_id=$5`, [s.contactId]);
  await run('channel_identities', `DELETE FROM channel_identities WHERE tenant_id=$1 AND contact_id=$5`, [s.contactId]);
  // The conversation ends: its chat token stops working and its dialogue state forgets the answers.
  await run('conversations', `UPDATE conversations SET token_hash = NULL,
      state = ${scrub(`(((state || '{"fields": {}, "customer": {}, "cancelCandidates": []}'::jsonb) #- '{consent,held}') - 'awaiting' - 'sealed')`)}::jsonb
    WHERE tenant_id=$1 AND id = ANY($5::uuid[])`, ids(s.conversationIds));
  await run('conversations', `UPDATE conversations SET tags = '{}' WHERE tenant_id=$1 AND id = ANY($5::uuid[]) AND tags <> '{}'`, ids(s.conversationIds));
  await run('conversation_notes', `UPDATE conversation_notes SET text = '${ERASED}' WHERE tenant_id=$1 AND conversation_id = ANY($5::uuid[])`, ids(s.conversationIds));
  await run('messages', `UPDATE messages SET text = '${ERASED}', understanding = NULL, tool_calls = NULL,
      options = ${scrub('options')}::jsonb
    WHERE tenant_id=$1 AND conversation_id = ANY($5::uuid[]) AND author = 'customer'`, ids(s.conversationIds));
  await run('messages', `UPDATE messages SET options = ${scrub('options')}::jsonb, sources = ${scrub('sources')}::jsonb,
      tool_calls = ${scrub('tool_calls')}::jsonb, delivery = ${scrub('delivery')}::jsonb, understanding = ${scrub('understanding')}::jsonb
    WHERE tenant_id=$1 AND conversation_id = ANY($5::uuid[]) AND author <> 'customer'
      AND concat_ws(' ', options, sources, tool_calls, delivery, understanding) ~* $2`, ids(s.conversationIds));
  counts.messages = (counts.messages ?? 0) + await scrubRepliesText(tx, tenantId, s.conversationIds, patterns.allInText, pseudonym);
  await run('bookings', `UPDATE bookings SET customer_name = $3, customer_phone = NULL, customer_email = NULL, notes = NULL,
      customer_phone_hash = NULL, customer_email_hash = NULL,
      cancellation_reason = CASE WHEN cancellation_reason IS NULL THEN NULL ELSE '${ERASED}' END WHERE tenant_id=$1 AND id = ANY($5::uuid[])`, ids(s.bookingIds));
  await run('leads', `UPDATE leads SET fields = '{}', staff_fields = '{}', tags = '{}', lost_reason = ${scrub('lost_reason')},
      score = ${scrub('score')}::jsonb, source = ${scrub('source')}::jsonb WHERE tenant_id=$1 AND id = ANY($5::uuid[])`, ids(s.leadIds));
  await run('lead_notes', `UPDATE lead_notes SET text = '${ERASED}' WHERE tenant_id=$1 AND lead_id = ANY($5::uuid[])`, ids(s.leadIds));
  await run('tickets', `UPDATE tickets SET subject = '${ERASED}', resolution = ${scrub('resolution')} WHERE tenant_id=$1 AND id = ANY($5::uuid[])`, ids(s.ticketIds));
  await run('tickets', `UPDATE ticket_ratings SET comment = NULL WHERE tenant_id=$1 AND ticket_id = ANY($5::uuid[]) AND comment IS NOT NULL`, ids(s.ticketIds));
  await run('ticket_events', `UPDATE ticket_events SET detail = ${scrub(`((detail - 'sealed') || (SELECT coalesce(jsonb_object_agg(k, to_jsonb('${ERASED}'::text)), '{}') FROM unnest(${TEXT_KEYS}) k WHERE detail ? k))`)}::jsonb
    WHERE tenant_id=$1 AND ticket_id = ANY($5::uuid[])`, ids(s.ticketIds));
  // Reminders still to come are called off: there is nobody left to send them to.
  await run('notices', `UPDATE notices SET variables = ${scrub(`(variables - 'sealed')`)}::jsonb, reason = CASE WHEN status = 'scheduled' THEN 'erased' ELSE ${scrub('reason')} END,
      status = CASE WHEN status = 'scheduled' THEN 'cancelled' ELSE status END WHERE tenant_id=$1 AND id = ANY($5::uuid[])`, ids(s.noticeIds));
  await run('sequence_enrolments', `UPDATE sequence_enrolments SET stop_reason = CASE WHEN status = 'active' THEN 'erased' ELSE ${scrub('stop_reason')} END,
      stopped_at = CASE WHEN status = 'active' THEN now() ELSE stopped_at END, next_step_at = NULL,
      status = CASE WHEN status = 'active' THEN 'stopped' ELSE status END WHERE tenant_id=$1 AND id = ANY($5::uuid[])`, ids(s.enrolmentIds));
  await eraseTransport(tx, s, run);
  // Webhook bodies, idempotent answers, audit values, events' details and the jobs carrying them are
  // encrypted: scrubbed in the application.
  const sealed = (table: string, key: string, column: string, mine: string, tenant?: string) =>
    scrubSealed(tx, { tenantId, table, key, column, mine, ids: s.allIds, patterns, pseudonym, ...(tenant ? { tenant } : {}) });
  counts.events = (counts.events ?? 0) + await sealed('events', 'id', 'data', 't.subject_id::text = ANY(p.ids)');
  for (const { name: job } of (await jobTables(tx)).filter((t) => t.has_id)) {
    counts.jobs = (counts.jobs ?? 0) + await sealed(`pgboss."${job}"`, 'id', 'data', `t.data::text ~ array_to_string(p.ids, '|')`, `t.data->>'tenantId'`);
  }
  counts.webhook_deliveries = (counts.webhook_deliveries ?? 0)
    + await sealed('webhook_deliveries', 'id', 'body', `EXISTS (SELECT 1 FROM events e WHERE e.tenant_id=$1 AND e.id = t.event_id AND e.subject_id::text = ANY(p.ids))`);
  counts.idempotency_keys = (counts.idempotency_keys ?? 0) + await sealed('idempotency_keys', 'key', 'response_body', 'false');
  counts.audit = (counts.audit ?? 0) + await sealed('audit_values', 'ref', 'value', `t.ref IN (SELECT r #>> '{}' FROM audit_log a,
      jsonb_path_query(jsonb_build_array(a.request, a.before, a.after), 'lax $.**."$ref"') r
     WHERE a.tenant_id=$1 AND EXISTS (SELECT 1 FROM jsonb_each_text(a.target) x WHERE x.value = ANY(p.ids)))`);
  return counts;
}

/** Assistant and staff replies are encrypted: the person's values are replaced in the application. */
async function scrubRepliesText(tx: Queryable, tenantId: string, conversationIds: string[], needles: RegExp | undefined, pseudonym: string): Promise<number> {
  if (!needles || !conversationIds.length) return 0;
  const rows = await tx.query<{ id: string; text: string }>(
    `SELECT id, text FROM messages WHERE tenant_id=$1 AND conversation_id = ANY($2::uuid[]) AND author <> 'customer'`, [tenantId, conversationIds]);
  let changed = 0;
  for (const row of rows) {
    const text = decryptField(row.text);
    const scrubbed = text.replace(needles, pseudonym);
    if (scrubbed === text) continue;
    await tx.query(`UPDATE messages SET text = $3 WHERE tenant_id=$1 AND id=$2`, [tenantId, row.id, encryptField(scrubbed)]);
    changed += 1;
  }
  return changed;
}

/**
 * A column of encrypted values the database cannot search: the tenant's rows are read in the
 * application, every needle replaced in rows about the person (`mine`), the distinctive ones
 * elsewhere, and the changed rows written back encrypted. Returns the rows changed.
 */
async function scrubSealed(tx: Queryable, o: {
  tenantId: string; table: string; key: string; column: string;
  /** How the table names its tenant (pg-boss jobs keep it in their data). */
  tenant?: string;
  /** SQL over the row `t` and the person's ids `p.ids`: is the row about them? */
  mine: string; ids: string[]; patterns: Patterns; pseudonym: string;
}): Promise<number> {
  const rows = await tx.query<{ k: string; v: string; mine: boolean; json: boolean }>(
    `SELECT t.${o.key} AS k, t.${o.column}::text AS v, (${o.mine}) AS mine, pg_typeof(t.${o.column}) = 'jsonb'::regtype AS json
       FROM ${o.table} t, (SELECT $2::text[] AS ids) p WHERE (${o.tenant ?? 't.tenant_id'})::text = $1::text AND t.${o.column}::text LIKE '%enc:v1:%'`, [o.tenantId, o.ids]);
  let changed = 0;
  for (const row of rows) {
    const needles = row.mine ? o.patterns.allInText : o.patterns.strongInText;
    if (!needles) continue;
    const scrubbed = row.v.replace(ENCRYPTED_VALUES, (token) => {
      const clear = decryptField(token);
      const next = clear.replace(needles, o.pseudonym);
      return next === clear ? token : encryptField(next);
    });
    if (scrubbed === row.v) continue;
    await tx.query(`UPDATE ${o.table} t SET ${o.column} = $3${row.json ? '::jsonb' : ''} WHERE (${o.tenant ?? 't.tenant_id'})::text = $1::text AND t.${o.key}::text = $2`,
      [o.tenantId, row.k, scrubbed]);
    changed += 1;
  }
  return changed;
}

type Run = (dataClass: string, sql: string, extra?: unknown[]) => Promise<void>;

/** Raw provider payloads, sends, events, webhooks, idempotent answers, jobs and audit values. */
async function eraseTransport(tx: Queryable, s: PersonScope, run: Run): Promise<void> {
  // Handles are stored encrypted (the same way each time): the person's rows are found by them under every key.
  const stored = s.identities.flatMap((i) => encryptSameAll(i.handle).map((handle) => ({ channelId: i.channelId, handle })));
  const channels = stored.map((i) => i.channelId);
  const handles = stored.map((i) => i.handle);
  await run('inbound_events', `UPDATE inbound_events SET payload = jsonb_build_object('erased', $3::text), last_error = ${scrub('last_error')},
      processed_at = coalesce(processed_at, now())
    WHERE tenant_id=$1 AND (payload::text ~* $4 OR (channel_id, payload->>'from') IN (SELECT * FROM unnest($5::uuid[], $6::text[])))`, [channels, handles]);
  // What was sent to the person: its text is encrypted, so it goes whole.
  await run('outbox', `UPDATE outbox SET handle = $3, payload = jsonb_set(${scrub('payload')}::jsonb, '{text}', to_jsonb('${ERASED}'::text)),
      last_error = ${scrub('last_error')}::jsonb,
      status = CASE WHEN status IN ('queued', 'sending', 'held') THEN 'failed' ELSE status END
    WHERE tenant_id=$1 AND ((channel_id, handle) IN (SELECT * FROM unnest($5::uuid[], $6::text[]))
      OR message_id IN (SELECT id FROM messages WHERE tenant_id=$1 AND conversation_id = ANY($7::uuid[])))`, [channels, handles, s.conversationIds]);
  const about = `subject_id = ANY($5::uuid[])`;
  await run('events', `UPDATE events SET data = ${scrub('data', `CASE WHEN ${about} THEN $2 ELSE $4 END`)}::jsonb
    WHERE tenant_id=$1 AND (${about} AND data::text ~* $2 OR data::text ~* $4)`, [s.allIds]);
  await run('webhook_deliveries', `UPDATE webhook_deliveries d SET body = ${scrub('body', `CASE WHEN mine THEN $2 ELSE $4 END`)}, last_error = ${scrub('last_error')}
    FROM (SELECT id, EXISTS (SELECT 1 FROM events e WHERE e.tenant_id=$1 AND e.id = w.event_id AND e.subject_id = ANY($5::uuid[])) AS mine
            FROM webhook_deliveries w WHERE w.tenant_id=$1) m
    WHERE d.tenant_id=$1 AND d.id = m.id AND (mine AND d.body ~* $2 OR d.body ~* $4)`, [s.allIds]);
  await run('webhook_deliveries', `UPDATE webhook_attempts SET response_body = ${scrub('response_body', '$4')}, error = ${scrub('error', '$4')}
    WHERE tenant_id=$1 AND concat_ws(' ', response_body, error) ~* $4`);
  await run('idempotency_keys', `UPDATE idempotency_keys SET response_body = ${scrub('response_body', '$4')}::jsonb
    WHERE tenant_id=$1 AND response_body::text ~* $4`);
  // Audit values of entries about the person (their ids in the route) lose every needle; the others the distinctive ones.
  await run('audit', `UPDATE audit_values v SET value = ${scrub('value', `CASE WHEN v.ref = ANY(m.refs) THEN $2 ELSE $4 END`)}
    FROM (SELECT coalesce(array_agg(r #>> '{}'), '{}') AS refs FROM audit_log a, jsonb_path_query(jsonb_build_array(a.request, a.before, a.after), 'lax $.**."$ref"') r
           WHERE a.tenant_id=$1 AND EXISTS (SELECT 1 FROM jsonb_each_text(a.target) t WHERE t.value = ANY($5::text[]))) m
    WHERE v.tenant_id=$1 AND (v.ref = ANY(m.refs) AND v.value ~* $2 OR v.value ~* $4)`, [s.allIds]);
  await run('erasure_requests', `UPDATE erasure_requests SET reason = ${scrub('reason')} WHERE tenant_id=$1 AND contact_id=$5 AND reason ~* $2`, [s.contactId]);
  await eraseJobs(tx, s, run);
}

/**
 * pg-boss keeps job payloads (and archived ones) and singleton keys: those that name the person or
 * one of their rows, or one of their handles as stored (a send line is the handle encrypted).
 */
async function eraseJobs(tx: Queryable, s: PersonScope, run: Run): Promise<void> {
  const tables = await jobTables(tx);
  const ids = s.allIds.length ? s.allIds.join('|') : 'x^';
  const sealed = s.identities.flatMap((i) => encryptSameAll(i.handle)).map((h) => h.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')).join('|') || 'x^';
  for (const t of tables) {
    const sets = t.cols.map((c) => `${c.name} = regexp_replace(${scrub(c.name)}, $6, $3, 'g')::${c.type}`).join(', ');
    const text = `concat_ws(' ', ${t.cols.map((c) => c.name).join(', ')})`;
    await run('jobs', `UPDATE pgboss."${t.name}" SET ${sets}
      WHERE (data->>'tenantId' IS NULL OR data->>'tenantId' = ($1::uuid)::text) AND (${text} ~* $4 OR ${text} ~ $5 AND ${text} ~* $2 OR ${text} ~ $6)`, [ids, sealed]);
  }
}

/** pg-boss's tables that keep job data (the parents of its partitions), with their data-bearing columns. */
function jobTables(tx: Queryable) {
  return tx.query<{ name: string; cols: { name: string; type: string }[]; has_id: boolean }>(`
    SELECT c.relname AS name, json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod))) AS cols,
           EXISTS (SELECT 1 FROM pg_attribute x WHERE x.attrelid = c.oid AND x.attname = 'id' AND NOT x.attisdropped) AS has_id FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'pgboss'
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname IN ('data', 'output', 'singleton_key') AND NOT a.attisdropped
     WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition GROUP BY c.oid, c.relname
    HAVING bool_or(a.attname = 'data') ORDER BY c.relname`);
}
