// Booking commits per second through the HTTP API, and racers for one slot.
// Run: npx tsx bench/booking.bench.ts   (BENCH_DATABASE_URL=postgres://… to use another server)
import { randomBytes } from 'node:crypto';
import { ADMIN_KEY, api, loadFromWorker, percentile, startBenchServer } from './harness';

const RESOURCES = 40;
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 10000);
const CONCURRENCY = 50;
const RACERS = 500;

const server = await startBenchServer();
try {
  const slug = `bench-${randomBytes(3).toString('hex')}`;
  const created = await api(server.url, ADMIN_KEY, 'POST', '/v1/tenants',
    { name: 'Bench', slug, timeZone: 'America/Sao_Paulo', locale: 'pt-BR', currency: 'BRL' });
  const key = (created.body.apiKey as { key: string }).key;
  const weekly = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]));
  const resourceIds: string[] = [];
  for (let i = 0; i < RESOURCES; i++) {
    const r = await api(server.url, key, 'POST', '/v1/resources', { name: `Staff ${i}`, kind: 'staff', timeZone: 'America/Sao_Paulo' });
    await api(server.url, key, 'PUT', `/v1/resources/${r.body.id}/schedule`, { timeZone: 'America/Sao_Paulo', weekly, overrides: [] });
    resourceIds.push(r.body.id as string);
  }
  const service = await api(server.url, key, 'POST', '/v1/services',
    { name: 'Slot', durationMinutes: 30, price: { amount: 1000, currency: 'BRL' }, resourceIds, horizonDays: 730 });
  const serviceId = service.body.id as string;

  // Distinct (resource, start) pairs so every request should commit.
  const base = Date.UTC(new Date().getUTCFullYear() + 1, 0, 5, 0, 0);
  const jobs = Array.from({ length: BOOKINGS }, (_, i) => ({
    resourceIds: [resourceIds[i % RESOURCES]!],
    start: new Date(base + Math.floor(i / RESOURCES) * 30 * 60_000).toISOString(),
  }));
  const load = await loadFromWorker(server.url, key,
    jobs.map((job) => ({ route: '/v1/bookings', body: { serviceId, ...job, customer: { name: 'Bench' } } })), CONCURRENCY);
  const committed = load.statuses[201] ?? 0;
  const latencies = load.latencies;
  const seconds = load.seconds;
  latencies.sort((a, b) => a - b);
  console.log(JSON.stringify({
    benchmark: 'bookings committed through HTTP', database: process.env.BENCH_DATABASE_URL ? 'external' : 'embedded',
    requests: BOOKINGS, committed, concurrency: CONCURRENCY, perSecond: Math.round(committed / seconds),
    latencyMs: { p50: +percentile(latencies, 50).toFixed(1), p95: +percentile(latencies, 95).toFixed(1), p99: +percentile(latencies, 99).toFixed(1) },
  }));

  const raceStart = new Date(base - 7 * 86400_000).toISOString();
  const t0 = performance.now();
  const statuses = await Promise.all(Array.from({ length: RACERS }, () =>
    api(server.url, key, 'POST', '/v1/bookings', { serviceId, start: raceStart, resourceIds: [resourceIds[0]], customer: { name: 'Racer' } })
      .then((r) => r.status)));
  const overlaps = await server.parts.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM allocations a JOIN allocations b
       ON a.tenant_id = b.tenant_id AND a.resource_id = b.resource_id AND a.id < b.id AND a.during && b.during`);
  console.log(JSON.stringify({
    benchmark: 'racers for one slot', racers: RACERS, winners: statuses.filter((s) => s === 201).length,
    conflicts: statuses.filter((s) => s === 409).length, other: statuses.filter((s) => s !== 201 && s !== 409).length,
    overlapsInDatabase: overlaps[0]!.n, ms: Math.round(performance.now() - t0),
  }));
} finally {
  await server.stop();
}
