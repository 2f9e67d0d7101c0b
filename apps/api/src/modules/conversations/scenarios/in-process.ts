import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { composeApp, type AppParts } from '../../../compose';
import type { Config } from '../../../platform/config';
import { migrateToLatest } from '../../../platform/db/migrate';
import { provisionDatabase } from '../../../platform/db/provision';
import { blueprintNames, seedBlueprint } from '../../../seed';
import { newSecret } from '../../../shared/ids';
import { DAY_MS } from '../../../shared/time/zone';
import { injectTransport, type Instance } from './instance';

/** A clock the scenarios can fix; `set(undefined)` returns to real time. */
export interface SettableClock { set(ms: number | undefined): void }

/** Frontdesk's parts as an instance: inject for HTTP, the settable clock, holds swept through the scheduling module. */
export function inProcessInstance(
  parts: Pick<AppParts, 'app' | 'scheduling'>, clock: SettableClock, apiKey: (slug: string) => Promise<string>,
): Instance {
  let fixed: number | undefined;
  return {
    label: 'in process',
    http: injectTransport(parts.app as unknown as Parameters<typeof injectTransport>[0]),
    apiKey,
    setClock(ms) {
      fixed = ms;
      clock.set(ms);
    },
    // Holds left by an unfinished conversation: let their time pass, sweep them, come back.
    async expireHolds(tenantId) {
      clock.set((fixed ?? Date.now()) + 2 * DAY_MS);
      try {
        await parts.scheduling.holds.sweepExpired([tenantId]);
      } finally {
        clock.set(fixed);
      }
    },
  };
}

const quiet = { info: () => undefined, warn: () => undefined };
const NO_LIMIT = 1_000_000;

/**
 * Starts Frontdesk inside this process for a scenario run: DATABASE_URL if set, else the
 * embedded PostgreSQL in a temporary data directory (removed afterwards); migrations; the
 * blueprints seeded on demand; a clock each scenario can fix; no chat rate limits.
 */
export async function startInProcess(config: Config): Promise<Instance & { stop(): Promise<void> }> {
  const temporary = config.databaseUrl ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'frontdesk-scenarios-'));
  if (temporary) fs.chmodSync(temporary, 0o755); // the embedded server may run as another user
  // Each step waits for its replies, so no two messages are ever read together: no burst window.
  const settings: Config = {
    ...config, ...(temporary ? { dataDir: temporary } : {}), logLevel: 'silent', burstWindowMs: 0,
    chatLimits: { startsPerMinute: NO_LIMIT, messagesPerMinute: NO_LIMIT },
  };
  const removeTemporary = () => temporary && fs.rmSync(temporary, { recursive: true, force: true });
  const database = await provisionDatabase(settings, quiet).catch((err: unknown) => {
    removeTemporary();
    throw err;
  });
  let fixed: number | undefined;
  const clock = { now: () => fixed ?? Date.now(), set: (ms: number | undefined) => void (fixed = ms) };
  let parts: AppParts | undefined;
  const stop = async () => {
    await parts?.close().catch(() => undefined);
    await database.release();
    removeTemporary();
  };
  try {
    parts = await composeApp({ config: settings, databaseUrl: database.url, adminKey: newSecret(32), secretKey: randomBytes(32), clock });
    await migrateToLatest(parts.db.pool);
    await parts.app.ready();
  } catch (err) {
    await stop();
    throw err;
  }
  const ready = parts;
  const keys = new Map<string, Promise<string>>();
  const apiKey = (slug: string) => {
    if (!keys.has(slug)) keys.set(slug, issueKey(ready, slug));
    return keys.get(slug)!;
  };
  return { ...inProcessInstance(ready, clock, apiKey), stop };
}

/** Seeds the blueprint of that name if it is missing, then issues a key for the runner. */
async function issueKey(parts: AppParts, slug: string): Promise<string> {
  if (blueprintNames().includes(slug)) {
    const seeded = await seedBlueprint(parts, slug);
    if (seeded.apiKey) return seeded.apiKey;
  }
  return (await parts.accounts.issueApiKey(slug, 'scenarios')).key;
}
