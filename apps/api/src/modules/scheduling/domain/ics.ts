import ical, { ICalEventStatus } from 'ical-generator';

export interface CalendarEntry {
  id: string;
  start: string;
  end: string;
  updatedAt: string;
  status: string;
  summary: string;
  description?: string;
  location?: string;
}

/**
 * RFC 5545 text for one booking or a resource's feed. Times are written in UTC ("…Z"):
 * ical-generator would label plain Dates with a TZID at their UTC wall time (PLATFORM-NOTES §7).
 */
export function renderCalendar(name: string, entries: CalendarEntry[]): string {
  const calendar = ical({ name, prodId: { company: 'Frontdesk', product: 'frontdesk', language: 'EN' } });
  for (const e of entries) {
    calendar.createEvent({
      id: `${e.id}@frontdesk`,
      start: new Date(e.start),
      end: new Date(e.end),
      stamp: new Date(e.updatedAt),
      summary: e.summary,
      description: e.description ?? null,
      location: e.location ?? null,
      status: e.status === 'cancelled' ? ICalEventStatus.CANCELLED
        : e.status === 'pending' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
