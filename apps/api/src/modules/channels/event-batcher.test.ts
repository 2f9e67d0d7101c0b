import { describe, expect, it } from 'vitest';
import { eventBatcher } from './event-batcher';

const item = (channelId: string, eventId: string) =>
  ({ tenantId: 't', channelId, eventId, event: { kind: 'ignored' as const, providerEventId: eventId, reason: 'test' } });

describe('group commit of webhook events', () => {
  it('writes the events of requests arriving together in one statement and answers each with its own count', async () => {
    const statements: string[][] = [];
    const seen = new Set<string>(['c1 old']);
    const store = async (items: { channelId: string; eventId: string }[]) => {
      statements.push(items.map((i) => i.eventId));
      const fresh = new Set<string>();
      for (const i of items) {
        const key = `${i.channelId} ${i.eventId}`;
        if (!seen.has(key)) fresh.add(key);
        seen.add(key);
      }
      return fresh;
    };
    const together = eventBatcher(store);
    const counts = await Promise.all([
      together([item('c1', 'a'), item('c1', 'old')]),
      together([item('c2', 'a')]),
      together([item('c1', 'a')]), // the same event as the first request, delivered again at once
    ]);
    expect(statements).toEqual([['a', 'old', 'a', 'a']]);
    expect(counts).toEqual([1, 1, 0]);
  });

  it('fails every request of a statement that fails, and keeps working after', async () => {
    let fail = true;
    const together = eventBatcher(async (items) => {
      if (fail) throw new Error('database down');
      return new Set(items.map((i) => `${i.channelId} ${i.eventId}`));
    });
    await expect(Promise.all([together([item('c', '1')]), together([item('c', '2')])])).rejects.toThrow('database down');
    fail = false;
    expect(await together([item('c', '3')])).toBe(1);
  });
});
