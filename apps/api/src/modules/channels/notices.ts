import type { ChannelType } from '@frontdesk/contracts';
import { decryptField } from '../../platform/crypto/fields';
import type { Queryable } from '../../platform/db/database';
import type { AwaitedReply, ConversationService, ReplyOption, StaffSend } from '../conversations';
import { windowClosed } from './domain/content';
import { channelsRepository } from './repository';

/** A message the business sends on its own to one contact. */
export interface Notice {
  tenantId: string;
  contact: { id: string; phone: string | null; email: string | null; lang?: string | null };
  /** The conversation it belongs in, when there is one (the one the booking was made in). */
  conversationId?: string | null;
  text: string;
  options?: ReplyOption[];
  awaiting?: AwaitedReply;
  /** Sent instead of the text where a channel's 24-hour window has closed (WhatsApp, Instagram, Messenger). */
  template?: StaffSend['template'];
}
export type NoticeResult =
  | { status: 'queued'; conversationId: string; messageId: string; channelType: ChannelType | 'web'; viaTemplate: boolean }
  | { status: 'skipped'; reason: 'no_channel' | 'undeliverable' | 'blocked' };

interface Route { channelId: string; channelType: ChannelType; handle: string; conversationId: string | null; lastInboundAt: Date | null; status: string }

/** How each phone channel writes a number it was never written from (E.164 in). */
const PHONE_HANDLES: Partial<Record<ChannelType, (e164: string) => string>> = {
  whatsapp_cloud: (p) => p.replace(/^\+/, ''),
  evolution: (p) => p.replace(/^\+/, ''),
  twilio_sms: (p) => p,
  twilio_whatsapp: (p) => `whatsapp:${p}`,
};

/**
 * Where a notice goes: the conversation it belongs in, else the channel the contact last wrote
 * on, else e-mail, else a phone channel (SMS or WhatsApp) to the number we have, else the web
 * chat it belongs in. A handle we never wrote to gets a conversation of its own.
 */
export function channelNotices(deps: { conversations: Pick<ConversationService, 'openForChannel' | 'sendOnOwn'>; clock: { now(): number } }) {
  return {
    async send(tx: Queryable, notice: Notice): Promise<NoticeResult> {
      const route = await routeOf(tx, notice);
      if (!route && notice.conversationId) return inWebChat(tx, notice, notice.conversationId);
      if (!route) return { status: 'skipped', reason: 'no_channel' };
      if (route.status !== 'ok') return { status: 'skipped', reason: route.status as 'undeliverable' | 'blocked' };
      let conversationId = route.conversationId;
      if (!conversationId) {
        conversationId = (await deps.conversations.openForChannel(tx, {
          tenantId: notice.tenantId, channelType: route.channelType, channelId: route.channelId, contactId: notice.contact.id,
        })).id;
        await channelsRepository(tx).saveIdentity(notice.tenantId, route.channelId, route.handle, notice.contact.id, conversationId, null);
      }
      const viaTemplate = !!notice.template && windowClosed(route.channelType, route.lastInboundAt, deps.clock.now());
      const message = await deps.conversations.sendOnOwn(tx, {
        tenantId: notice.tenantId, conversationId, text: notice.text,
        ...(notice.options ? { options: notice.options } : {}), ...(notice.awaiting ? { awaiting: notice.awaiting } : {}),
        ...(viaTemplate ? { template: notice.template } : {}),
      });
      return { status: 'queued', conversationId, messageId: message.id, channelType: route.channelType, viaTemplate };
    },
  };

  /** No channel reaches them, but they wrote in the web chat: the message waits there (and reaches an open page at once). */
  async function inWebChat(tx: Queryable, notice: Notice, conversationId: string): Promise<NoticeResult> {
    const message = await deps.conversations.sendOnOwn(tx, {
      tenantId: notice.tenantId, conversationId, text: notice.text,
      ...(notice.options ? { options: notice.options } : {}), ...(notice.awaiting ? { awaiting: notice.awaiting } : {}),
    });
    return { status: 'queued', conversationId, messageId: message.id, channelType: 'web', viaTemplate: false };
  }
}

async function routeOf(tx: Queryable, notice: Notice): Promise<Route | undefined> {
  const identities = await tx.query<{ channel_id: string; type: ChannelType; handle: string; conversation_id: string | null; last_inbound_at: Date | null; status: string }>(
    `SELECT i.channel_id, c.type, i.handle, i.conversation_id, i.last_inbound_at, i.status
       FROM channel_identities i JOIN channels c ON c.tenant_id = i.tenant_id AND c.id = i.channel_id
      WHERE i.tenant_id = $1 AND i.contact_id = $2 AND c.status = 'active'
      ORDER BY (i.conversation_id IS NOT DISTINCT FROM $3) DESC, i.last_inbound_at DESC NULLS LAST`,
    [notice.tenantId, notice.contact.id, notice.conversationId ?? null]);
  const known = identities.find((i) => i.status === 'ok') ?? identities[0];
  if (known) {
    return { channelId: known.channel_id, channelType: known.type, handle: decryptField(known.handle), conversationId: known.conversation_id,
      lastInboundAt: known.last_inbound_at, status: known.status };
  }
  const channels = await tx.query<{ id: string; type: ChannelType }>(
    `SELECT id, type FROM channels WHERE tenant_id = $1 AND status = 'active' ORDER BY created_at`, [notice.tenantId]);
  const email = notice.contact.email && channels.find((c) => c.type === 'email');
  if (email) return { channelId: email.id, channelType: 'email', handle: notice.contact.email!.toLowerCase(), conversationId: null, lastInboundAt: null, status: 'ok' };
  const phone = notice.contact.phone && channels.find((c) => PHONE_HANDLES[c.type]);
  if (phone) {
    return { channelId: phone.id, channelType: phone.type, handle: PHONE_HANDLES[phone.type]!(notice.contact.phone!), conversationId: null, lastInboundAt: null, status: 'ok' };
  }
  return undefined;
}
