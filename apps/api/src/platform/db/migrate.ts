import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, Migrator, PostgresDialect, sql, type Migration, type MigrationProvider } from 'kysely';
import type pg from 'pg';
import PgBoss from 'pg-boss';

export const JOB_QUEUE_SCHEMA = 'pgboss';

export const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

const run = (text: string) => async (db: Kysely<unknown>) => void (await sql.raw(text).execute(db));

/**
 * Plain .sql files, applied in name order, each in its own transaction (Kysely's migrator keeps
 * the log and the lock), plus the job queue's schema as pg-boss itself defines it for the
 * installed version (its own BEGIN/COMMIT dropped: the migration is the transaction).
 */
class SqlFileProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = fs.readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).sort();
    const jobQueue = PgBoss.getConstructionPlans(JOB_QUEUE_SCHEMA).replace(/^\s*(BEGIN|COMMIT);\s*$/gm, '');
    return {
      ...Object.fromEntries(files.map((file) => [file.replace(/\.sql$/, ''), { up: run(fs.readFileSync(path.join(migrationsDir, file), 'utf8')) }])),
      '0006_job_queue': { up: run(jobQueue) },
    };
  }
}

function migrator(pool: pg.Pool): { db: Kysely<unknown>; migrator: Migrator } {
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  return { db, migrator: new Migrator({ db, provider: new SqlFileProvider(), migrationTableName: 'schema_migrations' }) };
}

export async function migrateToLatest(pool: pg.Pool): Promise<string[]> {
  const { migrator: m } = migrator(pool);
  const { error, results } = await m.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`Migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}

/** True when every migration file has been applied. */
export async function migrationsPending(pool: pg.Pool): Promise<number> {
  const { migrator: m } = migrator(pool);
  const all = await m.getMigrations();
  return all.filter((x) => x.executedAt === undefined).length;
}
