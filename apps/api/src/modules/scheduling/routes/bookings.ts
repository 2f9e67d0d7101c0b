import { z } from 'zod';
import {
  AvailabilityQuery, AvailabilityResult, Booking, BookingCreate, BookingList, BookingListQuery, BookingUpdate, Cancel,
  ExplainQuery, ExplainResult, Hold, HoldCreate, HoldList, HoldListQuery, Id, RecurringCreate, RecurringResult, Reschedule,
} from '@frontdesk/contracts';
import type { Database } from '../../../platform/db/database';
import type { ZodApp } from '../../../platform/http/server';
import { requireTenant } from '../../../platform/auth/bearer';
import { validationError } from '../../../shared/errors';
import type { BookingRecord } from '../repository/bookings';
import type { AvailabilityService } from '../service/availability';
import type { BookingService } from '../service/bookings';
import type { HoldService } from '../service/holds';
import type { RecurringService } from '../service/recurring';
import { idempotent, requestHash } from '../service/idempotency';

const ById = z.object({ id: Id });
const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(255).optional() });

export interface BookingRouteDeps {
  db: Database; bookings: BookingService; holds: HoldService; availability: AvailabilityService;
  recurring: RecurringService; baseUrl: string;
}

export function bookingRoutes(app: ZodApp, d: BookingRouteDeps): void {
  const present = ({ sessionId: _s, ...b }: BookingRecord): Booking =>
    ({ ...b, sourceChannel: b.sourceChannel as Booking['sourceChannel'], icsUrl: `${d.baseUrl}/v1/bookings/${b.id}/ics` });
  const tags = ['bookings'];

  app.post('/v1/bookings', {
    schema: { tags, body: BookingCreate, headers: IdempotencyHeaders, response: { 201: Booking, 200: Booking },
      summary: 'Book a slot (resourceIds optional = any available); honours Idempotency-Key' },
  }, async (req, reply) => {
    const tenantId = requireTenant(req);
    const key = req.headers['idempotency-key'];
    if (!key) return reply.code(201).send(present(await d.bookings.create(tenantId, req.body)));
    const result = await idempotent<Booking>(d.db, tenantId, key, requestHash(req.body), 201 as const, async (hooks) =>
      present(await d.bookings.create(tenantId, req.body, { first: hooks.first, last: (tx, b) => hooks.last(tx, present(b)) })));
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(result.status === 200 ? 200 : 201).send(result.body);
  });

  app.post('/v1/bookings/recurring', {
    schema: { tags, body: RecurringCreate, response: { 201: RecurringResult }, summary: 'Weekly series with a per-occurrence conflict report' },
  }, async (req, reply) => {
    const r = await d.recurring.create(requireTenant(req), req.body);
    return reply.code(201).send({ ...r, booked: r.booked.map(present) });
  });

  app.get('/v1/bookings', { schema: { tags, querystring: BookingListQuery, response: { 200: BookingList } } }, async (req) => {
    const q = req.query;
    if (q.from && q.to && Date.parse(q.to) <= Date.parse(q.from)) {
      throw validationError([{ path: 'query.to', message: 'must be after from' }]);
    }
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    const items = await d.bookings.list(requireTenant(req), {
      from: q.from, to: q.to, statuses: q.status?.split(','), resourceId: q.resourceId, limit: q.limit + 1, after,
    });
    const page = items.slice(0, q.limit);
    const last = page[page.length - 1];
    return { items: page.map(present), nextCursor: items.length > q.limit && last ? encodeCursor(last) : null };
  });

  app.get('/v1/bookings/:id', { schema: { tags, params: ById, response: { 200: Booking } } },
    async (req) => present(await d.bookings.get(requireTenant(req), req.params.id)));
  app.patch('/v1/bookings/:id', { schema: { tags, params: ById, body: BookingUpdate, response: { 200: Booking } } },
    async (req) => present(await d.bookings.update(requireTenant(req), req.params.id, req.body)));
  app.post('/v1/bookings/:id/reschedule', { schema: { tags, params: ById, body: Reschedule, response: { 200: Booking } } },
    async (req) => present(await d.bookings.reschedule(requireTenant(req), req.params.id, req.body)));
  app.post('/v1/bookings/:id/cancel', { schema: { tags, params: ById, body: Cancel.nullish(), response: { 200: Booking } } },
    async (req) => present(await d.bookings.cancel(requireTenant(req), req.params.id, req.body ?? { overridePolicy: false })));

  app.post('/v1/holds', { schema: { tags: ['holds'], body: HoldCreate, response: { 201: Hold } } },
    async (req, reply) => {
      const { sessionId: _s, ...hold } = await d.holds.create(requireTenant(req), req.body);
      return reply.code(201).send(hold);
    });
  app.get('/v1/holds', {
    schema: { tags: ['holds'], querystring: HoldListQuery, response: { 200: HoldList },
      summary: 'Holds standing now that overlap a window (at most 62 days; 1,000 holds)' },
  }, async (req) => ({ items: (await d.holds.list(requireTenant(req), req.query)).map(({ sessionId: _s, ...hold }) => hold) }));
  app.get('/v1/holds/:id', { schema: { tags: ['holds'], params: ById, response: { 200: Hold } } },
    async (req) => {
      const { sessionId: _s, ...hold } = await d.holds.get(requireTenant(req), req.params.id);
      return hold;
    });
  app.delete('/v1/holds/:id', { schema: { tags: ['holds'], params: ById } }, async (req, reply) => {
    await d.holds.release(requireTenant(req), req.params.id);
    return reply.code(204).send();
  });

  app.get('/v1/availability', {
    schema: { tags: ['availability'], querystring: AvailabilityQuery, response: { 200: AvailabilityResult } },
  }, async (req) => d.availability.slots(requireTenant(req), req.query));
  app.get('/v1/availability/explain', {
    schema: { tags: ['availability'], querystring: ExplainQuery, response: { 200: ExplainResult },
      summary: 'Why a start time is or is not bookable' },
  }, async (req) => {
    const { bookable, reasons } = await d.availability.explain(requireTenant(req), req.query);
    return { bookable, reasons };
  });
}

function encodeCursor(b: BookingRecord): string {
  return Buffer.from(JSON.stringify([b.start, b.id])).toString('base64url');
}
function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    const parsed = z.tuple([z.iso.datetime(), Id]).parse(value);
    return parsed;
  } catch {
    throw validationError([{ path: 'query.cursor', message: 'is not a cursor this API returned' }]);
  }
}
