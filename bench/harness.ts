import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { composeApp, type AppParts } from '../apps/api/src/compose';
import { loadConfig } from '../apps/api/src/platform/config';
import { startEmbeddedPostgres } from '../apps/api/src/platform/db/embedded-postgres';
import { migrateToLatest } from '../apps/api/src/platform/db/migrate';

export const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';

/** A real server on a fresh embedded database (or BENCH_DATABASE_URL), listening on a free port. */
export async function startBenchServer(options: { workers?: boolean; clock?: { now(): number } } = {}): Promise<{ parts: AppParts; url: string; stop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'frontdesk-bench-'));
  fs.chmodSync(dir, 0o755);
  const external = process.env.BENCH_DATABASE_URL;
  const embedded = external ? undefined : await startEmbeddedPostgres(dir, { info: () => undefined, warn: () => undefined });
  const config = { ...loadConfig({ LOG_LEVEL: 'warn', FRONTDESK_DASHBOARD_DIR: process.env.FRONTDESK_DASHBOARD_DIR }), dbPoolMax: Number(process.env.BENCH_POOL ?? 20),
    burstWindowMs: 0, // the burst window is a deliberate wait, not work: measure the turns themselves
    outboundAllowPrivate: true, // the fake providers listen on loopback
    rateLimits: { perKey: 0, perTenant: 0, perIp: 0, signInPerIp: 0, webhooksPerIp: 0 } }; // load from one key on purpose
  const parts = await composeApp({ config, databaseUrl: external ?? embedded!.url(), adminKey: ADMIN_KEY, secretKey: randomBytes(32),
    ...(options.clock ? { clock: options.clock } : {}) });
  await migrateToLatest(parts.db.pool);
  if (options.workers) await parts.startWorkers();
  const url = await parts.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    parts, url,
    async stop() {
      await parts.close();
      await embedded?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export async function api(url: string, key: string, method: string, route: string, body?: unknown) {
  const res = await fetch(`${url}${route}`, {
    method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Sends every job as a POST from a worker thread with `concurrency` requests in flight. */
export function loadFromWorker(
  url: string, key: string, jobs: { route: string; body?: unknown; raw?: string; headers?: Record<string, string> }[], concurrency: number,
)
  : Promise<{ seconds: number; latencies: number[]; statuses: Record<number, number> }> {
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: { url, key, jobs, concurrency } });
  return new Promise((resolve, reject) => {
    worker.once('message', (m) => {
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', reject);
  });
}
