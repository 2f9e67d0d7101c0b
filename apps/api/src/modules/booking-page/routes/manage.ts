import {
  BookingPageAvailability, BookingPageBooking, BookingPageCancel, BookingPageManageAvailabilityQuery, BookingPageReschedule,
  BookingPageTokenParams, BookingPageViewQuery,
} from '@frontdesk/contracts';
import type { ZodApp } from '../../../platform/http/server';
import type { BookingPageService } from '../index';

/** `/v1/book/manage/{token}`: the manage link's token is the only credential. */
export function manageRoutes(app: ZodApp, manage: BookingPageService['manage'], limits: { changesPerMinute: number }): void {
  const tags = ['booking page'];
  const params = BookingPageTokenParams;
  const changes = { rateLimit: { max: limits.changesPerMinute, timeWindow: 60_000 } };
  const noStore = { 'cache-control': 'no-store' };

  app.get('/v1/book/manage/:token', {
    schema: { tags, security: [], params, querystring: BookingPageViewQuery, response: { 200: BookingPageBooking },
      summary: 'The booking behind a manage link, with the deadline for changes online' },
  }, async (req, reply) => reply.headers(noStore).send(await manage.view(req.params.token, req.query.timeZone)));

  app.get('/v1/book/manage/:token/availability', {
    schema: { tags, security: [], params, querystring: BookingPageManageAvailabilityQuery, response: { 200: BookingPageAvailability },
      summary: "Free times to move this booking to (its own time counts as free)" },
  }, async (req) => manage.freeTimes(req.params.token, req.query));

  app.post('/v1/book/manage/:token/cancel', {
    config: changes,
    schema: { tags, security: [], params, querystring: BookingPageViewQuery, body: BookingPageCancel.nullish(), response: { 200: BookingPageBooking },
      summary: "Cancel under the business's policy (too late: 409 BOOKING_CHANGE_TOO_LATE with the deadline)" },
  }, async (req, reply) => reply.headers(noStore).send(await manage.cancel(req.params.token, req.body?.reason, req.query.timeZone)));

  app.post('/v1/book/manage/:token/reschedule', {
    config: changes,
    schema: { tags, security: [], params, body: BookingPageReschedule, response: { 200: BookingPageBooking },
      summary: "Move to another free time under the business's policy" },
  }, async (req, reply) => reply.headers(noStore).send(await manage.reschedule(req.params.token, req.body)));

  app.get('/v1/book/manage/:token/ics', {
    schema: { tags, security: [], params, summary: 'The booking as an iCalendar (.ics) file' },
  }, async (req, reply) => reply.type('text/calendar; charset=utf-8').headers(noStore)
    .header('content-disposition', 'attachment; filename="booking.ics"').send(await manage.ics(req.params.token)));
}
