import type { BookingPageBookingCreate, Tenant } from '@frontdesk/contracts';
import type { Queryable } from '../../../platform/db/database';
import { newSecret } from '../../../shared/ids';
import { AppError, validationError, type FieldError } from '../../../shared/errors';
import { idempotent, requestHash } from '../../scheduling';
import { consentText, langOfLocale, missingConsent } from '../domain/consent';
import { normaliseCustomer, type Customer } from '../domain/customer';
import { bookingPageRepository } from '../repository';
import type { BookingPagePorts } from '../ports';
import { publicFace, type PageContext } from './context';

/** What an idempotent retry finds stored: the booking and its manage token sealed, never the token in clear. */
interface Stored { bookingId: string; sealedToken: string }

/**
 * A visitor books: details checked (phone read in the business's country, consent where required),
 * the time claimed like any booking, and — in the booking's own transaction — the customer found
 * or added as a contact, their consent appended to the ledger and the manage link stored as a hash.
 */
export function bookService(ports: BookingPagePorts, page: PageContext) {
  const { scheduling, contacts, clock, box } = ports;

  async function resourcesFor(tenant: Tenant, body: BookingPageBookingCreate): Promise<string[] | undefined> {
    if (!body.resourceId) return undefined; // anyone: scheduling picks, and tries the next free ones on a lost race
    // The chosen person with whatever else the service needs at that time (a van AND a crew member).
    const check = await scheduling.availability.check(tenant.id, body.serviceId, Date.parse(body.start), { resourceId: body.resourceId });
    if (!check.bookable) throw new AppError('SCHED_SLOT_UNAVAILABLE', 'This time cannot be booked', { reasons: check.reasons });
    return check.slot.resourceIds;
  }

  return async function book(slug: string, body: BookingPageBookingCreate, idempotencyKey: string | undefined) {
    const tenant = await page.openTenant(slug);
    const consent = await contacts.consentSettings(tenant.id);
    const errors: FieldError[] = [];
    const read = normaliseCustomer(body.customer, tenant.locale);
    if ('errors' in read) errors.push(...read.errors);
    const noConsent = missingConsent(consent, body.consentAccepted);
    if (noConsent) errors.push(noConsent);
    if (errors.length || 'errors' in read) throw validationError(errors);
    const customer: Customer = read.customer;
    const lang = body.language ?? langOfLocale(tenant.locale);
    const shown = consentText(consent, lang, langOfLocale(tenant.locale));
    const token = newSecret(32);

    /** Inside the booking's transaction: the contact, the consent and the manage link commit with it or not at all. */
    async function linkCustomer(tx: Queryable, bookingId: string) {
      const contact = await contacts.findOrCreate(tx, tenant.id, { ...customer, lang });
      if (consent.required) {
        await contacts.recordConsent(tx, tenant.id, {
          contactId: contact.id, purposes: consent.purposes, answer: 'granted', channel: 'booking_page', channelId: null, conversationId: null,
          text: shown.text ?? '', lang: shown.lang, words: null, recordedBy: 'customer', at: new Date(clock.now()),
        });
      }
      await bookingPageRepository(tx).link(tenant.id, bookingId, page.hashOf(token), contact.id);
      return { bookingId, sealedToken: box.seal(token) };
    }

    const stored = await publicFace(async () => {
      const resourceIds = await resourcesFor(tenant, body);
      const input = {
        serviceId: body.serviceId, start: body.start, ...(resourceIds ? { resourceIds } : {}), customer, seats: 1,
        status: 'confirmed' as const, sourceChannel: 'booking_page' as const, ...(body.notes ? { notes: body.notes } : {}),
      };
      if (!idempotencyKey) {
        let result: Stored | undefined;
        await scheduling.bookings.book(tenant.id, input, { last: async (tx, b) => void (result = await linkCustomer(tx, b.id)) });
        return { body: result!, replayed: false };
      }
      return idempotent<Stored>(ports.db, tenant.id, `booking-page:${idempotencyKey}`, requestHash(body), 201, async (hooks) => {
        let result: Stored | undefined;
        await scheduling.bookings.book(tenant.id, input, {
          first: hooks.first,
          last: async (tx, b) => {
            result = await linkCustomer(tx, b.id);
            await hooks.last(tx, result);
          },
        });
        return result!;
      });
    });
    const manageToken = box.open<string>(stored.body.sealedToken);
    const view = await page.view(tenant, stored.body.bookingId, manageToken, body.timeZone);
    return { booked: { ...view, manageToken }, replayed: stored.replayed };
  };
}
