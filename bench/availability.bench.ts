/**
 * Availability engine benchmark: `npx tsx bench/availability.bench.ts`.
 * Prints one JSON object per scenario (milliseconds; findSlots + renderSlots per iteration).
 * Not a test: no assertions on time. Record results in docs/benchmarks.md.
 */
import { findSlots, renderSlots } from '../apps/api/src/modules/scheduling/domain/availability';
import type { AvailabilityQuery, BusyInterval, ResourceAvailabilityInput } from '../apps/api/src/modules/scheduling/domain/availability';
import { MIN, DAY, MON_FRI, busy, schedule, service, utc, weekly } from '../apps/api/src/modules/scheduling/domain/availability/testing';

const ZONE = 'America/Sao_Paulo';
const VIEWER = 'America/Argentina/Buenos_Aires';
const FROM = utc('2026-12-01T03:00'); // 00:00 local, Tue 2026-12-01
const NOW = FROM - 2 * DAY;
const WARMUP = 100;
const ITERATIONS = Number(process.argv[2] ?? 500);

/** Deterministic pseudo-random numbers (LCG), so every run measures the same data. */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

/** ~`n` 30-min bookings on working hours over 30 days (with a 10-min buffer after). */
function bookings(n: number, seed: number): BusyInterval[] {
  const rand = rng(seed);
  const out: BusyInterval[] = [];
  while (out.length < n) {
    const day = Math.floor(rand() * 30);
    const start = FROM + day * DAY + 12 * 60 * MIN + Math.floor(rand() * 16) * 30 * MIN; // 09:00–17:00 local
    out.push(busy(start, start + 30 * MIN, { after: 10, refId: `b${seed}-${out.length}` }));
  }
  return out;
}

function staff(i: number): ResourceAvailabilityInput {
  const week = weekly(MON_FRI, [['09:00', '12:00'], ['13:00', '18:00']]);
  return { id: `staff-${i}`, schedule: schedule(ZONE, week), busy: bookings(60, i + 1) };
}

function scenario(name: string, team: number, count: number, days: number): { name: string; q: AvailabilityQuery } {
  const resources = Array.from({ length: team }, (_, i) => staff(i));
  const q: AvailabilityQuery = {
    now: NOW,
    from: FROM,
    to: FROM + days * DAY,
    businessTimeZone: ZONE,
    service: service({
      durationMinutes: 30,
      bufferAfterMinutes: 10,
      slotIntervalMinutes: 30,
      minNoticeMinutes: 120,
      horizonDays: 60,
      requirements: [{ resourceIds: resources.map((r) => r.id), count }],
    }),
    resources,
    holidays: ['2026-12-25'],
  };
  return { name, q };
}

function timeIt(run: () => void): { median: number; p95: number; min: number } {
  for (let i = 0; i < WARMUP; i++) run();
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (p: number): number => Number(times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(4));
  return { median: at(0.5), p95: at(0.95), min: at(0) };
}

function measure(name: string, q: AvailabilityQuery): Record<string, unknown> {
  let slots = 0;
  const full = timeIt(() => {
    slots = renderSlots(findSlots(q), VIEWER).length;
  });
  const engine = timeIt(() => {
    findSlots(q);
  });
  return {
    scenario: name, iterations: ITERATIONS, slots, medianMs: full.median, p95Ms: full.p95, minMs: full.min,
    rendered: true, findSlotsOnlyMedianMs: engine.median, node: process.version,
  };
}

const scenarios = [
  scenario('1 staff x 30 days', 1, 1, 30),
  scenario('1 staff x 1 day', 1, 1, 1),
  scenario('team of 10 "any staff" x 30 days', 10, 1, 30),
  scenario('team of 10 "all staff together" x 30 days', 10, 10, 30),
];
for (const s of scenarios) console.log(JSON.stringify(measure(s.name, s.q)));
