import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withDatabase } from './database-url';
import { afterAll, inject, onTestFinished } from 'vitest';
import { composeApp, type AppParts } from '../../src/compose';
import type { Resolve } from '../../src/modules/webhooks';
import { loadConfig, type Config } from '../../src/platform/config';
import { seedBlueprint } from '../../src/seed';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export type Target = { name: string; url: string; template: string; run: string };
export const targets = (): Target[] => inject('databaseTargets');

/** The server this project's suites run on: the embedded one, or the external one in the postgres project. */
export function defaultTarget(): Target {
  if (process.env.FRONTDESK_TEST_TARGET !== 'postgres') return targets()[0]!;
  const external = targets().find((t) => t.name === 'postgres');
  if (!external) throw new Error('No external PostgreSQL for this project (see FRONTDESK_TEST_PG_URL)');
  return external;
}

/** Cleans up after the current test when called inside one, else after the file. */
function whenDone(cleanup: () => Promise<void>): void {
  try {
    onTestFinished(cleanup);
  } catch {
    afterAll(cleanup);
  }
}

/** A fresh database cloned from the migrated template; dropped after the file. */
export async function createTestDatabase(target: Target = defaultTarget()): Promise<string> {
  const name = `fd_t_${target.run}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: target.url });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${target.template}`);
      break;
    } catch (err) {
      // 55006: the template is busy with a concurrent clone; try again shortly.
      if ((err as { code?: string }).code !== '55006' || attempt > 50) throw err;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    }
  }
  await admin.end();
  whenDone(async () => {
    const c = new pg.Client({ connectionString: target.url });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  return withDatabase(target.url, name);
}

export interface TestApp extends AppParts {
  /** Authorization header for a key. */
  auth(key: string): { authorization: string };
  admin: { authorization: string };
  clock: { now(): number; set(ms: number): void; advance(ms: number): void; useRealTime(): void };
  databaseUrl: string;
  secretKey: Buffer;
}

/** The real app (real database, real HTTP stack via inject or listen) with a controllable clock. */
export async function startTestApp(options: {
  target?: Target; poolMax?: number; config?: Partial<Config>;
  /** Start the job workers (channels); off by default so most suites do not poll the queue. */
  workers?: boolean;
  http?: typeof fetch;
  /** Where the app's log lines go (set config.logLevel too; the default level is silent). */
  logStream?: { write(line: string): void };
  /** Another app's database and secret key: a restart of that app. */
  restartOf?: TestApp;
  /** How outgoing webhooks resolve host names. */
  resolve?: Resolve;
  /** FRONTDESK_SECRET_KEY (a random one by default; restartOf's when restarting). */
  secretKey?: Buffer;
} = {}): Promise<TestApp> {
  const databaseUrl = options.restartOf?.databaseUrl ?? await createTestDatabase(options.target);
  const secretKey = options.secretKey ?? options.restartOf?.secretKey ?? randomBytes(32);
  let fixed: number | undefined;
  const clock = {
    now: () => fixed ?? Date.now(),
    set: (ms: number) => void (fixed = ms),
    advance: (ms: number) => void (fixed = (fixed ?? Date.now()) + ms),
    useRealTime: () => void (fixed = undefined),
  };
  // The fake providers and LLMs listen on loopback, which tenant-configured URLs may not reach by default.
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', FRONTDESK_DASHBOARD_DIR: process.env.FRONTDESK_DASHBOARD_DIR,
    // Suites drive one key hard; the limits themselves are tested with their own settings (security/abuse-limits).
    FRONTDESK_RATE_LIMIT_KEY_PER_MINUTE: '12000', FRONTDESK_RATE_LIMIT_TENANT_PER_MINUTE: '30000' }), dbPoolMax: options.poolMax ?? 10, burstWindowMs: 0, outboundAllowPrivate: true, ...options.config };
  const parts = await composeApp({ config, databaseUrl, adminKey: ADMIN_KEY, secretKey, clock, http: options.http,
    ...(options.logStream ? { logStream: options.logStream } : {}), ...(options.resolve ? { resolve: options.resolve } : {}) });
  await parts.app.ready();
  if (options.workers) await parts.startWorkers();
  whenDone(() => parts.close());
  return { ...parts, clock, databaseUrl, secretKey, auth: (key) => ({ authorization: `Bearer ${key}` }), admin: { authorization: `Bearer ${ADMIN_KEY}` } };
}

/** Creates a tenant through the API and returns its key. */
export async function createTenant(app: TestApp, overrides: Record<string, string> = {}): Promise<{ id: string; key: string; slug: string }> {
  const slug = overrides.slug ?? `t-${randomBytes(3).toString('hex')}`;
  const res = await app.app.inject({
    method: 'POST', url: '/v1/tenants', headers: app.admin,
    payload: { name: 'Test', slug, timeZone: 'America/Sao_Paulo', locale: 'pt-BR', currency: 'BRL', ...overrides },
  });
  if (res.statusCode !== 201) throw new Error(`tenant create failed: ${res.body}`);
  const body = res.json();
  return { id: body.tenant.id, key: body.apiKey.key, slug };
}

export async function seedTenant(app: TestApp, blueprint: string): Promise<{ key: string; slug: string }> {
  const r = await seedBlueprint(app, blueprint);
  if (!r.apiKey) throw new Error(`blueprint ${blueprint} was already seeded`);
  return { key: r.apiKey, slug: r.slug };
}
