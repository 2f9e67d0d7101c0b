import { describe, expect, it } from 'vitest';
import { parseFrame, reconnectDelay, recentIds, rootsFor, rootsForAll } from './keys';

describe('live keys', () => {
  it('sends booking and hold changes to the calendar and home queries', () => {
    expect(rootsFor('booking.created')).toEqual(expect.arrayContaining(['bookings', 'calendar', 'summary', 'holds']));
    expect(rootsFor('hold.placed')).toEqual(expect.arrayContaining(['holds', 'calendar']));
    expect(rootsFor('booking.rescheduled')).not.toContain('conversations');
  });

  it('sends messages and conversations to the inbox, leads and SLAs to the leads', () => {
    expect(rootsFor('message.received')).toEqual(expect.arrayContaining(['conversations', 'thread']));
    expect(rootsFor('conversation.taken_over')).toEqual(expect.arrayContaining(['conversations', 'thread']));
    expect(rootsFor('lead.stage_changed')).toEqual(expect.arrayContaining(['leads', 'lead']));
    expect(rootsFor('sla.breached')).toContain('leads');
    expect(rootsFor('message.sent')).not.toContain('bookings');
  });

  it('ignores types it does not know (and inherited property names)', () => {
    expect(rootsFor('webhook.test')).toEqual([]);
    expect(rootsFor('constructor.x')).toEqual([]);
    expect(rootsFor('toString')).toEqual([]);
  });

  it('merges a batch into distinct roots', () => {
    const frame = (id: number, type: string) => ({ id, type, subjectId: null, at: '', data: {} });
    const roots = rootsForAll([frame(1, 'booking.created'), frame(2, 'booking.cancelled'), frame(3, 'message.sent')]);
    expect(new Set(roots).size).toBe(roots.length);
    expect(roots).toEqual(expect.arrayContaining(['bookings', 'thread']));
  });

  it('parses change frames and refuses anything else', () => {
    expect(parseFrame('{"id":7,"type":"booking.created","subjectId":"b1","at":"2026-03-29T00:00:00Z","data":{"status":"confirmed"}}'))
      .toEqual({ id: 7, type: 'booking.created', subjectId: 'b1', at: '2026-03-29T00:00:00Z', data: { status: 'confirmed' } });
    expect(parseFrame('not json')).toBeUndefined();
    expect(parseFrame('{"type":"booking.created"}')).toBeUndefined();
  });

  it('handles a repeated frame once and forgets the oldest beyond its capacity', () => {
    const ids = recentIds(2);
    expect(ids.fresh(1)).toBe(true);
    expect(ids.fresh(1)).toBe(false);
    ids.fresh(2);
    ids.fresh(3);
    expect(ids.fresh(1)).toBe(true);
    expect(ids.fresh(3)).toBe(false);
  });

  it('backs off between reconnects up to 30 s', () => {
    expect([1, 2, 3, 10].map(reconnectDelay)).toEqual([1000, 2000, 4000, 30_000]);
  });
});
