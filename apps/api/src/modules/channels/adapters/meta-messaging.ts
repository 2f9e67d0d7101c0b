import { z } from 'zod';
import type { InboundEvent } from '../domain/types';
import { messageEvents } from './meta-message';
import { WebhookParseError } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any -- a provider payload, read field by field here */
const Item = z.record(z.string(), z.unknown());
const Envelope = z.object({
  object: z.string(),
  entry: z.array(z.object({
    time: z.unknown(),
    messaging: z.array(Item).optional(),
    standby: z.array(Item).optional(),
    changes: z.array(z.object({ field: z.string(), value: z.unknown() })).optional(),
  })),
});

/**
 * A Messenger Platform webhook (`object: "page"` for Messenger, `"instagram"` for Instagram
 * Messaging) as inbound events: entry[].messaging[] items, one event each (a message with several
 * attachments gives one per attachment).
 */
export function parseMessagingWebhook(rawBody: Buffer, object: 'page' | 'instagram'): InboundEvent[] {
  const envelope = Envelope.safeParse(safeJson(rawBody));
  if (!envelope.success || envelope.data.object !== object) throw new WebhookParseError(`not a Meta webhook for object "${object}"`);
  const events: InboundEvent[] = [];
  for (const entry of envelope.data.entry) {
    for (const item of entry.messaging ?? []) events.push(...messagingEvents(item, entry.time));
    // Standby: another app (a live-chat inbox) owns the thread under the handover protocol; answering would talk over it.
    for (const item of entry.standby ?? []) events.push(ignored('standby', item, item.timestamp ?? entry.time));
    for (const change of entry.changes ?? []) {
      // The app dashboard's "Test" button sends one messaging item as a change (timestamp as a string).
      const value = change.value as any;
      events.push(...(value?.sender ? messagingEvents(value, entry.time) : [ignored(`field ${change.field}`, { [change.field]: value }, entry.time)]));
    }
  }
  return events;
}

function messagingEvents(item: any, entryTime: unknown): InboundEvent[] {
  const from = typeof item.sender?.id === 'string' ? item.sender.id : undefined;
  const at = millis(item.timestamp ?? entryTime);
  if (item.message?.is_echo) return [{ kind: 'ignored', providerEventId: `echo:${item.message.mid ?? at}`, reason: 'echo of our own send' }];
  if (item.message) {
    if (!from || typeof item.message.mid !== 'string' || !Number.isFinite(at)) throw new WebhookParseError('a message without mid/sender/timestamp');
    return messageEvents(item.message, from, at);
  }
  if (item.delivery) return statuses(item.delivery.mids, 'delivered', millis(item.delivery.watermark ?? at), item);
  if (item.read) return statuses(item.read.mid ? [item.read.mid] : item.read.mids, 'read', millis(item.read.watermark ?? at), item);
  if (!from) return [ignored('no sender id (a plugin user_ref)', item, at)];
  if (item.postback) {
    const { payload, title, mid } = item.postback;
    return [{ kind: 'message', providerMessageId: typeof mid === 'string' ? mid : `postback:${from}:${at}`, from, at,
      content: { type: 'choice', id: String(payload ?? ''), title: String(title ?? '') } }];
  }
  if (item.reaction?.mid) {
    const { mid, action, emoji, reaction } = item.reaction;
    return [{ kind: 'message', providerMessageId: `reaction:${mid}:${from}:${at}`, from, at,
      content: { type: 'reaction', toMessageId: String(mid), emoji: action === 'unreact' ? '' : String(emoji ?? reaction ?? '') } }];
  }
  if (item.message_edit?.mid && typeof item.message_edit.text === 'string') {
    const { mid, text, num_edit: n } = item.message_edit;
    return [{ kind: 'message', providerMessageId: `${mid}:edit:${n ?? at}`, from, at, content: { type: 'edit', toMessageId: String(mid), text } }];
  }
  return [ignored(kindOf(item), item, at)];
}

/** Receipts naming our messages; a bare watermark ("everything before this") names none, so changes nothing. */
function statuses(mids: unknown, status: 'delivered' | 'read', at: number, item: any): InboundEvent[] {
  const ids = Array.isArray(mids) ? mids.filter((m): m is string => typeof m === 'string') : [];
  if (!ids.length) return [ignored(`${status} watermark`, item, at)];
  return ids.map((providerMessageId) => ({ kind: 'status', providerMessageId, status, at }));
}

function ignored(reason: string, item: any, at: unknown): InboundEvent {
  return { kind: 'ignored', providerEventId: `${kindOf(item)}:${item.sender?.id ?? item.sender?.user_ref ?? '-'}:${String(at ?? '-')}`, reason };
}

const kindOf = (item: any) => Object.keys(item).find((k) => !['sender', 'recipient', 'timestamp'].includes(k)) ?? 'empty';

/** Milliseconds; the dashboard's test events carry seconds. */
function millis(t: unknown): number {
  const n = Number(t);
  return n > 0 && n < 1e12 ? n * 1000 : n;
}

function safeJson(raw: Buffer): unknown {
  try { return JSON.parse(raw.toString('utf8')); } catch { throw new WebhookParseError('the body is not JSON'); }
}
