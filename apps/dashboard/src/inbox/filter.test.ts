import { describe, expect, it } from 'vitest';
import { channelsOf, filterConversations, isWithPerson, type ConversationLike } from './filter';

const now = Date.parse('2026-12-09T15:00:00Z');
const c = (channel: string, handledBy: 'assistant' | 'human', humanUntil: string | null, lastMessageAt: string): ConversationLike & { n: number } =>
  ({ channel, handledBy, humanUntil, lastMessageAt, n: Date.parse(lastMessageAt) });
const items = [
  c('web', 'assistant', null, '2026-12-09T14:00:00Z'),
  c('whatsapp', 'human', '2026-12-09T16:00:00Z', '2026-12-09T14:30:00Z'),
  c('web', 'human', '2026-12-09T14:59:00Z', '2026-12-09T14:45:00Z'), // the takeover ran out a minute ago
  c('telegram', 'assistant', null, '2026-12-09T13:00:00Z'),
];

describe('inbox filters', () => {
  it('tells who is answering now: a takeover ends at its time', () => {
    expect(items.map((x) => isWithPerson(x, now))).toEqual([false, true, false, false]);
  });

  it('filters by who answers and by channel, most recent first', () => {
    const at = (handler: 'all' | 'human' | 'assistant', channel = 'all') => filterConversations(items, { handler, channel }, now).map((x) => `${x.channel}@${x.lastMessageAt.slice(11, 16)}`);
    expect(at('all')).toEqual(['web@14:45', 'whatsapp@14:30', 'web@14:00', 'telegram@13:00']);
    expect(at('human')).toEqual(['whatsapp@14:30']);
    expect(at('assistant')).toEqual(['web@14:45', 'web@14:00', 'telegram@13:00']);
    expect(at('assistant', 'web')).toEqual(['web@14:45', 'web@14:00']);
    expect(channelsOf(items)).toEqual(['telegram', 'web', 'whatsapp']);
  });
});
