import type { DeliveryStatus, InboundContent, InboundEvent } from '../domain/types';
import { WebhookParseError } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any -- a provider payload, read field by field here */

/** A WhatsApp id as a handle: the number of a person's chat; groups, broadcasts and newsletters have none. */
export function numberOf(jid: unknown): string | undefined {
  const match = /^(\d+)(?::\d+)?@(?:s\.whatsapp\.net|c\.us)$/.exec(String(jid ?? ''));
  return match?.[1];
}

/** One entry of a messages.upsert event (Baileys' WAMessage as Evolution forwards it). */
export function parseEvolutionMessage(d: any): InboundEvent {
  const id = d?.key?.id;
  if (typeof id !== 'string' || !d.key.remoteJid) throw new WebhookParseError('a message without key.id/remoteJid');
  if (d.key.fromMe) return { kind: 'ignored', providerEventId: id, reason: 'our own send (fromMe)' };
  const from = numberOf(d.key.remoteJid);
  if (!from) return { kind: 'ignored', providerEventId: id, reason: 'not a person\'s chat (group, broadcast or newsletter)' };
  const content = contentOf(unwrapped(d.message ?? {}), id);
  if (!content) return { kind: 'ignored', providerEventId: id, reason: `message type ${d.messageType ?? 'unknown'}` };
  return { kind: 'message', providerMessageId: id, from, at: seconds(d.messageTimestamp) * 1000,
    ...(d.pushName ? { name: String(d.pushName) } : {}), content };
}

const STATUSES: Record<string, DeliveryStatus> = { SERVER_ACK: 'sent', DELIVERY_ACK: 'delivered', READ: 'read', PLAYED: 'read', ERROR: 'failed' };

/**
 * One entry of a messages.update event: the receipts of our own sends become delivery statuses.
 * The rest (receipts of the customer's messages, PENDING, DELETED) changes nothing we sent.
 */
export function parseEvolutionStatus(d: any, at: number): InboundEvent {
  const id = d?.keyId ?? d?.key?.id;
  if (typeof id !== 'string') throw new WebhookParseError('a messages.update without keyId');
  const status = STATUSES[String(d.status ?? d.update?.status)];
  if (!(d.fromMe ?? d.key?.fromMe) || !status) return { kind: 'ignored', providerEventId: `${id}:${d.status}`, reason: `status ${d.status}` };
  return { kind: 'status', providerMessageId: id, status, at,
    ...(status === 'failed' ? { error: { code: 'ERROR', title: 'WhatsApp did not deliver the message' } } : {}) };
}

/** Disappearing, view-once and captioned-document messages wrap the real one. */
function unwrapped(m: any): any {
  const inner = m.ephemeralMessage?.message ?? m.viewOnceMessage?.message ?? m.viewOnceMessageV2?.message ?? m.documentWithCaptionMessage?.message;
  return inner ? unwrapped(inner) : m;
}

const MEDIA = { imageMessage: 'image', videoMessage: 'video', audioMessage: 'audio', documentMessage: 'document', stickerMessage: 'sticker' } as const;

function contentOf(m: any, id: string): InboundContent | undefined {
  const text = textOf(m);
  if (text !== undefined) return { type: 'text', text };
  if (m.buttonsResponseMessage) return { type: 'choice', id: String(m.buttonsResponseMessage.selectedButtonId ?? ''), title: String(m.buttonsResponseMessage.selectedDisplayText ?? '') };
  if (m.listResponseMessage) return { type: 'choice', id: String(m.listResponseMessage.singleSelectReply?.selectedRowId ?? ''), title: String(m.listResponseMessage.title ?? '') };
  const location = m.locationMessage ?? m.liveLocationMessage;
  if (location) {
    return { type: 'location', latitude: Number(location.degreesLatitude), longitude: Number(location.degreesLongitude),
      ...(location.name ? { name: String(location.name) } : {}), ...(location.address ? { address: String(location.address) } : {}) };
  }
  const cards: any[] = m.contactMessage ? [m.contactMessage] : (m.contactsArrayMessage?.contacts ?? []);
  if (cards.length) {
    return { type: 'contacts', names: cards.map((c) => String(c.displayName ?? '')).filter(Boolean), phones: cards.flatMap((c) => phonesIn(c.vcard)) };
  }
  const media = (Object.keys(MEDIA) as (keyof typeof MEDIA)[]).find((k) => m[k]);
  // The bytes (base64, when Evolution is set to include them) are never kept: the message id fetches them again.
  if (media) {
    return { type: 'media', mediaType: MEDIA[media], ref: id,
      ...(m[media].mimetype ? { mimeType: String(m[media].mimetype) } : {}), ...(m[media].caption ? { caption: String(m[media].caption) } : {}) };
  }
  if (m.reactionMessage?.key?.id) return { type: 'reaction', toMessageId: String(m.reactionMessage.key.id), emoji: String(m.reactionMessage.text ?? '') };
  return m.protocolMessage ? protocol(m.protocolMessage) : undefined;
}

function textOf(m: any): string | undefined {
  if (typeof m.conversation === 'string') return m.conversation;
  return typeof m.extendedTextMessage?.text === 'string' ? m.extendedTextMessage.text : undefined;
}

/** Delete-for-everyone (REVOKE, 0, left out of the payload as protobuf's default) and edits. */
function protocol(p: any): InboundContent | undefined {
  const target = p.key?.id;
  if (typeof target !== 'string') return undefined;
  if (p.type === undefined || p.type === 0 || p.type === 'REVOKE') return { type: 'delete', toMessageId: target };
  const edited = p.editedMessage ? textOf(p.editedMessage) : undefined;
  if ((p.type === 14 || p.type === 'MESSAGE_EDIT') && edited !== undefined) return { type: 'edit', toMessageId: target, text: edited };
  return undefined;
}

/** The numbers on a vCard's TEL lines (the WhatsApp id when the card names one). */
function phonesIn(vcard: unknown): string[] {
  return String(vcard ?? '').split(/\r?\n/).filter((line) => /^(item\d+\.)?TEL/i.test(line))
    .map((line) => /waid=(\d+)/.exec(line)?.[1] ?? line.slice(line.lastIndexOf(':') + 1).trim()).filter(Boolean);
}

/** Baileys sends seconds as a number, a string, or a protobuf Long ({ low, high }). */
function seconds(value: any): number {
  const n = typeof value === 'object' && value !== null ? Number(value.low) : Number(value);
  return Number.isFinite(n) ? n : 0;
}
