import type { Database } from '../../platform/db/database';
import { drainLoop } from '../../platform/db/drain-loop';
import { channelsRepository } from './repository';

const BATCH = 50;
const POLL_MS = 1000;
export const MAX_EVENT_ATTEMPTS = 10;

/** Works through stored inbound events (each claimed with SKIP LOCKED in its own transaction). */
export function inboundDispatcher(db: Database, databaseUrl: string, process: (id: number) => Promise<void>, onError: (err: unknown) => void) {
  const repo = channelsRepository(db);
  const loop = drainLoop({
    databaseUrl, channel: 'frontdesk_inbound', pollMs: POLL_MS, onError, applicationName: 'frontdesk-inbound',
    async drain() {
      for (;;) {
        const ids = await repo.dueEventIds(BATCH);
        for (const id of ids) {
          try {
            await process(id);
          } catch (err) {
            await repo.failEvent(id, err instanceof Error ? err.message : String(err), MAX_EVENT_ATTEMPTS);
          }
        }
        if (ids.length < BATCH) return;
      }
    },
  });
  return { start: loop.start, wake: loop.wake, stop: loop.stop };
}
