import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import { inviteAndJoin } from '../harness/staff';
import { about, bearer, bookableTenant, follow as followAt, type Tenant } from './fixtures';
import type { SseClient } from './sse-client';

let app: TestApp;
let base: string;
let a: Tenant;
let b: Tenant;
const follow = (headers: Record<string, string>, url?: string): Promise<SseClient> => followAt(url ?? base, headers);

beforeAll(async () => {
  app = await startTestApp();
  base = await app.app.listen({ port: 0, host: '127.0.0.1' });
  a = await bookableTenant(app);
  b = await bookableTenant(app);
});

describe('the staff live stream (GET /v1/stream)', () => {
  it("delivers a booking made through the API, with ids and times only, and never another tenant's", async () => {
    const mine = await follow(bearer(a.key));
    const theirs = await follow(bearer(b.key));
    const otherBooking = await b.book('Bruno Other');
    const booking = await a.book('Ana Lima');
    await mine.until(() => about(mine, booking).length > 0);
    await theirs.until(() => about(theirs, otherBooking).length > 0);

    const [frame] = about(mine, booking);
    expect(frame).toMatchObject({ type: 'booking.created', subjectId: booking, data: { status: 'confirmed', serviceId: a.serviceId, sourceChannel: 'api' } });
    expect(JSON.stringify(mine.events)).not.toContain('Ana Lima');
    expect(about(mine, otherBooking)).toEqual([]);
    expect(about(theirs, booking)).toEqual([]);
    expect(mine.events.find((e) => e.event === 'change')!.id).toMatch(/^\d+(-\d+(\.\d+)*)?$/);
    mine.close();
    theirs.close();
  });

  it('resumes after Last-Event-ID without gaps, even for an event that committed after a later one', async () => {
    const first = await follow(bearer(a.key));
    const seenBooking = await a.book();
    await first.until(() => about(first, seenBooking).length > 0);
    // A transaction that wrote its event before the next booking, and commits only after the client has gone.
    const slow = new pg.Client({ connectionString: app.databaseUrl });
    await slow.connect();
    const lateSubject = randomUUID();
    await slow.query('BEGIN');
    await slow.query(`INSERT INTO events (tenant_id, type, subject_id, data) VALUES ($1, 'lead.created', $2, '{}')`, [a.id, lateSubject]);
    const laterBooking = await a.book();
    await first.until(() => about(first, laterBooking).length > 0);
    const token = first.lastEventId!;
    first.close();
    const missed = await a.book();
    await slow.query('COMMIT');
    await slow.end();

    const again = await follow({ ...bearer(a.key), 'last-event-id': token });
    expect(again.events.map((e) => e.event)).not.toContain('reset');
    expect(again.changes().map((c) => c.subjectId).sort()).toEqual([lateSubject, missed].sort());
    expect(again.events.find((e) => e.event === 'ready')!.data).toEqual({ resumed: true });
    again.close();
  });

  it('delivers an event to a stream that was open while it committed late', async () => {
    const stream = await follow(bearer(a.key));
    const slow = new pg.Client({ connectionString: app.databaseUrl });
    await slow.connect();
    const lateSubject = randomUUID();
    await slow.query('BEGIN');
    await slow.query(`INSERT INTO events (tenant_id, type, subject_id, data) VALUES ($1, 'lead.created', $2, '{}')`, [a.id, lateSubject]);
    const booking = await a.book();
    await stream.until(() => about(stream, booking).length > 0);
    await slow.query('COMMIT');
    await slow.end();
    await stream.until(() => about(stream, lateSubject).length > 0);
    stream.close();
  });

  it('answers a Last-Event-ID it cannot honour with reset, then goes on live', async () => {
    for (const token of ['not-a-cursor', '18446744073709551615']) {
      const stream = await follow({ ...bearer(a.key), 'last-event-id': token });
      expect(stream.events.map((e) => e.event)).toEqual(['reset', 'ready']);
      const booking = await a.book();
      await stream.until(() => about(stream, booking).length > 0);
      stream.close();
    }
  });

  it('follows events written by another process on the same database', async () => {
    const stream = await follow(bearer(a.key));
    const second = await startTestApp({ restartOf: app });
    const { serviceId } = a;
    const res = await second.app.inject({ method: 'POST', url: '/v1/bookings', headers: bearer(a.key), payload: { serviceId, start: a.slots.shift(), customer: { name: 'Elsewhere' } } });
    expect(res.statusCode, res.body).toBe(201);
    await stream.until(() => about(stream, res.json().id).length > 0);
    stream.close();
  });

  it('asks for credentials before any stream opens; a viewer may follow it', async () => {
    const nobody = await fetch(`${base}/v1/stream`);
    expect(nobody.status).toBe(401);
    expect(nobody.headers.get('content-type')).toMatch(/problem\+json/);
    expect(((await nobody.json()) as { code: string }).code).toBe('UNAUTHENTICATED');

    const viewer = await inviteAndJoin(app, bearer(a.key), { email: `viewer-${randomUUID()}@live.test`, role: 'viewer' });
    const stream = await follow({ cookie: `fd_session=${viewer.cookies.fd_session}` });
    const booking = await a.book();
    await stream.until(() => about(stream, booking).length > 0);
    stream.close();
  });

  it('ends an open stream once its session has ended', async () => {
    const agent = await inviteAndJoin(app, bearer(a.key), { email: `agent-${randomUUID()}@live.test`, role: 'agent' });
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }); // the minute between credential checks, and nothing else
    try {
      const stream = await follow({ cookie: `fd_session=${agent.cookies.fd_session}` });
      vi.advanceTimersByTime(60_000);
      const booking = await a.book();
      await stream.until(() => about(stream, booking).length > 0); // still signed in: still open
      const out = await app.app.inject({ method: 'POST', url: '/v1/auth/logout', cookies: agent.cookies, headers: agent.headers });
      expect(out.statusCode).toBeLessThan(300);
      vi.advanceTimersByTime(60_000);
      await stream.done;
      expect(stream.events.at(-1)).toMatchObject({ event: 'end', data: { reason: 'credentials-changed' } });
    } finally {
      vi.useRealTimers();
    }
    expect((await fetch(`${base}/v1/stream`, { headers: { cookie: `fd_session=${agent.cookies.fd_session}` } })).status).toBe(401);
  });

  it('ends open streams when the server closes', async () => {
    const other = await startTestApp();
    const tenant = await createTenant(other);
    const url = await other.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await follow(bearer(tenant.key), url);
    await other.close();
    await stream.done;
    expect(stream.ended).toBe(true);
  });
});
