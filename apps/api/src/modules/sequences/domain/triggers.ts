import type { SequenceTrigger } from '@frontdesk/contracts';

/** A bus event as the triggers read it. */
export interface TriggerEvent { type: string; data: Record<string, unknown> }

/** Whether an event enrols into a sequence with this trigger (manual sequences: never). */
export function triggers(trigger: SequenceTrigger, event: TriggerEvent): boolean {
  switch (trigger.event) {
    case 'manual': return false;
    case 'lead.created': return event.type === 'lead.created';
    case 'lead.temperature_changed': return event.type === trigger.event && event.data.to === trigger.to;
    // Booking events carry the new status as `status`.
    case 'booking.status_changed': return event.type === trigger.event && event.data.status === trigger.to;
  }
}

/** The event types that can enrol a contact. */
export const TRIGGER_EVENTS = ['lead.created', 'lead.temperature_changed', 'booking.status_changed'];
