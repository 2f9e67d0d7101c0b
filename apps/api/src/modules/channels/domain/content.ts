import type { InboundContent } from './types';

/**
 * What a customer's message says, as text the assistant reads (and staff see), plus the option
 * they tapped. Reactions and deletions start no turn.
 */
export function contentAsText(content: InboundContent): { text: string; optionId?: string } | undefined {
  switch (content.type) {
    case 'text': return content.text.trim() ? { text: content.text } : undefined;
    case 'choice': return { text: content.title || content.id, optionId: content.id };
    case 'location': {
      const place = [content.name, content.address].filter(Boolean).join(', ');
      return { text: `📍 ${place ? `${place} ` : ''}(${content.latitude}, ${content.longitude})` };
    }
    case 'media': return { text: content.caption ?? `[${content.mediaType}]` };
    case 'contacts': return { text: [...content.names, ...content.phones].join(' ') || '[contact]' };
    case 'edit': return { text: content.text };
    case 'reaction':
    case 'delete':
      return undefined;
  }
}

/** Channels where the provider only delivers free text within 24 hours of the customer's last message. */
const WINDOWED = new Set(['whatsapp_cloud', 'twilio_whatsapp', 'instagram', 'messenger']);
const WINDOW_MS = 24 * 3600_000;

export function windowClosed(channelType: string, lastInboundAt: Date | null, now: number): boolean {
  return WINDOWED.has(channelType) && (!lastInboundAt || now - lastInboundAt.getTime() >= WINDOW_MS);
}

/** When free text stops being allowed: null on a channel without a window, the epoch when the customer never wrote. */
export function windowClosesAt(channelType: string, lastInboundAt: Date | null): Date | null {
  if (!WINDOWED.has(channelType)) return null;
  return new Date(lastInboundAt ? lastInboundAt.getTime() + WINDOW_MS : 0);
}
