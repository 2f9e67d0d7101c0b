import pg from 'pg';
import { withoutTenant } from './tenant-scope';

export interface DrainLoopOptions {
  databaseUrl: string;
  /** The NOTIFY channel that says there is work (sent by a trigger at commit). */
  channel: string;
  /** Does all the work there is; a wake-up during a drain runs one more pass after it. */
  drain: () => Promise<void>;
  /** Looks anyway this often: a missed notification, work coming due. */
  pollMs: number;
  onError: (err: unknown) => void;
  applicationName: string;
}

/**
 * A worker loop over a table used as a queue: woken at once by the insert's notification, and
 * every `pollMs` in any case. Several processes may run one each; the drain claims rows with
 * SKIP LOCKED inside its own transactions.
 */
export function drainLoop(options: DrainLoopOptions) {
  let listener: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    // A wake-up from inside a tenant's request must not narrow a drain over every tenant to it.
    running = withoutTenant(options.drain).catch(options.onError).finally(() => {
      running = undefined;
      if (again) {
        again = false;
        wake();
      }
    });
  }

  return {
    async start(): Promise<void> {
      stopped = false;
      listener = new pg.Client({ connectionString: options.databaseUrl, application_name: options.applicationName });
      listener.on('notification', wake);
      listener.on('error', options.onError); // the poll keeps work moving until a restart
      await listener.connect();
      await listener.query(`LISTEN ${options.channel}`);
      timer = setInterval(wake, options.pollMs);
      timer.unref();
      wake();
    },
    wake,
    /** Resolves once the current pass (if any) has finished. */
    idle: async () => {
      while (running) await running;
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
      await listener?.end().catch(() => undefined);
    },
  };
}
export type DrainLoop = ReturnType<typeof drainLoop>;
