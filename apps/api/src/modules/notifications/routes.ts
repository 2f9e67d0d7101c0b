import { z } from 'zod';
import { BookingMessage, Id, NotificationSettings } from '@frontdesk/contracts';
import type { ZodApp } from '../../platform/http/server';
import { requireTenant } from '../../platform/auth/bearer';
import type { NotificationService } from './service';

export function notificationRoutes(app: ZodApp, notifications: NotificationService): void {
  app.get('/v1/bookings/:id/messages', {
    schema: { tags: ['notifications'], summary: "A booking's messages: scheduled, sent (with delivery), skipped or cancelled, and why",
      params: z.object({ id: Id }), response: { 200: z.object({ items: z.array(BookingMessage) }) } },
  }, async (req) => ({ items: await notifications.bookingMessages(requireTenant(req), req.params.id) }));
  app.get('/v1/notifications/settings', {
    schema: { tags: ['notifications'], summary: 'Confirmations, reminders (per tenant and per service), notices, thank-you and no-show follow-up',
      response: { 200: NotificationSettings } },
  }, async (req) => notifications.settings(requireTenant(req)));
  app.put('/v1/notifications/settings', {
    schema: { tags: ['notifications'], summary: 'Replace the notification settings (applies to bookings changed from now on)',
      body: NotificationSettings, response: { 200: NotificationSettings } },
  }, async (req) => notifications.saveSettings(requireTenant(req), req.body));
}
