import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { Queryable } from '../db/database';
import { JOB_QUEUE_SCHEMA } from '../db/migrate';

export interface JobOptions {
  /** Run no earlier than this many seconds from now. */
  startAfterSeconds?: number;
  /** With a 'stately' queue: at most one job waiting per key (a later send while one waits is dropped). */
  singletonKey?: string;
}
export interface QueueDefinition {
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** 'stately': at most one waiting and one running job per singletonKey (a conversation's turn). */
  policy?: 'standard' | 'stately';
}
export type JobHandler<T> = (data: T, meta: { id: string; retryCount: number }) => Promise<void>;

/**
 * The durable job queue (pg-boss on the same PostgreSQL). Jobs can be enqueued inside the
 * transaction of the write that causes them, retry with exponential backoff, and land in a
 * dead-letter queue ("<name>.dead") with their last error when retries run out.
 */
export function createJobQueue(databaseUrl: string, pool: pg.Pool, onError: (err: unknown) => void) {
  const boss = new PgBoss({
    connectionString: databaseUrl, schema: JOB_QUEUE_SCHEMA, max: 4, application_name: 'frontdesk-jobs',
    migrate: true, supervise: true, schedule: false,
  });
  boss.on('error', onError);
  let started: Promise<unknown> | undefined;
  const queues = new Set<string>();
  const definitions = new Map<string, QueueDefinition>();

  /** Creates the queue as defined (whoever sends or works first), with its dead-letter queue. */
  async function ensureQueue(name: string) {
    if (queues.has(name)) return;
    await (started ??= boss.start());
    const options = definitions.get(name) ?? {};
    const isDeadLetter = name.endsWith('.dead');
    // Creating a queue is DDL; two servers starting together would deadlock without taking turns.
    await exclusively(pool, async () => {
      if (!isDeadLetter && !(await boss.getQueue(`${name}.dead`))) await boss.createQueue(`${name}.dead`, { name: `${name}.dead` });
      if (await boss.getQueue(name)) return;
      await boss.createQueue(name, {
        name, policy: options.policy ?? 'standard', ...(isDeadLetter ? {} : { deadLetter: `${name}.dead` }), retryLimit: options.retryLimit ?? 8,
        retryDelay: options.retryDelaySeconds ?? 2, retryBackoff: true, expireInSeconds: 120,
      });
    });
    queues.add(name);
  }

  return {
    start: () => (started ??= boss.start()),
    /** Declares a queue's policy and retries; modules define their queues when they are built. */
    define(name: string, definition: QueueDefinition) {
      definitions.set(name, definition);
    },
    /** Enqueues a job; with `tx` it commits or rolls back with that transaction. */
    async send<T extends object>(name: string, data: T, options: JobOptions = {}, tx?: Queryable): Promise<string | null> {
      await (started ??= boss.start()); // a queue that was never started drops sends silently
      await ensureQueue(name);
      return boss.send(name, data, {
        ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
        ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
        ...(tx ? { db: { executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.query(text, values) }) } } : {}),
      });
    },
    async work<T extends object>(name: string, options: { batchSize?: number }, handler: JobHandler<T>): Promise<string> {
      await ensureQueue(name);
      return boss.work<T>(name, { batchSize: options.batchSize ?? 4, pollingIntervalSeconds: 0.5, includeMetadata: true }, async (jobs) => {
        // Each job settles on its own: one failure must not retry its neighbours.
        const results = await Promise.allSettled(jobs.map((job) => handler(job.data, { id: job.id, retryCount: job.retryCount })));
        const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [{ job: jobs[i]!, reason: r.reason }] : []));
        for (const { job, reason } of failed) await boss.fail(name, job.id, { message: String((reason as Error)?.message ?? reason) });
        const done = jobs.filter((_, i) => results[i]!.status === 'fulfilled').map((j) => j.id);
        if (done.length) await boss.complete(name, done);
      });
    },
    notify: (workerId: string) => boss.notifyWorker(workerId),
    size: (name: string) => boss.getQueueSize(name),
    async stop(): Promise<void> {
      if (started) await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
export type JobQueue = ReturnType<typeof createJobQueue>;

const QUEUE_DDL_LOCK = 7_240_002;

async function exclusively(pool: pg.Pool, fn: () => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [QUEUE_DDL_LOCK]);
    await fn();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [QUEUE_DDL_LOCK]).catch(() => undefined);
    client.release();
  }
}
