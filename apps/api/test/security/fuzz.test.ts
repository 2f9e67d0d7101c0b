import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../harness/app';
import { startFuzzApp } from './fuzz/app';
import { populate, signInAgain, type Populated } from './fuzz/fixtures';
import { describeRequest, inject, requests, type FuzzRequest } from './fuzz/requests';
import { contractBreach, routesOf, type Route } from './fuzz/routes';
import { tenantSnapshot } from './fuzz/snapshot';

// Fixed so a failure reproduces; FUZZ_SEED=<n> explores other inputs.
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_206);
// FUZZ_SCALE=<n> multiplies the runs per route, for a longer hunt.
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const RUNS = { body: 40 * SCALE, query: 30 * SCALE, path: 8 * SCALE };

let app: TestApp;
let a: Populated;
let b: Populated;
let routes: Route[];
let bBefore: Record<string, string[]>;
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
const errorLines: string[] = [];
/** How the app answered, by status and code: shows the fuzzer got past validation too. */
const answers = new Map<string, number>();
/** The app's last logged error (behind a 500): message and first frames. */
const lastError = () => {
  const line = errorLines.at(-1);
  if (!line) return '';
  const { err } = JSON.parse(line) as { err?: { message?: string; stack?: string } };
  return `\n    logged: ${err?.stack?.split('\n').slice(0, 4).join(' | ') ?? err?.message ?? line.slice(0, 300)}`;
};

beforeAll(async () => {
  app = await startFuzzApp({ write: (line) => void errorLines.push(line) });
  app.clock.set(Date.parse('2026-12-01T12:00:00Z'));
  a = await populate(app, 'kumon-vila-a', { signIn: true });
  b = await populate(app, 'barberpro-palermo');
  routes = (await routesOf(app)).filter((r) => r.path.startsWith('/v1/'));
  bBefore = await tenantSnapshot(app.db, b.tenantId);
}, 120_000);

const polluted = () => {
  const probe = {} as Record<string, unknown>;
  return probe.polluted !== undefined || probe.isAdmin !== undefined || Object.getOwnPropertyNames(Object.prototype).length !== prototypeBefore.length;
};

/** Fuzzes one route; the first request that breaks the contract, described, or undefined. */
async function fuzzRoute(route: Route): Promise<string | undefined> {
  const hasBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
  const numRuns = hasBody ? RUNS.body : route.query.length ? RUNS.query : RUNS.path;
  if (route.rule === 'signed-in') await signInAgain(app, a);
  let failing: FuzzRequest | undefined;
  errorLines.length = 0;
  const result = await fc.check(fc.asyncProperty(requests(app, route, a, b), async (request) => {
    const res = await inject(app, request);
    const breach = contractBreach(res) ?? (polluted() ? 'polluted Object.prototype' : undefined);
    if (breach) {
      failing = request;
      throw new Error(breach);
    }
    const tally = `${res.statusCode} ${res.statusCode >= 400 ? (res.json() as { code: string }).code : ''}`;
    answers.set(tally, (answers.get(tally) ?? 0) + 1);
  }), { seed: SEED, numRuns, endOnFailure: true });
  if (!result.failed || !failing) return undefined;
  return `${route.method} ${route.path}: ${String((result.errorInstance as Error | undefined)?.message ?? '').split('\n')[0]}\n    request: ${describeRequest(failing)}${lastError()}`;
}

describe('fuzzing every JSON endpoint with random and hostile input', () => {
  it('finds every route in the OpenAPI document, each in the route table', () => {
    expect(routes.length).toBeGreaterThan(100);
    expect(routes.filter((r) => r.rule === 'unlisted').map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(routes.filter((r) => r.body).length).toBeGreaterThan(40);
  });

  it('never answers 5xx, and every 4xx is problem+json with a code', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const failure = await fuzzRoute(route);
      if (failure) failures.push(failure);
    }
    console.info(`fuzzed ${routes.length} routes, seed ${SEED}:`, Object.fromEntries([...answers].sort()));
    expect(failures, `seed ${SEED} (FUZZ_SEED=${SEED} reproduces):\n${failures.join('\n')}`).toEqual([]);
  }, 600_000 * SCALE);

  it("never changes another tenant's data", async () => {
    const after = await tenantSnapshot(app.db, b.tenantId);
    expect(Object.keys(after)).toEqual(Object.keys(bBefore));
    const changed = Object.keys(bBefore).flatMap((table) => [
      ...after[table]!.filter((row) => !bBefore[table]!.includes(row)).map((row) => `${table} + ${row.slice(0, 400)}`),
      ...bBefore[table]!.filter((row) => !after[table]!.includes(row)).map((row) => `${table} - ${row.slice(0, 400)}`),
    ]);
    expect(changed, `rows of tenant B changed:\n${changed.join('\n')}`).toEqual([]);
    expect(bBefore.bookings!.length).toBeGreaterThan(0);
  });

  it('never pollutes Object.prototype', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  });
});
