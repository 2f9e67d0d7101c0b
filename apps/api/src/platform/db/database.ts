import pg from 'pg';
import { beginSql, currentTenant, sessionSql } from './tenant-scope';

// timestamptz and dates come back as strings we control; bigint money as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Row = Record<string, unknown>;

export interface Queryable {
  /** `name` makes it a prepared statement, planned once per connection (for hot queries). */
  query<T extends Row = Row>(text: string, params?: unknown[], name?: string): Promise<T[]>;
  /** Inside a transaction: runs `fn` once it has committed (never if it rolls back). */
  afterCommit?(fn: () => void): void;
}

export interface Database extends Queryable {
  /** Runs fn in one transaction; rolls back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The raw pool, for platform work at boot (locks, migrations): a connection's session may act for a tenant. */
  readonly pool: pg.Pool;
}

export function connectDatabase(url: string, max: number): Database {
  // Named (prepared) hot statements reuse one generic plan instead of re-planning each call;
  // connections are recycled so plans follow the tables' growth.
  const pool = new pg.Pool({
    connectionString: url, max, application_name: 'frontdesk',
    options: '-c plan_cache_mode=force_generic_plan', maxLifetimeSeconds: 300,
  });
  pool.on('error', () => undefined); // an idle client's error surfaces on its next use
  const run = async <T extends Row>(client: pg.PoolClient, text: string, params?: unknown[], name?: string) =>
    (await client.query<T>(name ? { name, text, values: params } : { text, values: params })).rows;
  // The tenant each connection's session acts as (see tenant-scope.ts); absent: the owner role.
  const sessions = new WeakMap<pg.PoolClient, string>();
  async function actAs(client: pg.PoolClient, tenant: string | undefined): Promise<void> {
    if (sessions.get(client) === tenant) return;
    await client.query(sessionSql(tenant));
    if (tenant) sessions.set(client, tenant);
    else sessions.delete(client);
  }
  // A connection that failed without a server error (it broke) is dropped, not reused.
  const broken = (err: unknown) => (sqlState(err) === undefined ? (err as Error) : undefined);
  return {
    pool,
    async query<T extends Row>(text: string, params?: unknown[], name?: string): Promise<T[]> {
      const client = await pool.connect();
      try {
        await actAs(client, currentTenant());
        const rows = await run<T>(client, text, params, name);
        client.release();
        return rows;
      } catch (err) {
        client.release(broken(err));
        throw err;
      }
    },
    async transaction(fn) {
      const client = await pool.connect();
      const committed: (() => void)[] = [];
      const tenant = currentTenant();
      const before = sessions.get(client);
      let result: Awaited<ReturnType<typeof fn>>;
      try {
        await client.query(beginSql(tenant, before));
        if (tenant) sessions.set(client, tenant);
        result = await fn({ query: (text, params, name) => run(client, text, params, name), afterCommit: (cb) => committed.push(cb) });
        await client.query('COMMIT');
      } catch (err) {
        const rolledBack = await client.query('ROLLBACK').then(() => true, () => false);
        if (before) sessions.set(client, before);
        else sessions.delete(client);
        client.release(rolledBack ? undefined : (err as Error)); // in doubt: the connection is dropped
        throw err;
      }
      client.release();
      for (const cb of committed) cb();
      return result;
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}

/** SQLSTATE of a driver error, if any. */
export function sqlState(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

export function constraintOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'constraint' in err
    ? String((err as { constraint: unknown }).constraint)
    : undefined;
}
