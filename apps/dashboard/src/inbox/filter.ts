/** The inbox's filters (pure): who is answering, and on which channel. */
export type Handler = 'all' | 'human' | 'assistant';

export interface ConversationLike { channel: string; handledBy: 'assistant' | 'human'; humanUntil: string | null; lastMessageAt: string }

/** A takeover lasts until `humanUntil`; after that the assistant answers again. */
export function isWithPerson(c: ConversationLike, now: number): boolean {
  return c.handledBy === 'human' && (c.humanUntil === null || Date.parse(c.humanUntil) > now);
}

export function filterConversations<T extends ConversationLike>(items: readonly T[], filter: { handler: Handler; channel: string }, now: number): T[] {
  return items
    .filter((c) => filter.handler === 'all' || (filter.handler === 'human') === isWithPerson(c, now))
    .filter((c) => filter.channel === 'all' || c.channel === filter.channel)
    .sort((a, b) => Date.parse(b.lastMessageAt) - Date.parse(a.lastMessageAt));
}

export function channelsOf(items: readonly ConversationLike[]): string[] {
  return [...new Set(items.map((c) => c.channel))].sort();
}
