import type { BookingPageSettings } from '@frontdesk/contracts';
import type { ZodApp } from '../../platform/http/server';
import type { BookingPagePorts } from './ports';
import { pageContext } from './service/context';
import { profileService } from './service/profile';
import { bookService } from './service/book';
import { manageService } from './service/manage';
import { publicRoutes } from './routes/public';
import { manageRoutes } from './routes/manage';
import { settingsRoutes } from './routes/settings';

export type { BookingPagePorts } from './ports';

/** The public booking page's API: a business's profile and free times by slug, booking, and the customer's manage link. */
export function createBookingPage(ports: BookingPagePorts) {
  const page = pageContext(ports);
  const service = {
    profile: profileService(ports, page),
    freeTimes: async (slug: string, q: Parameters<typeof page.freeTimes>[1]) => page.freeTimes(await page.openTenant(slug), q),
    book: bookService(ports, page),
    manage: manageService(ports, page),
    settings: (tenantId: string) => page.repo.settings(tenantId),
    saveSettings: (tenantId: string, settings: BookingPageSettings) => page.repo.saveSettings(tenantId, settings),
  };
  return {
    service,
    routes(app: ZodApp) {
      publicRoutes(app, service, ports.limits);
      manageRoutes(app, service.manage, ports.limits);
      settingsRoutes(app, service);
    },
  };
}
export type BookingPage = ReturnType<typeof createBookingPage>;
export type BookingPageService = BookingPage['service'];
