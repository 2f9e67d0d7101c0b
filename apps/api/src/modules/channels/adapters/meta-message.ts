import type { InboundContent, InboundEvent } from '../domain/types';

/* eslint-disable @typescript-eslint/no-explicit-any -- a provider payload, read field by field here */
const MEDIA: Record<string, 'image' | 'video' | 'audio' | 'document'> = {
  image: 'image', video: 'video', audio: 'audio', file: 'document', reel: 'video', ig_reel: 'video',
};

/**
 * A customer's Messenger/Instagram `message` as events: a quick-reply tap, text, and each
 * attachment (the first keeps the mid, so a redelivery is recognised; the others get `mid:n`).
 */
export function messageEvents(m: any, from: string, at: number): InboundEvent[] {
  const mid: string = m.mid;
  const base = { kind: 'message' as const, from, at };
  if (m.is_deleted) return [{ ...base, providerMessageId: `${mid}:deleted`, content: { type: 'delete', toMessageId: mid } }];
  if (m.is_unsupported) return [{ kind: 'ignored', providerEventId: mid, reason: 'a message type Meta does not pass on' }];
  if (m.quick_reply?.payload !== undefined) {
    return [{ ...base, providerMessageId: mid, content: { type: 'choice', id: String(m.quick_reply.payload), title: String(m.text ?? '') } }];
  }
  const contents = [
    ...(typeof m.text === 'string' && m.text ? [{ type: 'text', text: m.text } as const] : []),
    ...(Array.isArray(m.attachments) ? m.attachments.map(attachment) : []),
  ].filter((c): c is InboundContent => c !== undefined);
  if (!contents.length) {
    const kinds = Array.isArray(m.attachments) ? m.attachments.map((a: any) => a?.type).join(', ') : 'nothing';
    return [{ kind: 'ignored', providerEventId: mid, reason: `a message with ${kinds || 'nothing'} to answer` }];
  }
  return contents.map((content, i) => ({ ...base, providerMessageId: i === 0 ? mid : `${mid}:${i}`, content }));
}

/**
 * Media by the URL Meta gives (it expires; whoever needs the file fetches it while it lives), a
 * location, or nothing for what asks no answer: a heart "like", a story mention, a shared post.
 */
function attachment(a: any): InboundContent | undefined {
  const url = typeof a?.payload?.url === 'string' && a.payload.url ? a.payload.url : undefined;
  if (a?.type === 'location') {
    const { lat, long } = a.payload?.coordinates ?? {};
    if (typeof lat !== 'number' || typeof long !== 'number') return undefined;
    return { type: 'location', latitude: lat, longitude: long, ...(a.title ? { name: String(a.title) } : {}) };
  }
  if (!url) return undefined;
  // Messenger's stickers (the thumbs-up "like" too) arrive as images with a sticker_id.
  if (a.type === 'image' && a.payload.sticker_id !== undefined) return { type: 'media', mediaType: 'sticker', ref: url };
  const mediaType = MEDIA[a.type as string];
  return mediaType ? { type: 'media', mediaType, ref: url } : undefined;
}
