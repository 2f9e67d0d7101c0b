import type { InboundContent, InboundEvent } from '../domain/types';
import { WebhookParseError } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any -- a provider payload, read field by field here */
const MEDIA = ['image', 'audio', 'video', 'document', 'sticker'] as const;

/** One entry of a WhatsApp Cloud webhook's messages[] as an inbound event. */
export function parseWhatsAppMessage(raw: any, contacts: { wa_id: string; profile?: { name?: string } }[]): InboundEvent {
  if (!raw || typeof raw.id !== 'string' || typeof raw.from !== 'string' || !raw.timestamp) {
    throw new WebhookParseError('a message without id/from/timestamp');
  }
  const name = contacts.find((c) => c.wa_id === raw.from)?.profile?.name;
  const base = { kind: 'message' as const, providerMessageId: raw.id, from: raw.from, at: Number(raw.timestamp) * 1000, ...(name ? { name } : {}) };
  const content = contentOf(raw);
  return content ? { ...base, content } : { kind: 'ignored', providerEventId: raw.id, reason: `message type ${raw.type}` };
}

function contentOf(m: any): InboundContent | undefined {
  switch (m.type) {
    case 'text': return { type: 'text', text: String(m.text?.body ?? '') };
    case 'interactive': {
      const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
      return reply ? { type: 'choice', id: String(reply.id), title: String(reply.title ?? '') } : undefined;
    }
    case 'button': return { type: 'choice', id: String(m.button?.payload ?? ''), title: String(m.button?.text ?? '') };
    case 'location': return {
      type: 'location', latitude: Number(m.location?.latitude), longitude: Number(m.location?.longitude),
      ...(m.location?.name ? { name: String(m.location.name) } : {}), ...(m.location?.address ? { address: String(m.location.address) } : {}),
    };
    case 'contacts': return {
      type: 'contacts',
      names: (m.contacts ?? []).map((c: any) => String(c.name?.formatted_name ?? '')).filter(Boolean),
      phones: (m.contacts ?? []).flatMap((c: any) => (c.phones ?? []).map((p: any) => String(p.phone ?? p.wa_id ?? ''))).filter(Boolean),
    };
    case 'reaction': return { type: 'reaction', toMessageId: String(m.reaction?.message_id ?? ''), emoji: String(m.reaction?.emoji ?? '') };
    default:
      if ((MEDIA as readonly string[]).includes(m.type) && m[m.type]?.id) {
        const media = m[m.type];
        return {
          type: 'media', mediaType: m.type, ref: String(media.id),
          ...(media.mime_type ? { mimeType: String(media.mime_type) } : {}), ...(media.caption ? { caption: String(media.caption) } : {}),
        };
      }
      return undefined; // unsupported, system, ephemeral…: stored raw, nothing to answer
  }
}
