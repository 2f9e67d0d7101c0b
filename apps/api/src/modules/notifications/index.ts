import type { Database } from '../../platform/db/database';
import type { ZodApp } from '../../platform/http/server';
import type { EventBus } from '../../platform/events/bus';
import type { DrainLoop } from '../../platform/db/drain-loop';
import type { NotificationPorts } from './ports';
import { notificationService } from './service';
import { notificationRoutes } from './routes';
import { dueNoticeLoop } from './jobs';

export type { NotificationService, NotifyRequest } from './service';
export type { NotificationPorts } from './ports';

/** Notifications: confirmations, reminders, notices, thank-yous and rating questions, each sent once. */
export function createNotifications(db: Database, ports: NotificationPorts, deps: { events: Pick<EventBus, 'subscribe'>; databaseUrl: string; onError: (err: unknown) => void }) {
  const service = notificationService(db, ports);
  deps.events.subscribe('notifications.bookings', ['booking.created', 'booking.rescheduled', 'booking.cancelled', 'booking.status_changed'],
    (event) => service.onBookingEvent(event));
  deps.events.subscribe('notifications.turns', ['conversation.turn'], (event) => service.onTurn(event));
  let loop: DrainLoop | undefined;
  return {
    service,
    routes: (app: ZodApp) => notificationRoutes(app, service),
    async startWorkers(): Promise<void> {
      loop = dueNoticeLoop(service, deps.databaseUrl, deps.onError);
      await loop.start();
    },
    async stop(): Promise<void> {
      await loop?.stop();
    },
  };
}
export type Notifications = ReturnType<typeof createNotifications>;
