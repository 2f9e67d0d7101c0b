import pg from 'pg';
import PgBoss from 'pg-boss';
import type { Queryable } from '../db/database';
import { JOB_QUEUE_SCHEMA } from '../db/migrate';

export interface JobOptions {
  /** Run no earlier than this many seconds from now. */
  startAfterSeconds?: number;
  /** With a 'short' queue: at most one job waiting per key (a later send while one waits is dropped). */
  singletonKey?: string;
  /** The job's id (a UUID): workers take jobs created together in id order, and a second send with the same id is dropped. */
  id?: string;
}
export interface QueueDefinition {
  retryLimit?: number;
  retryDelaySeconds?: number;
  /**
   * 'short': at most one waiting job per singletonKey (a conversation's turn, a handle's sends);
   * several may run, so the handler serialises what must be (a row lock, the head of a line).
   * Not 'stately': there a job killed while active blocks its key, and with it every batch
   * that fetches the next job of that key, until pg-boss expires it.
   */
  policy?: 'standard' | 'short';
}
export type JobHandler<T> = (data: T, meta: { id: string; retryCount: number }) => Promise<void>;

/**
 * The durable job queue (pg-boss on the same PostgreSQL). Jobs can be enqueued inside the
 * transaction of the write that causes them, retry with exponential backoff, and land in a
 * dead-letter queue ("<name>.dead") with their last error when retries run out.
 */
export function createJobQueue(databaseUrl: string, onError: (err: unknown) => void) {
  const boss = new PgBoss({
    connectionString: databaseUrl, schema: JOB_QUEUE_SCHEMA, max: 4, application_name: 'frontdesk-jobs',
    migrate: true, supervise: true, schedule: false,
  });
  boss.on('error', onError);
  const definitions = new Map<string, QueueDefinition>();
  const workers = new Map<string, string[]>();
  let ready: Promise<void> | undefined;

  /**
   * Starts pg-boss and creates every defined queue (with its dead-letter queue) once. Creating a
   * queue is DDL: servers starting together take turns under an advisory lock, held on a
   * connection of its own so that a webhook waiting for this never starves the pool it holds.
   */
  function start(): Promise<void> {
    ready ??= (async () => {
      await boss.start();
      await exclusively(databaseUrl, async () => {
        for (const [name, options] of definitions) {
          const deadLetter = name.endsWith('.dead') ? undefined : `${name}.dead`;
          if (deadLetter && !(await boss.getQueue(deadLetter))) await boss.createQueue(deadLetter, { name: deadLetter });
          if (await boss.getQueue(name)) continue;
          await boss.createQueue(name, {
            name, policy: options.policy ?? 'standard', ...(deadLetter ? { deadLetter } : {}), retryLimit: options.retryLimit ?? 8,
            retryDelay: options.retryDelaySeconds ?? 2, retryBackoff: true, expireInSeconds: 120,
          });
        }
      });
    })();
    ready.catch(() => { ready = undefined; });
    return ready;
  }
  const known = (name: string) => {
    if (!definitions.has(name.replace(/\.dead$/, ''))) throw new Error(`Job queue ${name} was never defined`);
  };

  return {
    start,
    /** Declares a queue's policy and retries; modules define their queues when they are built, before start. */
    define(name: string, definition: QueueDefinition) {
      if (ready) throw new Error(`Define ${name} before the job queue starts`);
      definitions.set(name, definition);
    },
    /** Enqueues a job; with `tx` it commits or rolls back with that transaction. */
    async send<T extends object>(name: string, data: T, options: JobOptions = {}, tx?: Queryable): Promise<string | null> {
      known(name);
      await start(); // a queue that was never started drops sends silently
      // This process's workers of that queue look at once (after the commit), not at their next poll.
      const wake = () => (workers.get(name) ?? []).forEach((id) => boss.notifyWorker(id));
      tx?.afterCommit?.(wake);
      const id = await boss.send(name, data, {
        ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
        ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
        ...(options.id ? { id: options.id } : {}),
        ...(tx ? { db: { executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.query(text, values) }) } } : {}),
      });
      if (!tx) wake();
      return id;
    },
    async work<T extends object>(name: string, options: { batchSize?: number }, handler: JobHandler<T>): Promise<string> {
      known(name);
      await start();
      const batchSize = options.batchSize ?? 4;
      let id = '';
      id = await boss.work<T>(name, { batchSize, pollingIntervalSeconds: 0.5, includeMetadata: true }, async (jobs) => {
        // A full batch means more may be waiting: fetch again at once rather than after the polling interval.
        if (jobs.length >= batchSize && id) boss.notifyWorker(id);
        // Each job settles on its own: one failure must not retry its neighbours.
        const results = await Promise.allSettled(jobs.map((job) => handler(job.data, { id: job.id, retryCount: job.retryCount })));
        const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [{ job: jobs[i]!, reason: r.reason }] : []));
        for (const { job, reason } of failed) await boss.fail(name, job.id, { message: String((reason as Error)?.message ?? reason) });
        const done = jobs.filter((_, i) => results[i]!.status === 'fulfilled').map((j) => j.id);
        if (done.length) await boss.complete(name, done);
      });
      workers.set(name, [...(workers.get(name) ?? []), id]);
      return id;
    },
    async stop(): Promise<void> {
      if (ready) await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
export type JobQueue = ReturnType<typeof createJobQueue>;

const QUEUE_DDL_LOCK = 7_240_002;

async function exclusively(databaseUrl: string, fn: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'frontdesk-jobs-setup' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [QUEUE_DDL_LOCK]);
    await fn();
  } finally {
    await client.end().catch(() => undefined); // ending the session releases the lock
  }
}
