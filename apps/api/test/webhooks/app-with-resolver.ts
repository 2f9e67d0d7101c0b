import { randomBytes } from 'node:crypto';
import { afterAll } from 'vitest';
import { composeApp } from '../../src/compose';
import { loadConfig, type Config } from '../../src/platform/config';
import { ADMIN_KEY, createTestDatabase, type TestApp } from '../harness/app';

/**
 * The real app with host names resolved by `resolve` instead of the system's DNS (the one
 * third-party part replaced), so tests can point names at private addresses and rebind them.
 */
export async function startAppWithResolver(resolve: (host: string) => Promise<string[]>, config: Partial<Config> = {}): Promise<TestApp> {
  const databaseUrl = await createTestDatabase();
  const secretKey = randomBytes(32);
  const clock = { now: () => Date.now(), set: () => undefined, advance: () => undefined, useRealTime: () => undefined };
  const parts = await composeApp({
    config: { ...loadConfig({ LOG_LEVEL: 'silent' }), dbPoolMax: 10, burstWindowMs: 0, ...config },
    databaseUrl, adminKey: ADMIN_KEY, secretKey, clock, resolve,
  });
  await parts.app.ready();
  await parts.startWorkers();
  afterAll(() => parts.close());
  return { ...parts, clock, databaseUrl, secretKey, auth: (key) => ({ authorization: `Bearer ${key}` }), admin: { authorization: `Bearer ${ADMIN_KEY}` } };
}
