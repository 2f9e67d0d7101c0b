import { BookingStatus, type Tenant } from '@frontdesk/contracts';
import { AppError, notFound, validationError } from '../../../shared/errors';
import { sha256 } from '../../../shared/ids';
import { bookingView } from '../domain/view';
import { localSpan, visitorWindow } from '../domain/times';
import { bookingPageRepository } from '../repository';
import type { BookingPagePorts } from '../ports';

/** What every use case of the page shares: the open tenant, its settings, names, links and the public face of errors. */
export function pageContext(ports: BookingPagePorts) {
  const { scheduling, clock, baseUrl } = ports;
  const repo = bookingPageRepository(ports.db);

  /** The business behind a slug, if its page is open: otherwise 404, as for a slug that does not exist. */
  async function openTenant(slug: string): Promise<Tenant> {
    const tenant = await ports.tenants.tenantBySlug(slug);
    if (!tenant || !(await repo.settings(tenant.id)).enabled) throw notFound('Business');
    return tenant;
  }

  const links = (token: string) => ({
    manageUrl: `${baseUrl}/book/manage/${token}`,
    icsUrl: `${baseUrl}/v1/book/manage/${token}/ics`,
  });

  /** The customer's view of a booking, read now. */
  async function view(tenant: Tenant, bookingId: string, token: string, visitorTimeZone: string | undefined) {
    const booking = await scheduling.bookings.get(tenant.id, bookingId);
    const [service, resources, settings] = await Promise.all([
      scheduling.catalogue.service(tenant.id, booking.serviceId),
      scheduling.catalogue.resources(tenant.id, booking.resourceIds),
      repo.settings(tenant.id),
    ]);
    return bookingView({
      booking: { ...booking, status: BookingStatus.parse(booking.status) }, service,
      resourceNames: new Map(resources.map((r) => [r.id, r.name])),
      business: { slug: tenant.slug, name: tenant.name, timeZone: tenant.timeZone, locale: tenant.locale },
      businessNoticeMinutes: settings.changeNoticeMinutes, now: clock.now(), visitorTimeZone, links: links(token),
    });
  }

  /** Free times of a service over the visitor's days, each shown on both wall clocks. */
  async function freeTimes(tenant: Tenant, q: { serviceId: string; resourceId?: string | undefined; from: string; to: string; timeZone?: string | undefined },
    excludeBookingId?: string) {
    const timeZone = q.timeZone ?? tenant.timeZone;
    const window = visitorWindow(q.from, q.to, timeZone);
    if ('errors' in window) throw validationError(window.errors);
    const { slots } = await scheduling.availability.slots(tenant.id, {
      serviceId: q.serviceId, from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString(),
      seats: 1, ...(q.resourceId ? { resourceId: q.resourceId } : {}), ...(excludeBookingId ? { excludeBookingId } : {}),
    });
    return {
      serviceId: q.serviceId, resourceId: q.resourceId ?? null, timeZone, businessTimeZone: tenant.timeZone,
      slots: slots.map((s) => {
        const [start, end] = [Date.parse(s.start), Date.parse(s.end)];
        return { start: s.start, end: s.end, resourceIds: s.resourceIds,
          visitorTime: localSpan(start, end, timeZone), businessTime: localSpan(start, end, tenant.timeZone) };
      }),
    };
  }

  return { repo, openTenant, view, freeTimes, links, hashOf: sha256 };
}
export type PageContext = ReturnType<typeof pageContext>;

/**
 * Scheduling's refusals without what a stranger should not see: the other booking or hold in the
 * way (its id) stays with staff; the code and the reasons' codes stay the same.
 */
export async function publicFace<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === 'SCHED_SLOT_TAKEN') throw new AppError('SCHED_SLOT_TAKEN', 'Someone else has just taken this time; please choose another');
    if (err.code === 'SCHED_SLOT_UNAVAILABLE') {
      const reasons = (err.extra.reasons as { code: string; message: string; resourceId?: string }[] | undefined) ?? [];
      throw new AppError('SCHED_SLOT_UNAVAILABLE', 'This time cannot be booked; please choose another',
        { reasons: reasons.map((r) => ({ code: r.code, ...(r.resourceId ? { resourceId: r.resourceId } : {}) })) });
    }
    throw err;
  }
}
