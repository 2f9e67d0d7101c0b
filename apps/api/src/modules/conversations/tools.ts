import { AppError } from '../../shared/errors';
import { isoInstant } from '../../shared/time/iso';
import { formatSlot, displayLocale } from './domain/policy/format';
import { pickOffers, searchWindow } from './domain/policy/offers';
import type { Command, ConversationState, PolicyContext, ToolEvent } from './domain/policy/types';
import type { AssistantPorts } from './ports';

const HOLD_SECONDS = 600;

/** Runs one of the policy's commands against the real modules and says what happened. */
export async function runCommand(
  ports: AssistantPorts, tenantId: string, state: ConversationState, ctx: PolicyContext, command: Command,
  handOff: () => Promise<void>,
  publish: (type: string, data: Record<string, unknown>) => Promise<void> = async () => undefined,
): Promise<ToolEvent | undefined> {
  const { scheduling } = ports;
  const locale = displayLocale(state.lang, ctx.locale);
  const label = (iso: string) => formatSlot(iso, ctx.timeZone, locale);
  const refused = (err: unknown) => err instanceof AppError && err.status >= 400 && err.status < 500;
  switch (command.kind) {
    case 'find_slots': {
      const window = searchWindow(command.when, ctx.now, ctx.timeZone);
      const { slots } = await scheduling.availability.slots(tenantId, {
        serviceId: command.serviceId, from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString(),
        timeZone: ctx.timeZone, seats: 1, ...(command.staffId ? { resourceId: command.staffId } : {}),
      });
      const picked = pickOffers(slots.map((s) => ({ ...s, start: Date.parse(s.start) })), command.when, ctx.timeZone);
      return {
        kind: 'slots',
        offers: picked.map((s, i) => {
          const start = isoInstant(s.start);
          return { id: `slot-${i + 1}`, start, end: s.end, resourceIds: s.resourceIds, label: label(start) };
        }),
      };
    }
    case 'hold':
      try {
        const hold = await scheduling.holds.create(tenantId, {
          serviceId: command.serviceId, start: command.offer.start, resourceIds: command.offer.resourceIds, seats: 1, ttlSeconds: HOLD_SECONDS,
        });
        return { kind: 'held', holdId: hold.id };
      } catch (err) {
        if (refused(err)) return { kind: 'hold_failed' };
        throw err;
      }
    case 'book':
      try {
        const booking = await scheduling.bookings.create(tenantId, {
          serviceId: command.serviceId, start: command.offer.start, holdId: command.holdId, seats: 1, status: 'confirmed',
          sourceChannel: ctx.bookingSource ?? 'web', customer: command.customer,
        });
        return { kind: 'booked', bookingId: booking.id };
      } catch (err) {
        if (refused(err)) return { kind: 'book_failed' };
        throw err;
      }
    case 'release_hold':
      await scheduling.holds.release(tenantId, command.holdId).catch(() => undefined);
      return undefined;
    case 'find_bookings': {
      const found = await scheduling.bookings.upcomingForContact(tenantId, { phone: command.phone, email: command.email });
      return { kind: 'bookings', bookings: found.map((b) => ({ id: b.id, serviceId: b.serviceId, label: label(b.start) })) };
    }
    case 'cancel_booking':
      try {
        const booking = await scheduling.bookings.cancel(tenantId, command.bookingId, { reason: 'cancelled by the customer in chat', overridePolicy: false });
        return { kind: 'cancelled', bookingId: booking.id, label: label(booking.start) };
      } catch (err) {
        if (!refused(err)) throw err;
        return { kind: 'change_refused' };
      }
    case 'reschedule_booking':
      try {
        const moved = await scheduling.bookings.reschedule(tenantId, command.bookingId,
          { start: command.offer.start, resourceIds: command.offer.resourceIds, overridePolicy: false });
        return { kind: 'rescheduled', bookingId: moved.id };
      } catch (err) {
        if (err instanceof AppError && err.code === 'SCHED_CANCELLATION_WINDOW') return { kind: 'change_refused' };
        if (refused(err)) return { kind: 'reschedule_failed' };
        throw err;
      }
    case 'hand_off':
      await handOff(); // the reason stays in the turn's recorded tool calls
      return { kind: 'handed_off' };
    case 'confirm_attendance': {
      const booking = await scheduling.bookings.get(tenantId, command.bookingId);
      if (booking.status === 'pending') await scheduling.bookings.update(tenantId, booking.id, { status: 'confirmed' });
      await publish('booking.attendance_confirmed', { bookingId: booking.id });
      return { kind: 'attendance_confirmed', label: label(booking.start) };
    }
    case 'request_erasure':
      await publish('privacy.erasure_requested', {});
      return undefined;
    case 'record_rating':
      await publish('conversation.rating_received', { ref: command.ref, rating: command.rating, ...(command.comment ? { comment: command.comment } : {}) });
      return { kind: 'rating_recorded' };
  }
}
