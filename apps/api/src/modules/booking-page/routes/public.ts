import { z } from 'zod';
import {
  BookingPageAvailability, BookingPageAvailabilityQuery, BookingPageBooked, BookingPageBookingCreate, BookingPageProfile,
  BookingPageProfileQuery, BookingPageSlugParams,
} from '@frontdesk/contracts';
import type { ZodApp } from '../../../platform/http/server';
import type { BookingPageService } from '../index';

const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(255).optional() });

/** `/v1/book/{tenantSlug}`: no API key; limited per address (platform/http/limits.ts) and, for bookings, per minute per address. */
export function publicRoutes(app: ZodApp, page: BookingPageService, limits: { changesPerMinute: number }): void {
  const tags = ['booking page'];
  app.get('/v1/book/:tenantSlug', {
    schema: { tags, security: [], params: BookingPageSlugParams, querystring: BookingPageProfileQuery, response: { 200: BookingPageProfile },
      summary: 'The business as its booking page shows it: services with prices and staff, locations, consent text, change policy' },
  }, async (req) => page.profile(req.params.tenantSlug, req.query.lang));

  app.get('/v1/book/:tenantSlug/availability', {
    schema: { tags, security: [], params: BookingPageSlugParams, querystring: BookingPageAvailabilityQuery, response: { 200: BookingPageAvailability },
      summary: "Free times of a service (with one resource, or anyone) over the visitor's days, in UTC and on both wall clocks" },
  }, async (req) => page.freeTimes(req.params.tenantSlug, req.query));

  app.post('/v1/book/:tenantSlug/bookings', {
    config: { rateLimit: { max: limits.changesPerMinute, timeWindow: 60_000 } },
    schema: { tags, security: [], params: BookingPageSlugParams, headers: IdempotencyHeaders, body: BookingPageBookingCreate,
      response: { 201: BookingPageBooked }, summary: 'Book as a visitor; the answer carries the manage link (shown once) and the .ics link; honours Idempotency-Key' },
  }, async (req, reply) => {
    const { booked, replayed } = await page.book(req.params.tenantSlug, req.body, req.headers['idempotency-key']);
    if (replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(201).header('cache-control', 'no-store').send(booked);
  });
}
