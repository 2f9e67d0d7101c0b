import { z } from 'zod';
import { Id } from '@frontdesk/contracts';
import type { ZodApp } from '../../../platform/http/server';
import { requireTenant } from '../../../platform/auth/bearer';
import { notFound } from '../../../shared/errors';
import { renderCalendar, type CalendarEntry } from '../domain/ics';
import type { BookingRecord } from '../repository/bookings';
import type { BookingService } from '../service/bookings';
import type { CatalogueService } from '../service/catalogue';

const DAY = 24 * 3600_000;

export interface CalendarRouteDeps {
  bookings: BookingService;
  catalogue: CatalogueService;
  bookingsOfResource(tenantId: string, resourceId: string, from: Date, to: Date): Promise<BookingRecord[]>;
  now(): number;
}

export function calendarRoutes(app: ZodApp, d: CalendarRouteDeps): void {
  const entry = (b: BookingRecord, serviceName: string): CalendarEntry => ({
    id: b.id, start: b.start, end: b.end, updatedAt: b.updatedAt, status: b.status,
    summary: `${serviceName} — ${b.customer.name}`,
    description: [b.customer.phone, b.customer.email, b.notes].filter(Boolean).join('\n') || undefined,
  });

  app.get('/v1/bookings/:id/ics', {
    schema: { tags: ['bookings'], params: z.object({ id: Id }), summary: 'The booking as an iCalendar (.ics) file' },
  }, async (req, reply) => {
    const tenantId = requireTenant(req);
    const booking = await d.bookings.get(tenantId, req.params.id);
    const service = await d.catalogue.service(tenantId, booking.serviceId);
    return reply.type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="booking-${booking.id}.ics"`)
      .send(renderCalendar(service.name, [entry(booking, service.name)]));
  });

  app.get('/v1/ical/:token', {
    schema: { tags: ['calendars'], params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]+\.ics$/) }),
      summary: "A resource's bookings as an iCalendar feed (secret URL, no bearer key)", security: [] },
  }, async (req, reply) => {
    const resource = await d.catalogue.resourceByIcalToken(req.params.token.replace(/\.ics$/, ''));
    if (!resource) throw notFound('Calendar');
    const now = d.now();
    const bookings = await d.bookingsOfResource(resource.tenantId, resource.id, new Date(now - 30 * DAY), new Date(now + 365 * DAY));
    const services = new Map((await d.catalogue.services(resource.tenantId)).map((s) => [s.id, s.name]));
    return reply.type('text/calendar; charset=utf-8')
      .send(renderCalendar(resource.name, bookings.map((b) => entry(b, services.get(b.serviceId) ?? 'Booking'))));
  });
}
