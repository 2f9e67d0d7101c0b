import { describe, expect, it } from 'vitest';
import type { TicketPatch, TicketStatus } from '@frontdesk/contracts';
import { applyPatch, firstResponse, mayMove, reopenOnComplaint, type TicketState } from './lifecycle';

const OPENED = Date.parse('2026-06-02T13:00:00Z');
const HOUR = 3600_000;
const ticket = (over: Partial<TicketState> = {}): TicketState => ({
  status: 'open', priority: 'normal', assigneeId: null, resolution: null, openedAt: OPENED, firstResponseAt: null, firstResponseMs: null,
  resolvedAt: null, closedAt: null, resolveMs: null, resolutions: 0, ...over,
});
const resolved = (over: Partial<TicketState> = {}) =>
  ticket({ status: 'resolved', resolution: 'Corte gratis', resolvedAt: OPENED + HOUR, resolveMs: HOUR, resolutions: 1, ...over });

describe('ticket status moves', () => {
  it.each<[TicketStatus, TicketStatus, boolean]>([
    ['open', 'pending', true], ['open', 'resolved', true], ['open', 'closed', false], ['open', 'open', true],
    ['pending', 'open', true], ['pending', 'resolved', true], ['pending', 'closed', false],
    ['resolved', 'closed', true], ['resolved', 'open', true], ['resolved', 'pending', false],
    ['closed', 'open', true], ['closed', 'resolved', false], ['closed', 'pending', false],
  ])('%s → %s allowed: %s', (from, to, allowed) => {
    expect(mayMove(from, to)).toBe(allowed);
    const outcome = applyPatch(ticket({ status: from, resolution: from === 'resolved' || from === 'closed' ? 'x' : null }),
      { status: to, ...(to === 'resolved' && from !== 'resolved' ? { resolution: 'done' } : {}) }, OPENED + HOUR);
    expect(outcome.ok ? true : outcome.kind === 'transition' ? false : 'invalid').toBe(allowed);
  });
});

describe('applying a staff change', () => {
  it.each<[string, TicketState, TicketPatch, { path: string }]>([
    ['resolving without a resolution', ticket(), { status: 'resolved' }, { path: 'resolution' }],
    ['a resolution on a ticket that is not being resolved', ticket(), { resolution: 'x' }, { path: 'resolution' }],
    ['a resolution with another status', ticket(), { status: 'pending', resolution: 'x' }, { path: 'resolution' }],
  ])('refuses %s, naming the field', (_name, t, patch, expected) => {
    expect(applyPatch(t, patch, OPENED)).toMatchObject({ ok: false, kind: 'invalid', ...expected });
  });

  it('resolves: stamps the time to resolve from opening, counts the resolution, tells the bus', () => {
    const outcome = applyPatch(ticket({ status: 'pending' }), { status: 'resolved', resolution: 'Le rehicimos el corte' }, OPENED + 90 * 60_000);
    expect(outcome).toMatchObject({
      ok: true, resolved: true,
      next: { status: 'resolved', resolution: 'Le rehicimos el corte', resolvedAt: OPENED + 90 * 60_000, resolveMs: 90 * 60_000, resolutions: 1 },
      events: [{ type: 'ticket.resolved', data: { timeToResolveMs: 90 * 60_000, resolutions: 1 } }],
    });
  });

  it('reopens a resolved or closed ticket: the resolution is cleared, the count kept for the rating', () => {
    for (const from of [resolved(), resolved({ status: 'closed', closedAt: OPENED + 2 * HOUR })]) {
      const outcome = applyPatch(from, { status: 'open' }, OPENED + 3 * HOUR);
      expect(outcome).toMatchObject({
        ok: true, resolved: false,
        next: { status: 'open', resolution: null, resolvedAt: null, closedAt: null, resolveMs: null, resolutions: 1 },
        history: [{ kind: 'reopened', detail: { from: from.status, previousResolution: 'Corte gratis' } }],
        events: [{ type: 'ticket.reopened', data: { previousStatus: from.status } }],
      });
    }
  });

  it('a second resolution measures from the opening again and counts 2', () => {
    const reopened = applyPatch(resolved(), { status: 'open' }, OPENED + 2 * HOUR);
    if (!reopened.ok) throw new Error('reopen refused');
    expect(applyPatch(reopened.next, { status: 'resolved', resolution: 'Devolución' }, OPENED + 5 * HOUR))
      .toMatchObject({ ok: true, next: { resolveMs: 5 * HOUR, resolutions: 2 } });
  });

  it('closes a resolved ticket and stamps it', () => {
    expect(applyPatch(resolved(), { status: 'closed' }, OPENED + 4 * HOUR))
      .toMatchObject({ ok: true, next: { status: 'closed', closedAt: OPENED + 4 * HOUR }, history: [{ kind: 'status_changed', detail: { from: 'resolved', to: 'closed' } }], events: [] });
  });

  it('assigns, re-prioritises and records each change; an unchanged value records nothing', () => {
    const outcome = applyPatch(ticket({ assigneeId: 'a' }), { assigneeId: 'b', priority: 'urgent', status: 'open' }, OPENED);
    expect(outcome).toMatchObject({
      ok: true,
      history: [{ kind: 'assigned', detail: { from: 'a', to: 'b' } }, { kind: 'priority_changed', detail: { from: 'normal', to: 'urgent' } }],
      events: [{ type: 'ticket.assigned', data: { assigneeId: 'b', previousAssigneeId: 'a' } }],
    });
    expect(applyPatch(ticket({ assigneeId: 'a' }), { assigneeId: 'a', priority: 'normal' }, OPENED)).toMatchObject({ ok: true, history: [], events: [] });
    expect(applyPatch(ticket({ assigneeId: 'a' }), { assigneeId: null }, OPENED))
      .toMatchObject({ ok: true, next: { assigneeId: null }, events: [{ type: 'ticket.assigned', data: { assigneeId: null } }] });
  });

  it('edits the resolution of a resolved ticket without counting a new resolution', () => {
    expect(applyPatch(resolved(), { status: 'resolved', resolution: 'Corte y barba gratis' }, OPENED + 2 * HOUR))
      .toMatchObject({ ok: true, resolved: false, next: { resolution: 'Corte y barba gratis', resolutions: 1, resolveMs: HOUR }, events: [] });
  });
});

describe('complaints and replies', () => {
  it('a complaint brings back a resolved ticket only', () => {
    expect(reopenOnComplaint(resolved())).toMatchObject({ status: 'open', resolution: null, resolutions: 1 });
    expect(reopenOnComplaint(resolved({ status: 'closed' }))).toBeUndefined();
    expect(reopenOnComplaint(ticket())).toBeUndefined();
  });
  it('the first staff reply stamps the time to first response once', () => {
    expect(firstResponse(ticket(), OPENED + 600_000)).toMatchObject({ firstResponseAt: OPENED + 600_000, firstResponseMs: 600_000 });
    expect(firstResponse(ticket({ firstResponseAt: OPENED + 1, firstResponseMs: 1 }), OPENED + 600_000)).toBeUndefined();
  });
});
