import type { TicketPatch, TicketPriority, TicketStatus } from '@frontdesk/contracts';

/** What the lifecycle rules need of a ticket (times are epoch ms). */
export interface TicketState {
  status: TicketStatus;
  priority: TicketPriority;
  assigneeId: string | null;
  resolution: string | null;
  openedAt: number;
  firstResponseAt: number | null;
  firstResponseMs: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  resolveMs: number | null;
  resolutions: number;
}

export interface HistoryEntry { kind: 'status_changed' | 'assigned' | 'priority_changed' | 'resolved' | 'reopened'; detail: Record<string, unknown> }
export interface BusEvent { type: 'ticket.assigned' | 'ticket.resolved' | 'ticket.reopened'; data: Record<string, unknown> }

export type PatchOutcome =
  | { ok: true; next: TicketState; history: HistoryEntry[]; events: BusEvent[]; resolved: boolean }
  | { ok: false; kind: 'invalid'; path: string; message: string }
  | { ok: false; kind: 'transition'; from: TicketStatus; to: TicketStatus };

/** Where each status may go; resolved and closed tickets are reopened by going back to open. */
const NEXT: Record<TicketStatus, TicketStatus[]> = {
  open: ['pending', 'resolved'],
  pending: ['open', 'resolved'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

export const mayMove = (from: TicketStatus, to: TicketStatus): boolean => from === to || NEXT[from].includes(to);

/**
 * A staff change to a ticket at `now`: the new state, what goes into its history and onto the bus.
 * Resolving needs a resolution and stamps the time to resolve; reopening clears the resolution.
 */
export function applyPatch(ticket: TicketState, patch: TicketPatch, now: number): PatchOutcome {
  const to = patch.status ?? ticket.status;
  if (!mayMove(ticket.status, to)) return { ok: false, kind: 'transition', from: ticket.status, to };
  const resolving = to === 'resolved' && ticket.status !== 'resolved';
  if (resolving && !patch.resolution) return { ok: false, kind: 'invalid', path: 'resolution', message: 'is required to resolve a ticket' };
  if (patch.resolution && to !== 'resolved') {
    return { ok: false, kind: 'invalid', path: 'resolution', message: 'can only be given with status resolved' };
  }
  let next: TicketState = { ...ticket };
  const history: HistoryEntry[] = [];
  const events: BusEvent[] = [];

  if (patch.assigneeId !== undefined && patch.assigneeId !== ticket.assigneeId) {
    next.assigneeId = patch.assigneeId;
    history.push({ kind: 'assigned', detail: { from: ticket.assigneeId, to: patch.assigneeId } });
    events.push({ type: 'ticket.assigned', data: { assigneeId: patch.assigneeId, previousAssigneeId: ticket.assigneeId } });
  }
  if (patch.priority && patch.priority !== ticket.priority) {
    next.priority = patch.priority;
    history.push({ kind: 'priority_changed', detail: { from: ticket.priority, to: patch.priority } });
  }
  if (resolving) {
    next = resolve(next, patch.resolution!, now);
    history.push({ kind: 'resolved', detail: { from: ticket.status, resolution: next.resolution, timeToResolveMs: next.resolveMs, resolutions: next.resolutions } });
    events.push({ type: 'ticket.resolved', data: { resolution: next.resolution, timeToResolveMs: next.resolveMs, resolutions: next.resolutions } });
  } else if (to === 'resolved' && patch.resolution && patch.resolution !== ticket.resolution) {
    next.resolution = patch.resolution;
    history.push({ kind: 'resolved', detail: { resolution: patch.resolution, edited: true } });
  } else if (to === 'open' && (ticket.status === 'resolved' || ticket.status === 'closed')) {
    next = { ...next, status: 'open', resolution: null, resolvedAt: null, closedAt: null, resolveMs: null };
    history.push({ kind: 'reopened', detail: { from: ticket.status, previousResolution: ticket.resolution } });
    events.push({ type: 'ticket.reopened', data: { previousStatus: ticket.status } });
  } else if (to !== ticket.status) {
    next = { ...next, status: to, ...(to === 'closed' ? { closedAt: now } : {}) };
    history.push({ kind: 'status_changed', detail: { from: ticket.status, to } });
  }
  return { ok: true, next, history, events, resolved: resolving };
}

function resolve(ticket: TicketState, resolution: string, now: number): TicketState {
  return { ...ticket, status: 'resolved', resolution, resolvedAt: now, resolveMs: now - ticket.openedAt, resolutions: ticket.resolutions + 1 };
}

/** A new complaint on a resolved ticket brings it back (a closed one stays closed: the complaint opens a new ticket). */
export function reopenOnComplaint<T extends TicketState>(ticket: T): T | undefined {
  if (ticket.status !== 'resolved') return undefined;
  return { ...ticket, status: 'open', resolution: null, resolvedAt: null, resolveMs: null };
}

/** The first staff reply after opening: stamps the time to first response once. */
export function firstResponse<T extends TicketState>(ticket: T, now: number): T | undefined {
  if (ticket.firstResponseAt !== null || ticket.status === 'closed') return undefined;
  return { ...ticket, firstResponseAt: now, firstResponseMs: now - ticket.openedAt };
}
