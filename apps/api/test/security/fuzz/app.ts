import { randomBytes } from 'node:crypto';
import { afterAll } from 'vitest';
import { composeApp } from '../../../src/compose';
import { loadConfig } from '../../../src/platform/config';
import { ADMIN_KEY, createTestDatabase, type TestApp } from '../../harness/app';

/** Fuzzed URLs and provider configs must never leave this machine: the network is the one part replaced. */
const noNetwork = (async () => { throw new TypeError('fetch failed: no network in the fuzz suite'); }) as typeof fetch;

/**
 * The real app for fuzzing: limits that would only answer 429/503 to the fuzzer are lifted (they are
 * tested elsewhere), host names resolve to a public documentation address, and outgoing HTTP fails.
 */
export async function startFuzzApp(logStream: { write(line: string): void }): Promise<TestApp> {
  const databaseUrl = await createTestDatabase();
  const secretKey = randomBytes(32);
  let fixed: number | undefined;
  const clock = {
    now: () => fixed ?? Date.now(),
    set: (ms: number) => void (fixed = ms),
    advance: (ms: number) => void (fixed = (fixed ?? Date.now()) + ms),
    useRealTime: () => void (fixed = undefined),
  };
  // Error lines only: the unhandled errors behind a 500, to explain a failure.
  const base = loadConfig({ LOG_LEVEL: 'error' });
  const parts = await composeApp({
    config: {
      ...base, dbPoolMax: 10, burstWindowMs: 0,
      chatLimits: { startsPerMinute: 100_000, messagesPerMinute: 100_000 },
      rateLimits: { perKey: 0, perTenant: 0, perIp: 0, signInPerIp: 0, webhooksPerIp: 0 },
      backpressure: { inbound: 0, outbox: 0 },
    },
    databaseUrl, adminKey: ADMIN_KEY, secretKey, clock, http: noNetwork, logStream, resolve: async () => ['93.184.215.14'],
  });
  await parts.app.ready();
  afterAll(() => parts.close());
  return { ...parts, clock, databaseUrl, secretKey, auth: (key) => ({ authorization: `Bearer ${key}` }), admin: { authorization: `Bearer ${ADMIN_KEY}` } };
}
