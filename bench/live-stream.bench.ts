// Latency from POST /v1/bookings to its frame on an open staff stream (GET /v1/stream), over real HTTP.
// Run: npx tsx bench/live-stream.bench.ts   (BENCH_DATABASE_URL=postgres://… to use another server)
import { randomBytes } from 'node:crypto';
import { openSse } from '../apps/api/test/live/sse-client';
import { ADMIN_KEY, api, percentile, startBenchServer } from './harness';

const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 50);
const WARM_UP = 5;

const server = await startBenchServer({ workers: true }); // as `npm start` runs: the event relay and its consumers share the process
try {
  const slug = `bench-${randomBytes(3).toString('hex')}`;
  const created = await api(server.url, ADMIN_KEY, 'POST', '/v1/tenants',
    { name: 'Bench', slug, timeZone: 'Europe/London', locale: 'en-GB', currency: 'GBP' });
  const key = (created.body.apiKey as { key: string }).key;
  const weekly = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]));
  const resource = await api(server.url, key, 'POST', '/v1/resources', { name: 'Crew', kind: 'staff', timeZone: 'Europe/London' });
  await api(server.url, key, 'PUT', `/v1/resources/${resource.body.id}/schedule`, { timeZone: 'Europe/London', weekly, overrides: [] });
  const service = await api(server.url, key, 'POST', '/v1/services',
    { name: 'Slot', durationMinutes: 30, price: { amount: 1000, currency: 'GBP' }, resourceIds: [resource.body.id], horizonDays: 730 });

  const stream = await openSse(`${server.url}/v1/stream`, { authorization: `Bearer ${key}` });
  await stream.until(() => stream.events.some((e) => e.event === 'ready'));
  const base = Date.UTC(new Date().getUTCFullYear() + 1, 0, 5, 9, 0);
  const toFrame: number[] = [];
  const toResponse: number[] = [];
  const afterResponse: number[] = [];
  for (let i = 0; i < WARM_UP + BOOKINGS; i++) {
    const t0 = performance.now();
    const res = await api(server.url, key, 'POST', '/v1/bookings',
      { serviceId: service.body.id, start: new Date(base + i * 30 * 60_000).toISOString(), customer: { name: 'Bench' } });
    const answered = performance.now();
    if (res.status !== 201) throw new Error(`booking failed: ${JSON.stringify(res.body)}`);
    await stream.until(() => stream.changes().some((c) => c.subjectId === res.body.id && c.type === 'booking.created'));
    if (i >= WARM_UP) {
      const framed = performance.now();
      toFrame.push(framed - t0);
      toResponse.push(answered - t0);
      afterResponse.push(framed - answered);
    }
  }
  stream.close();
  toFrame.sort((a, b) => a - b);
  toResponse.sort((a, b) => a - b);
  afterResponse.sort((a, b) => a - b);
  const ms = (sorted: number[], p: number) => +percentile(sorted, p).toFixed(1);
  console.log(JSON.stringify({
    benchmark: 'POST /v1/bookings to its frame on GET /v1/stream', database: process.env.BENCH_DATABASE_URL ? 'external' : 'embedded',
    bookings: BOOKINGS, sequential: true,
    toFrameMs: { p50: ms(toFrame, 50), p95: ms(toFrame, 95), max: ms(toFrame, 100) },
    toResponseMs: { p50: ms(toResponse, 50), p95: ms(toResponse, 95) },
    frameAfterResponseMs: { p50: ms(afterResponse, 50), p95: ms(afterResponse, 95) },
  }));
} finally {
  await server.stop();
}
