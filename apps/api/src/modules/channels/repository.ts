import type { ChannelActivity, ChannelType } from '@frontdesk/contracts';
import type { Queryable } from '../../platform/db/database';
import { decryptField, encryptField, encryptSameAll } from '../../platform/crypto/fields';
import { openEvent, sendLine, sealEvent, type StoredEvent } from './at-rest';
import type { DeliveryStatus, InboundEvent, MailThread, OutboundMessage, ProviderError } from './domain/types';

export interface ChannelRow {
  id: string; tenantId: string; type: ChannelType; name: string; status: 'active' | 'disabled';
  config: Record<string, unknown>; secrets: string; createdAt: Date; updatedAt: Date;
}
/** A send's latest report, as a booking's timeline shows it. */
export interface Delivery { status: 'queued' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed' | 'held'; at: string; error: { code: string; title: string } | null }
export interface Identity { contactId: string; conversationId: string | null; lastInboundAt: Date | null; status: 'ok' | 'undeliverable' | 'blocked' }
export interface OutboxRow {
  /** `handle` is the address to send to; `line` names the handle's queue as stored (encrypted). */
  id: string; tenantId: string; channelId: string; handle: string; line: string; messageId: string | null; payload: OutboundMessage;
  status: string; attempts: number;
  /** How long until a retry is due (0 when it is). */
  waitMs: number;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- rows are mapped field by field right here */
const toChannel = (r: any): ChannelRow => ({
  id: r.id, tenantId: r.tenant_id, type: r.type, name: r.name, status: r.status, config: r.config, secrets: r.secrets,
  createdAt: r.created_at, updatedAt: r.updated_at,
});
const toOutbox = (r: any): OutboxRow => ({
  id: r.id, tenantId: r.tenant_id, channelId: r.channel_id, handle: decryptField(r.handle), line: r.handle, messageId: r.message_id,
  payload: {
    ...r.payload, ...(typeof r.payload.text === 'string' ? { text: decryptField(r.payload.text) } : {}),
    ...(r.payload.template ? { template: { ...r.payload.template, variables: r.payload.template.variables.map((v: string) => decryptField(v)) } } : {}),
  },
  status: r.status, attempts: r.attempts, waitMs: Number(r.wait_ms ?? 0),
});
/* eslint-enable @typescript-eslint/no-explicit-any */

export function channelsRepository(db: Queryable) {
  return {
    async insert(tenantId: string, type: ChannelType, name: string, config: Record<string, unknown>, secrets: string): Promise<ChannelRow> {
      const [row] = await db.query(`INSERT INTO channels (tenant_id, type, name, config, secrets) VALUES ($1,$2,$3,$4,$5) RETURNING *`,
        [tenantId, type, name, JSON.stringify(config), secrets]);
      return toChannel(row);
    },
    async update(tenantId: string, id: string, patch: { name?: string; status?: string; config?: Record<string, unknown>; secrets?: string }) {
      const [row] = await db.query(
        `UPDATE channels SET name = coalesce($3, name), status = coalesce($4, status), config = coalesce($5, config),
                secrets = coalesce($6, secrets), updated_at = now() WHERE tenant_id=$1 AND id=$2 RETURNING *`,
        [tenantId, id, patch.name ?? null, patch.status ?? null, patch.config ? JSON.stringify(patch.config) : null, patch.secrets ?? null]);
      return row ? toChannel(row) : undefined;
    },
    async remove(tenantId: string, id: string): Promise<boolean> {
      return (await db.query(`DELETE FROM channels WHERE tenant_id=$1 AND id=$2 RETURNING id`, [tenantId, id])).length > 0;
    },
    async get(tenantId: string, id: string): Promise<ChannelRow | undefined> {
      const [row] = await db.query(`SELECT * FROM channels WHERE tenant_id=$1 AND id=$2`, [tenantId, id]);
      return row && toChannel(row);
    },
    /** Webhooks name the channel by its id alone. */
    async byId(id: string): Promise<ChannelRow | undefined> {
      const [row] = await db.query(`SELECT * FROM channels WHERE id=$1`, [id], 'channel-by-id');
      return row && toChannel(row);
    },
    async list(tenantId: string): Promise<ChannelRow[]> {
      return (await db.query(`SELECT * FROM channels WHERE tenant_id=$1 ORDER BY created_at`, [tenantId])).map(toChannel);
    },
    /** Per channel: the last event in, the last send out, sends failed in 7 days, the last refused webhook call. */
    async activity(tenantId: string): Promise<Map<string, ChannelActivity>> {
      const rows = await db.query<{ id: string; last_in: Date | null; last_out: Date | null; failed: number; last_rejected: Date | null }>(
        `SELECT c.id,
                (SELECT max(e.received_at) FROM inbound_events e WHERE e.channel_id = c.id) AS last_in,
                (SELECT max(o.updated_at) FROM outbox o WHERE o.tenant_id = c.tenant_id AND o.channel_id = c.id AND o.status IN ('sent', 'delivered', 'read')) AS last_out,
                (SELECT count(*)::int FROM outbox o WHERE o.tenant_id = c.tenant_id AND o.channel_id = c.id AND o.status = 'failed'
                   AND o.updated_at > now() - interval '7 days') AS failed,
                (SELECT max(r.received_at) FROM webhook_rejections r WHERE r.channel_id = c.id) AS last_rejected
           FROM channels c WHERE c.tenant_id = $1`, [tenantId], 'channel-activity');
      return new Map(rows.map((r) => [r.id, {
        lastInboundAt: r.last_in?.toISOString() ?? null, lastOutboundAt: r.last_out?.toISOString() ?? null,
        failedSends7d: r.failed, lastRejectedAt: r.last_rejected?.toISOString() ?? null,
      }]));
    },

    /** Stores the events not seen before, from any channels, in one statement; returns the keys ("channel event") of the new ones. */
    async storeEvents(events: { tenantId: string; channelId: string; eventId: string; event: InboundEvent }[]): Promise<Set<string>> {
      if (!events.length) return new Set();
      const rows = await db.query<{ channel_id: string; provider_event_id: string }>(
        `INSERT INTO inbound_events (tenant_id, channel_id, provider_event_id, payload)
         SELECT e.tenant_id, e.channel_id, e.id, e.payload
           FROM jsonb_to_recordset($1::jsonb) AS e(tenant_id uuid, channel_id uuid, id text, payload jsonb)
         ON CONFLICT (channel_id, provider_event_id) DO NOTHING RETURNING channel_id, provider_event_id`,
        [JSON.stringify(events.map((e) => ({ tenant_id: e.tenantId, channel_id: e.channelId, id: e.eventId, payload: sealEvent(e.event) })))], 'inbound-store');
      return new Set(rows.map((r) => `${r.channel_id} ${r.provider_event_id}`));
    },
    async rejectWebhook(channelId: string | null, reason: string, remoteAddr: string | undefined): Promise<void> {
      await db.query(`INSERT INTO webhook_rejections (channel_id, reason, remote_addr) VALUES ($1,$2,$3)`, [channelId, reason, remoteAddr ?? null]);
    },
    /** Locks the unprocessed events among these ids, oldest first, with how long ago each arrived (the database's clock). */
    async claimEvents(ids: number[]): Promise<{ id: number; tenantId: string; channelId: string; event: InboundEvent; ageMs: number }[]> {
      const rows = await db.query<{ id: number; tenant_id: string; channel_id: string; payload: StoredEvent; age_ms: number }>(
        `SELECT id, tenant_id, channel_id, payload, extract(epoch FROM now() - received_at)::float8 * 1000 AS age_ms
           FROM inbound_events WHERE id = ANY($1::bigint[]) AND processed_at IS NULL
          ORDER BY id FOR UPDATE SKIP LOCKED`, [ids]);
      return rows.map((r) => ({ id: Number(r.id), tenantId: r.tenant_id, channelId: r.channel_id, event: openEvent(r.payload), ageMs: Number(r.age_ms) }));
    },
    async knowsSend(channelId: string, providerMessageId: string, ref?: string): Promise<boolean> {
      return (await db.query(`SELECT 1 FROM outbox WHERE channel_id=$1 AND (provider_message_id=$2 OR id = $3::uuid)`,
        [channelId, providerMessageId, ref ?? null])).length > 0;
    },
    async markProcessed(id: number): Promise<void> {
      await db.query(`UPDATE inbound_events SET processed_at = now(), attempts = attempts + 1 WHERE id=$1`, [id]);
    },
    /** Events due for processing, oldest first. */
    async dueEventIds(limit: number): Promise<number[]> {
      const rows = await db.query<{ id: number }>(
        `SELECT id FROM inbound_events WHERE processed_at IS NULL AND dead_at IS NULL AND next_attempt_at <= now()
          ORDER BY next_attempt_at, id LIMIT $1`, [limit], 'inbound-due');
      return rows.map((r) => Number(r.id));
    },
    /** A failed attempt: tried again after an exponential wait with jitter, or given up with why after the last. */
    async failEvent(id: number, error: string, maxAttempts: number): Promise<void> {
      await db.query(
        `UPDATE inbound_events SET attempts = attempts + 1, last_error = $2,
                next_attempt_at = now() + make_interval(secs => least(2 ^ attempts, 300) / 2 * (1 + random())),
                dead_at = CASE WHEN attempts + 1 >= $3 THEN now() END
          WHERE id = $1 AND processed_at IS NULL`, [id, error.slice(0, 1000), maxAttempts]);
    },
    async identity(tenantId: string, channelId: string, handle: string): Promise<Identity | undefined> {
      const [row] = await db.query<{ contact_id: string; conversation_id: string | null; last_inbound_at: Date | null; status: Identity['status'] }>(
        `SELECT contact_id, conversation_id, last_inbound_at, status FROM channel_identities WHERE tenant_id=$1 AND channel_id=$2 AND handle = ANY($3::text[])`,
        [tenantId, channelId, encryptSameAll(handle)]);
      return row && { contactId: row.contact_id, conversationId: row.conversation_id, lastInboundAt: row.last_inbound_at, status: row.status };
    },
    async saveIdentity(tenantId: string, channelId: string, handle: string, contactId: string, conversationId: string, inboundAt: Date | null) {
      const [current, ...previous] = encryptSameAll(handle);
      if (previous.length) { // during a key rotation: the row stored under an older key moves to this one first
        await db.query(`UPDATE channel_identities SET handle = $3 WHERE tenant_id=$1 AND channel_id=$2 AND handle = ANY($4::text[])`,
          [tenantId, channelId, current, previous]);
      }
      await db.query(
        `INSERT INTO channel_identities (tenant_id, channel_id, handle, contact_id, conversation_id, last_inbound_at)
         VALUES ($1,$2,$3,$4,$5,$6)
         ON CONFLICT (tenant_id, channel_id, handle) DO UPDATE SET conversation_id = EXCLUDED.conversation_id,
           last_inbound_at = greatest(channel_identities.last_inbound_at, EXCLUDED.last_inbound_at), status = 'ok', status_reason = NULL`,
        [tenantId, channelId, current, contactId, conversationId, inboundAt]);
    },
    /** The customer's handle in a channel conversation, and when they last wrote there. */
    async handleOf(tenantId: string, conversationId: string): Promise<{ handle: string; lastInboundAt: Date | null } | undefined> {
      const [row] = await db.query<{ handle: string; last_inbound_at: Date | null }>(
        `SELECT handle, last_inbound_at FROM channel_identities WHERE tenant_id=$1 AND conversation_id=$2 LIMIT 1`, [tenantId, conversationId]);
      return row && { handle: decryptField(row.handle), lastInboundAt: row.last_inbound_at };
    },
    /** The thread of the customer's last message in a conversation that carried one (email). */
    async lastThread(tenantId: string, conversationId: string, channelId: string): Promise<MailThread | undefined> {
      // The thread is sealed with the message: the last few inbound events are opened to find it.
      const rows = await db.query<{ payload: StoredEvent }>(
        `SELECT e.payload FROM messages m
           JOIN inbound_events e ON e.channel_id = $3 AND e.provider_event_id = m.provider_message_id
          WHERE m.tenant_id=$1 AND m.conversation_id=$2 AND m.direction = 'in' AND (e.payload ? 'thread' OR e.payload ? 'sealed')
          ORDER BY m.seq DESC LIMIT 5`, [tenantId, conversationId, channelId]);
      for (const { payload } of rows) {
        const event = openEvent(payload);
        if (event.kind === 'message' && event.thread) return event.thread;
      }
      return undefined;
    },
    async markHandle(tenantId: string, channelId: string, handle: string, status: 'undeliverable' | 'blocked', reason: string) {
      await db.query(`UPDATE channel_identities SET status=$4, status_reason=$5 WHERE tenant_id=$1 AND channel_id=$2 AND handle = ANY($3::text[])`,
        [tenantId, channelId, encryptSameAll(handle), status, reason]);
    },

    async enqueueSend(tenantId: string, channelId: string, handle: string, payload: OutboundMessage, messageId?: string): Promise<string> {
      const [row] = await db.query<{ id: string }>(
        `INSERT INTO outbox (tenant_id, channel_id, handle, message_id, payload) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
        [tenantId, channelId, sendLine(handle), messageId ?? null, JSON.stringify({ ...payload, text: encryptField(payload.text), ...(payload.template ? { template: { ...payload.template, variables: payload.template.variables.map((v) => encryptField(v)) } } : {}) })]);
      return row!.id;
    },
    /** The latest delivery report of the sends of some conversation messages. */
    async deliveriesOf(tenantId: string, messageIds: string[]) {
      if (!messageIds.length) return new Map<string, Delivery>();
      const rows = await db.query<{ message_id: string; status: Delivery['status']; updated_at: Date; last_error: { code: string; title: string } | null }>(
        `SELECT message_id, status, updated_at, last_error FROM outbox WHERE tenant_id = $1 AND message_id = ANY($2::uuid[])`, [tenantId, messageIds]);
      return new Map(rows.map((r) => [r.message_id, {
        status: r.status, at: r.updated_at.toISOString(),
        error: r.last_error && r.status !== 'sent' && r.status !== 'delivered' && r.status !== 'read' ? { code: r.last_error.code, title: r.last_error.title } : null,
      }]));
    },
    /** What is still to be sent on one line (`sendLine` of a handle), oldest first. */
    async queuedFor(tenantId: string, channelId: string, line: string): Promise<string[]> {
      const rows = await db.query<{ id: string }>(
        `SELECT id FROM outbox WHERE tenant_id=$1 AND channel_id=$2 AND handle=$3 AND status = 'queued' ORDER BY seq`,
        [tenantId, channelId, line], 'outbox-queued');
      return rows.map((r) => r.id);
    },
    /**
     * The first unsent message to a handle, locked. A worker that finds it 'sending' stops: the
     * one sending it carries on with the rest, so a customer reads the messages in order.
     */
    async lockHead(tenantId: string, channelId: string, line: string): Promise<OutboxRow | undefined> {
      const [row] = await db.query(
        `SELECT *, greatest(0, extract(epoch FROM next_attempt_at - now()) * 1000) AS wait_ms FROM outbox
          WHERE tenant_id=$1 AND channel_id=$2 AND handle=$3 AND status IN ('queued', 'sending')
          ORDER BY seq LIMIT 1 FOR UPDATE`, [tenantId, channelId, line], 'outbox-head');
      return row && toOutbox(row);
    },
    async markSending(tenantId: string, id: string): Promise<void> {
      await db.query(`UPDATE outbox SET status = 'sending', sending_since = now(), updated_at = now() WHERE tenant_id=$1 AND id=$2`, [tenantId, id]);
    },
    /**
     * Lines nobody is working on: a message queued (and due) for longer than `olderThanMs`, whose
     * send job died with its process before reaching it. A new job picks the line up.
     */
    async stalledLines(olderThanMs: number): Promise<{ tenantId: string; channelId: string; line: string }[]> {
      const rows = await db.query<{ tenant_id: string; channel_id: string; handle: string }>(
        `SELECT DISTINCT tenant_id, channel_id, handle FROM outbox
          WHERE status = 'queued' AND updated_at < now() - make_interval(secs => $1::float8 / 1000)
            AND (next_attempt_at IS NULL OR next_attempt_at <= now()) LIMIT 500`, [olderThanMs]);
      return rows.map((r) => ({ tenantId: r.tenant_id, channelId: r.channel_id, line: r.handle }));
    },
    /** Sends in doubt for too long (the process died mid-send and no receipt settled them): to be sent again. */
    async requeueInDoubt(olderThanMs: number): Promise<{ tenantId: string; channelId: string; line: string }[]> {
      const rows = await db.query<{ tenant_id: string; channel_id: string; handle: string }>(
        `UPDATE outbox SET status = 'queued', next_attempt_at = NULL, updated_at = now(),
                last_error = '{"code":"in_doubt","title":"Interrupted while sending and never confirmed by the provider: sent again"}'
          WHERE status = 'sending' AND sending_since < now() - make_interval(secs => $1::float8 / 1000)
          RETURNING tenant_id, channel_id, handle`, [olderThanMs]);
      const seen = new Map(rows.map((r) => [`${r.tenant_id} ${r.channel_id} ${r.handle}`, { tenantId: r.tenant_id, channelId: r.channel_id, line: r.handle }]));
      return [...seen.values()];
    },
    async lockSend(tenantId: string, id: string): Promise<OutboxRow | undefined> {
      const [row] = await db.query(`SELECT * FROM outbox WHERE tenant_id=$1 AND id=$2 FOR UPDATE`, [tenantId, id]);
      return row && toOutbox(row);
    },
    async recordSend(tenantId: string, id: string, result: { status: string; providerMessageId?: string; error?: ProviderError }) {
      await db.query(
        `UPDATE outbox SET status = CASE WHEN $3 = 'sent' AND status IN ('delivered', 'read') THEN status ELSE $3 END,
                provider_message_id = coalesce($4, provider_message_id), last_error=$5, attempts = attempts + 1,
                sending_since = NULL, next_attempt_at = NULL, updated_at = now() WHERE tenant_id=$1 AND id=$2`,
        [tenantId, id, result.status, result.providerMessageId ?? null, result.error ? JSON.stringify(result.error) : null]);
      await db.query(
        `UPDATE messages m SET provider_message_id = coalesce($4, m.provider_message_id), delivery = jsonb_build_object('status', $3::text, 'at', now(), 'error', $5::jsonb)
           FROM outbox o WHERE o.tenant_id=$1 AND o.id=$2 AND m.tenant_id=o.tenant_id AND m.id=o.message_id`,
        [tenantId, id, result.status, result.providerMessageId ?? null, result.error ? JSON.stringify(result.error) : null]);
    },
    /** A failed attempt that will be tried again in `waitMs`: counted, back in the line. */
    async recordAttempt(tenantId: string, id: string, error: ProviderError, waitMs: number): Promise<void> {
      await db.query(`UPDATE outbox SET status = 'queued', sending_since = NULL, attempts = attempts + 1, last_error = $3,
        next_attempt_at = now() + make_interval(secs => $4::float8 / 1000), updated_at = now() WHERE tenant_id=$1 AND id=$2`,
        [tenantId, id, JSON.stringify(error), waitMs]);
    },
    /** A delivery receipt: moves the send forward (never back: a late "sent" after "read" changes nothing). */
    async recordStatus(channelId: string, providerMessageId: string, status: DeliveryStatus, error?: ProviderError, ref?: string): Promise<void> {
      const rank = `CASE s WHEN 'queued' THEN 0 WHEN 'sending' THEN 0 WHEN 'held' THEN 0 WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 WHEN 'failed' THEN 4 END`;
      await db.query(
        `WITH o AS (
           UPDATE outbox SET status = $3, last_error = coalesce($4::jsonb, last_error), updated_at = now(),
                  provider_message_id = coalesce(provider_message_id, $2), sending_since = NULL
            WHERE channel_id=$1 AND (provider_message_id=$2 OR (id = $5::uuid AND provider_message_id IS NULL))
              AND (SELECT ${rank} FROM (SELECT status AS s) x) < (SELECT ${rank} FROM (SELECT $3::text AS s) y)
            RETURNING tenant_id, message_id)
         UPDATE messages m SET delivery = jsonb_build_object('status', $3::text, 'at', now(), 'error', $4::jsonb)
           FROM o WHERE m.tenant_id = o.tenant_id AND m.id = o.message_id`,
        [channelId, providerMessageId, status, error ? JSON.stringify(error) : null, ref ?? null]);
    },
  };
}
export type ChannelsRepository = ReturnType<typeof channelsRepository>;
