import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/platform/db/embedded-postgres';
import { migrateToLatest } from '../../src/platform/db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTargets: { name: string; url: string; template: string }[];
  }
}

const quiet = { info: () => undefined, warn: () => undefined };

async function migrateTemplate(adminUrl: string, template: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: withDatabase(adminUrl, template), max: 2 });
  await migrateToLatest(pool);
  await pool.end();
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

/** FRONTDESK_TEST_PG_URL, else a local PostgreSQL on 5432 when one answers (required in CI); 'off' disables. */
async function externalServer(): Promise<string | undefined> {
  const configured = process.env.FRONTDESK_TEST_PG_URL;
  if (configured === 'off') return undefined;
  const url = configured ?? LOCAL_POSTGRES;
  if (await reachable(url)) return url;
  if (configured || process.env.CI) throw new Error(`The PostgreSQL server at ${url} is not reachable`);
  return undefined;
}

/**
 * One embedded PostgreSQL per run (and the server in FRONTDESK_TEST_PG_URL, e.g. Debian's
 * PostgreSQL 15, when set): a migrated template database that each test file clones.
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'frontdesk-test-'));
  fs.chmodSync(dir, 0o755);
  const embedded: EmbeddedServer = await startEmbeddedPostgres(dir, quiet);
  const template = `fd_template_${process.pid}`;
  await migrateTemplate(embedded.url(), template);
  const targets = [{ name: 'embedded', url: embedded.url(), template }];

  const external = await externalServer();
  if (external) {
    await migrateTemplate(external, template);
    targets.push({ name: 'postgres', url: external, template });
  }
  project.provide('databaseTargets', targets);

  return async () => {
    if (external) {
      const admin = new pg.Client({ connectionString: external });
      await admin.connect();
      const leftovers = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1`, [`fd_%_${process.pid}%`]);
      for (const { datname } of leftovers.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      await admin.end();
    }
    await embedded.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
