import type { Tenant } from '@frontdesk/contracts';
import { AppError, notFound } from '../../../shared/errors';
import { formatUtc } from '../../../shared/time/zone';
import { renderCalendar } from '../../scheduling';
import { changePolicy, noticeMinutes } from '../domain/policy';
import type { BookingPagePorts } from '../ports';
import { publicFace, type PageContext } from './context';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
const CANCELLED_ONLINE = 'cancelled by the customer on the booking page';

/** What the manage link (`/book/manage/<token>`) lets its holder do: see, cancel or move the booking, download it. */
export function manageService(ports: BookingPagePorts, page: PageContext) {
  const { scheduling, clock } = ports;

  /** The booking behind a token, in its own tenant; an unknown token is 404 like a missing booking. */
  async function open(token: string): Promise<{ tenant: Tenant; bookingId: string }> {
    const link = TOKEN.test(token) ? await page.repo.byToken(page.hashOf(token)) : undefined;
    if (!link) throw notFound('Booking');
    return { tenant: await ports.tenants.tenant(link.tenantId), bookingId: link.bookingId };
  }

  /** Refuses a change the business's policy no longer allows online, naming the deadline. */
  async function assertChangeable(tenant: Tenant, bookingId: string) {
    const booking = await scheduling.bookings.get(tenant.id, bookingId);
    if (booking.status !== 'pending' && booking.status !== 'confirmed') {
      throw new AppError('SCHED_BOOKING_NOT_ACTIVE', `The booking is ${booking.status}`);
    }
    const [service, settings] = await Promise.all([scheduling.catalogue.service(tenant.id, booking.serviceId), page.repo.settings(tenant.id)]);
    const policy = changePolicy(Date.parse(booking.start), noticeMinutes(service.cancellationWindowMinutes, settings.changeNoticeMinutes), clock.now(), true);
    if (!policy.canChange) {
      const deadline = formatUtc(policy.changeDeadline);
      throw new AppError('BOOKING_CHANGE_TOO_LATE',
        `Online changes close ${policy.changeNoticeMinutes} minutes before the start (at ${deadline}); please contact ${tenant.name}`,
        { deadline, changeNoticeMinutes: policy.changeNoticeMinutes });
    }
    return booking;
  }

  return {
    async view(token: string, timeZone: string | undefined) {
      const { tenant, bookingId } = await open(token);
      return page.view(tenant, bookingId, token, timeZone);
    },
    async freeTimes(token: string, q: { resourceId?: string | undefined; from: string; to: string; timeZone?: string | undefined }) {
      const { tenant, bookingId } = await open(token);
      const booking = await scheduling.bookings.get(tenant.id, bookingId);
      // The booking's own time counts as free: moving it by half an hour may overlap itself.
      return page.freeTimes(tenant, { ...q, serviceId: booking.serviceId }, bookingId);
    },
    async cancel(token: string, reason: string | undefined, timeZone: string | undefined) {
      const { tenant, bookingId } = await open(token);
      await assertChangeable(tenant, bookingId);
      // The policy was checked above under the page's rule, which may differ from the service's own window.
      await scheduling.bookings.cancel(tenant.id, bookingId, { reason: reason ?? CANCELLED_ONLINE, overridePolicy: true });
      return page.view(tenant, bookingId, token, timeZone);
    },
    async reschedule(token: string, to: { start: string; resourceId?: string | undefined; timeZone?: string | undefined }) {
      const { tenant, bookingId } = await open(token);
      const booking = await assertChangeable(tenant, bookingId);
      await publicFace(async () => {
        let resourceIds: string[] | undefined;
        if (to.resourceId) {
          const check = await scheduling.availability.check(tenant.id, booking.serviceId, Date.parse(to.start),
            { resourceId: to.resourceId, excludeBookingId: bookingId });
          if (!check.bookable) throw new AppError('SCHED_SLOT_UNAVAILABLE', 'This time cannot be booked', { reasons: check.reasons });
          resourceIds = check.slot.resourceIds;
        }
        await scheduling.bookings.reschedule(tenant.id, bookingId, { start: to.start, ...(resourceIds ? { resourceIds } : {}), overridePolicy: true });
      });
      return page.view(tenant, bookingId, token, to.timeZone);
    },
    /** The booking as an .ics file for the customer's calendar (UTC times, the manage link in the description). */
    async ics(token: string) {
      const { tenant, bookingId } = await open(token);
      const booking = await scheduling.bookings.get(tenant.id, bookingId);
      const service = await scheduling.catalogue.service(tenant.id, booking.serviceId);
      const locations = await ports.tenants.listLocations(tenant.id);
      const place = locations.find((l) => l.id === service.locationId);
      const { manageUrl } = page.links(token);
      return renderCalendar(tenant.name, [{
        id: booking.id, start: booking.start, end: booking.end, updatedAt: booking.updatedAt, status: booking.status,
        summary: `${service.name} — ${tenant.name}`, description: `Change or cancel: ${manageUrl}`,
        ...(place ? { location: [place.name, place.address].filter(Boolean).join(', ') } : {}),
      }]);
    },
  };
}
