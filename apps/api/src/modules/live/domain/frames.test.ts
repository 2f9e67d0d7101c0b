import { describe, expect, it } from 'vitest';
import { streamTypes, toFrame } from './frames';

describe('stream frames', () => {
  it('lets out only the fields its type names', () => {
    const frame = toFrame({
      id: 3, type: 'message.received', subjectId: 'c1', occurredAt: '2026-12-06T10:00:00.000Z',
      data: { conversationId: 'c1', messageId: 'm1', author: 'customer', channel: 'web', seq: 4, contactId: 'k1', text: 'my secret' },
    });
    expect(frame).toEqual({ id: 3, type: 'message.received', subjectId: 'c1', at: '2026-12-06T10:00:00.000Z',
      data: { conversationId: 'c1', messageId: 'm1', author: 'customer', channel: 'web', seq: 4 } });
  });

  it('carries nothing of a type it does not know (a conversation turn holds the customer\'s answers)', () => {
    expect(toFrame({ id: 1, type: 'conversation.turn', subjectId: null, occurredAt: '', data: { fields: { name: 'Ana' } } })).toBeUndefined();
  });

  it('gives each reader the types its permissions read', () => {
    const bookingsOnly = streamTypes((p) => p === 'bookings.read');
    expect(bookingsOnly).toContain('booking.created');
    expect(bookingsOnly).toContain('hold.placed');
    expect(bookingsOnly.some((t) => t.startsWith('message.') || t.startsWith('lead.') || t.startsWith('conversation.'))).toBe(false);
    expect(streamTypes(() => true)).toEqual(expect.arrayContaining(['message.sent', 'conversation.taken_over', 'lead.stage_changed', 'sla.breached']));
    expect(streamTypes(() => false)).toEqual([]);
  });
});
