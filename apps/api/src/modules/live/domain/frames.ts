/**
 * What the staff live stream shows of each event: which types, who may see each, and which of
 * the event's fields go out. A frame says *what* changed; the dashboard reads the object itself
 * through the API (customer names, message texts and answers never travel on the stream).
 */
export type ReadPermission = 'bookings.read' | 'conversations.read' | 'leads.read';

interface FrameRule { permission: ReadPermission; fields: readonly string[] }

const BOOKING: FrameRule = {
  permission: 'bookings.read', fields: ['status', 'startAt', 'endAt', 'serviceId', 'sourceChannel', 'previousStatus', 'previousStartAt'],
};
const HOLD: FrameRule = { permission: 'bookings.read', fields: ['serviceId', 'startAt', 'endAt', 'resourceIds', 'expiresAt'] };
const MESSAGE: FrameRule = { permission: 'conversations.read', fields: ['conversationId', 'messageId', 'author', 'channel', 'seq'] };
const HANDLER: FrameRule = { permission: 'conversations.read', fields: ['conversationId', 'handledBy', 'humanUntil', 'reason'] };
const WORK: FrameRule = { permission: 'conversations.read', fields: ['conversationId', 'assigneeId'] };
const LEAD: FrameRule = {
  permission: 'leads.read',
  fields: ['from', 'to', 'score', 'ownerId', 'conversationId', 'changed', 'by', 'noteId', 'mergedLeadId', 'channel', 'kind', 'dueAt', 'minutes'],
};

const RULES: Record<string, FrameRule> = {
  'booking.created': BOOKING, 'booking.rescheduled': BOOKING, 'booking.cancelled': BOOKING, 'booking.status_changed': BOOKING,
  'hold.placed': HOLD, 'hold.released': HOLD,
  'message.received': MESSAGE, 'message.sent': MESSAGE,
  'conversation.taken_over': HANDLER, 'conversation.handed_back': HANDLER, 'conversation.handed_off': HANDLER,
  'conversation.assigned': WORK, 'conversation.tagged': WORK,
  'lead.created': LEAD, 'lead.updated': LEAD, 'lead.stage_changed': LEAD, 'lead.temperature_changed': LEAD,
  'lead.assigned': LEAD, 'lead.unassigned': LEAD, 'lead.merged': LEAD, 'lead.note_added': LEAD, 'lead.leakage': LEAD,
  'sla.breached': LEAD, 'sla.escalated': LEAD,
};

/** The event types a reader with these permissions receives. */
export function streamTypes(may: (permission: ReadPermission) => boolean): string[] {
  return Object.entries(RULES).filter(([, rule]) => may(rule.permission)).map(([type]) => type);
}

export interface StoredEvent { id: number; type: string; subjectId: string | null; data: Record<string, unknown>; occurredAt: string }
export interface Frame { id: number; type: string; subjectId: string | null; at: string; data: Record<string, unknown> }

/** The frame for an event, with only the fields its type lets out; undefined for a type the stream does not carry. */
export function toFrame(event: StoredEvent): Frame | undefined {
  const rule = RULES[event.type];
  if (!rule) return undefined;
  const data = Object.fromEntries(rule.fields.filter((f) => event.data[f] !== undefined).map((f) => [f, event.data[f]]));
  return { id: event.id, type: event.type, subjectId: event.subjectId, at: event.occurredAt, data };
}
