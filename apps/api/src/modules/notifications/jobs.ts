import { drainLoop, type DrainLoop } from '../../platform/db/drain-loop';
import type { NotificationService } from './service';

const POLL_MS = 1000;

/** Sends notices as they come due: woken by a new one, and every second for the ones whose time arrives. */
export function dueNoticeLoop(service: NotificationService, databaseUrl: string, onError: (err: unknown) => void): DrainLoop {
  return drainLoop({
    databaseUrl, channel: 'frontdesk_notices', pollMs: POLL_MS, onError, applicationName: 'frontdesk-notices',
    async drain() {
      while ((await service.sendDue()) > 0) { /* more may be due */ }
    },
  });
}
