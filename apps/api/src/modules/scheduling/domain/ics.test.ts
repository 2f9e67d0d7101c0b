import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { renderCalendar } from './ics';

const entry = {
  id: '8d7c7f52-6a55-4a5e-9a4c-3f1f1d2a9b10', start: '2026-12-01T11:00:00Z', end: '2026-12-01T12:00:00Z',
  updatedAt: '2026-11-20T10:00:00Z', status: 'confirmed', summary: 'Avaliação diagnóstica — João; "Bia", Ana',
  description: 'Telefone: +5511987654321\nObs: traz o caderno', location: 'Rua Joaquim Távora, 812',
};

function events(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('iCalendar output', () => {
  it('parses back with the same instants, text and a stable UID', () => {
    const [event] = events(renderCalendar('Kumon', [entry]));
    expect(event!.uid).toBe(`${entry.id}@frontdesk`);
    expect(event!.startDate.toJSDate().toISOString()).toBe('2026-12-01T11:00:00.000Z');
    expect(event!.endDate.toJSDate().toISOString()).toBe('2026-12-01T12:00:00.000Z');
    expect(event!.summary).toBe(entry.summary);
    expect(event!.description).toBe(entry.description);
    expect(event!.location).toBe(entry.location);
  });

  it('writes UTC times, never a zone label on a UTC wall time', () => {
    const text = renderCalendar('Kumon', [entry]);
    expect(text).toContain('DTSTART:20261201T110000Z');
    expect(text).not.toContain('TZID=');
  });

  it('marks cancelled and pending bookings so calendars show them right', () => {
    const text = renderCalendar('Feed', [entry, { ...entry, id: 'b', status: 'cancelled' }, { ...entry, id: 'c', status: 'pending' }]);
    expect(events(text).map((e) => e.component.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'CANCELLED', 'TENTATIVE']);
  });

  it('stamps each event with its last change, not the clock, so the same booking renders the same', () => {
    expect(renderCalendar('Feed', [entry])).toBe(renderCalendar('Feed', [entry]));
    expect(renderCalendar('Feed', [entry])).toContain('DTSTAMP:20261120T100000Z');
  });
});
