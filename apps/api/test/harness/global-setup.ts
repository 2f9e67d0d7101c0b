import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { withDatabase } from './database-url';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/platform/db/embedded-postgres';
import { migrateToLatest } from '../../src/platform/db/migrate';
import { externalServer } from './external-server';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTargets: { name: string; url: string; template: string; run: string }[];
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

/**
 * One embedded PostgreSQL per run (and the server in FRONTDESK_TEST_PG_URL, e.g. Debian's
 * PostgreSQL 15, when set): a migrated template database that each test file clones.
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'frontdesk-test-'));
  fs.chmodSync(dir, 0o755);
  const embedded: EmbeddedServer = await startEmbeddedPostgres(dir, quiet);
  // Each project's setup has its own run id, so two projects sharing one server never touch each other's databases.
  const run = randomBytes(4).toString('hex');
  const template = `fd_tpl_${run}`;
  await migrateTemplate(embedded.url(), template);
  const targets = [{ name: 'embedded', url: embedded.url(), template, run }];

  const external = await externalServer();
  if (external) {
    await migrateTemplate(external, template);
    targets.push({ name: 'postgres', url: external, template, run });
  }
  project.provide('databaseTargets', targets);

  return async () => {
    if (external) {
      const admin = new pg.Client({ connectionString: external });
      await admin.connect();
      const leftovers = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`, [template, `fd_t_${run}_%`]);
      for (const { datname } of leftovers.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      await admin.end();
    }
    await embedded.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
