import pg from 'pg';
import type { Database } from '../../platform/db/database';
import { channelsRepository } from './repository';

const BATCH = 50;
const POLL_MS = 1000;
export const MAX_EVENT_ATTEMPTS = 10;

/**
 * Works through stored inbound events: woken at once by the insert's notification, and every
 * second in any case (a missed notification, a retry coming due). Several processes may run
 * one each: an event is claimed with SKIP LOCKED inside its own transaction.
 */
export function inboundDispatcher(db: Database, databaseUrl: string, process: (id: number) => Promise<void>, onError: (err: unknown) => void) {
  let listener: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  async function drain(): Promise<void> {
    const repo = channelsRepository(db);
    for (;;) {
      const ids = await repo.dueEventIds(BATCH);
      for (const id of ids) {
        try {
          await process(id);
        } catch (err) {
          await repo.failEvent(id, err instanceof Error ? err.message : String(err), MAX_EVENT_ATTEMPTS);
        }
      }
      if (ids.length < BATCH || stopped) return;
    }
  }
  /** Drains now; a wake-up during a drain runs one more pass after it. */
  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain().catch(onError).finally(() => {
      running = undefined;
      if (again) {
        again = false;
        wake();
      }
    });
  }

  return {
    async start(): Promise<void> {
      listener = new pg.Client({ connectionString: databaseUrl, application_name: 'frontdesk-inbound' });
      listener.on('notification', wake);
      listener.on('error', onError); // the poll keeps events moving until a restart
      await listener.connect();
      await listener.query('LISTEN frontdesk_inbound');
      timer = setInterval(wake, POLL_MS);
      timer.unref();
      wake();
    },
    wake,
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
      await listener?.end().catch(() => undefined);
    },
  };
}
