import { describe, expect, it } from 'vitest';
import { interleave, parseTags, previewTemplate, splitBookings, variableCount } from './work';

describe('the thread with private notes', () => {
  it('weaves notes between messages by time; a message and a note at the same instant keep the message first', () => {
    const messages = [{ id: 'm1', createdAt: '2026-12-01T10:00:00Z' }, { id: 'm2', createdAt: '2026-12-01T10:05:00Z' }];
    const notes = [{ id: 'n1', createdAt: '2026-12-01T10:05:00Z' }, { id: 'n0', createdAt: '2026-12-01T10:01:00Z' }];
    expect(interleave(messages, notes).map((e) => `${e.kind}:${e.item.id}`)).toEqual(['message:m1', 'note:n0', 'message:m2', 'note:n1']);
  });
});

describe('templates', () => {
  it('count their variables by the highest number used', () => {
    expect(variableCount('Hi {{1}}, your {{2}} is on {{3}}. Bye {{1}}')).toBe(3);
    expect(variableCount('No variables here')).toBe(0);
  });
  it('preview with the values given, keeping the placeholder of an empty one', () => {
    expect(previewTemplate('Olá {{1}}! Ainda quer o {{2}}?', ['Maria', ' '])).toBe('Olá Maria! Ainda quer o {{2}}?');
  });
});

describe('tags typed by hand', () => {
  it('are split on commas, trimmed, lower-cased and kept once', () => {
    expect(parseTags(' VIP, quote,,vip ,Follow-up')).toEqual(['vip', 'quote', 'follow-up']);
    expect(parseTags('  ')).toEqual([]);
  });
});

describe("a contact's bookings", () => {
  it('are split into upcoming (soonest first) and past (latest first)', () => {
    const now = Date.parse('2026-12-06T12:00:00Z');
    const b = (id: string, start: string) => ({ id, start });
    const { upcoming, past } = splitBookings([b('a', '2026-12-01T09:00:00Z'), b('b', '2026-12-10T09:00:00Z'), b('c', '2026-12-07T09:00:00Z'),
      b('d', '2026-11-01T09:00:00Z')], now);
    expect(upcoming.map((x) => x.id)).toEqual(['c', 'b']);
    expect(past.map((x) => x.id)).toEqual(['a', 'd']);
  });
});
