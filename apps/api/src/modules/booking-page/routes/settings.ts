import { BookingPageSettings } from '@frontdesk/contracts';
import type { ZodApp } from '../../../platform/http/server';
import { requireTenant } from '../../../platform/auth/bearer';
import type { BookingPageService } from '../index';

/** Staff: whether the public page is open, and the notice customers must give to change a booking online. */
export function settingsRoutes(app: ZodApp, page: Pick<BookingPageService, 'settings' | 'saveSettings'>): void {
  const tags = ['booking page'];
  app.get('/v1/booking-page/settings', { schema: { tags, response: { 200: BookingPageSettings } } },
    async (req) => page.settings(requireTenant(req)));
  app.put('/v1/booking-page/settings', {
    schema: { tags, body: BookingPageSettings, response: { 200: BookingPageSettings }, summary: 'Open or close the booking page; the notice for changes online' },
  }, async (req) => {
    const tenantId = requireTenant(req);
    await page.saveSettings(tenantId, req.body);
    return page.settings(tenantId);
  });
}
