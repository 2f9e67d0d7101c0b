import type { DateTimeMention } from '../domain/nlu/types';
import { extractEmail, extractPhone } from '../domain/nlu/entities';
import type { ConversationState, Offer, ToolEvent } from '../domain/policy/types';
import { execute, refuse, type ToolEnv, type ToolOutcome } from './tool-env';
import type { ToolArgs } from './tool-specs';

type Done = Promise<ToolOutcome>;
const show = (o: Offer) => ({ offerId: o.id, label: o.label });

export async function findSlots(env: ToolEnv, state: ConversationState, a: ToolArgs<'find_slots'>): Done {
  if (!env.ctx.services.some((s) => s.id === a.serviceId)) return refuse(state, `unknown serviceId; use one of ${env.ctx.services.map((s) => s.id).join(', ')}`);
  if (a.staffId && !env.ctx.staff.some((s) => s.id === a.staffId)) return refuse(state, 'unknown staffId');
  const asked = [a.date, a.time, a.partOfDay].filter(Boolean).join(' ');
  const when: DateTimeMention | undefined = asked
    ? { text: asked, start: 0, end: 0, ...(a.date ? { date: a.date } : {}), ...(a.time ? { time: a.time } : {}), ...(a.partOfDay ? { partOfDay: a.partOfDay } : {}) }
    : undefined;
  const commands: ToolOutcome['commands'] = [];
  const event = await execute(env, state, { kind: 'find_slots', serviceId: a.serviceId, staffId: a.staffId, when }, commands);
  const offers = event?.kind === 'slots' ? event.offers : [];
  const next: ConversationState = { ...state, serviceId: a.serviceId, staffId: a.staffId, when, offers, stage: offers.length ? 'offering' : 'asking_when' };
  const result = offers.length ? { offers: offers.map(show) } : { offers: [], note: 'nothing free then; suggest another day or time' };
  return { state: next, result, event, sources: ['availability.find_slots'], commands };
}

/** Holds the offer unless it is already held, releasing a hold on another offer first. */
async function ensureHeld(env: ToolEnv, state: ConversationState, offer: Offer, commands: ToolOutcome['commands']) {
  if (state.holdId && state.chosen?.id === offer.id) return { state, held: true };
  if (state.holdId) await execute(env, state, { kind: 'release_hold', holdId: state.holdId }, commands);
  const event = await execute(env, state, { kind: 'hold', offer, serviceId: state.serviceId! }, commands);
  if (event?.kind !== 'held') return { state: { ...state, holdId: undefined, chosen: undefined }, held: false, event };
  return { state: { ...state, holdId: event.holdId, chosen: offer }, held: true, event };
}

const offerOf = (state: ConversationState, offerId: string) => (state.serviceId ? state.offers.find((o) => o.id === offerId) : undefined);
const TAKEN = 'that time was just taken; call find_slots again';

export async function holdSlot(env: ToolEnv, state: ConversationState, a: ToolArgs<'hold_slot'>): Done {
  const offer = offerOf(state, a.offerId);
  if (!offer) return refuse(state, 'unknown offerId; call find_slots first');
  const commands: ToolOutcome['commands'] = [];
  const hold = await ensureHeld(env, state, offer, commands);
  const stage = hold.held ? (hold.state.customer.name ? 'confirming' as const : 'asking_name' as const) : hold.state.stage;
  const result = hold.held ? { held: true, ...show(offer), minutes: 10 } : { held: false, reason: TAKEN };
  return { state: { ...hold.state, stage }, result, event: hold.event, sources: ['holds.create'], commands };
}

/** A phone or e-mail as the customer wrote it, normalised; `false` when it is not one. */
function contact(env: ToolEnv, a: { phone?: string; email?: string }): { phone?: string | false; email?: string | false } {
  const phone = a.phone ? extractPhone(a.phone, env.ctx.locale) ?? false : undefined;
  const email = a.email ? extractEmail(a.email) ?? false : undefined;
  return { phone, email };
}

export async function book(env: ToolEnv, state: ConversationState, a: ToolArgs<'book'>): Done {
  const offer = offerOf(state, a.offerId);
  if (!offer) return refuse(state, 'unknown offerId; call find_slots first');
  const given = contact(env, a);
  if (given.phone === false) return refuse(state, 'that phone number is not valid; ask the customer again');
  if (given.email === false) return refuse(state, 'that e-mail is not valid; ask the customer again');
  const customer = { name: a.name, phone: given.phone ?? state.customer.phone, email: given.email ?? state.customer.email };
  const commands: ToolOutcome['commands'] = [];
  const hold = await ensureHeld(env, { ...state, customer }, offer, commands);
  if (!hold.held) return { state: hold.state, result: { booked: false, reason: TAKEN }, event: hold.event, sources: ['holds.create'], commands };
  const command = { kind: 'book' as const, holdId: hold.state.holdId!, offer, serviceId: state.serviceId!, customer };
  const event = await execute(env, hold.state, command, commands);
  if (event?.kind !== 'booked') {
    return { state: { ...hold.state, holdId: undefined, chosen: undefined }, result: { booked: false, reason: TAKEN }, event, sources: ['bookings.create'], commands };
  }
  const next: ConversationState = {
    ...hold.state, stage: 'idle', offers: [], holdId: undefined, when: undefined,
    bookingIds: [...state.bookingIds.filter((id) => id !== event.bookingId), event.bookingId],
  };
  const service = env.ctx.services.find((s) => s.id === state.serviceId);
  const place = env.ctx.location && [env.ctx.location.name, env.ctx.location.address].filter(Boolean).join(', ');
  return { state: next, result: { booked: true, bookingId: event.bookingId, label: offer.label, service: service?.name, place }, event, sources: ['bookings.create'], commands };
}

export async function findMyBookings(env: ToolEnv, state: ConversationState, a: ToolArgs<'find_my_bookings'>): Done {
  const given = contact(env, a);
  // Only a phone or e-mail the customer wrote themselves: the model may not look up anyone else's.
  const phone = given.phone === undefined ? state.customer.phone : given.phone === state.customer.phone ? given.phone : false;
  const email = given.email === undefined ? state.customer.email : given.email === state.customer.email ? given.email : false;
  if (phone === false || email === false) return refuse(state, 'use the phone or e-mail exactly as the customer wrote it');
  if (!phone && !email) return refuse(state, 'ask the customer for the phone or e-mail they booked with');
  const commands: ToolOutcome['commands'] = [];
  const event = await execute(env, state, { kind: 'find_bookings', phone, email }, commands);
  const bookings = event?.kind === 'bookings' ? event.bookings : [];
  const intent = env.understanding.intent;
  const next: ConversationState = {
    ...state, cancelCandidates: bookings, stage: bookings.length ? 'choosing_cancel' : state.stage,
    pendingAction: intent === 'cancel' || intent === 'reschedule' ? intent : state.pendingAction,
  };
  const named = (serviceId: string) => env.ctx.services.find((s) => s.id === serviceId)?.name;
  return { state: next, result: { bookings: bookings.map((b) => ({ bookingId: b.id, label: b.label, service: named(b.serviceId) })) }, event, sources: ['bookings.find'], commands };
}

const knownBooking = (state: ConversationState, id: string) => state.cancelCandidates.some((b) => b.id === id) || state.bookingIds.includes(id);
const REFUSED = 'the cancellation policy does not allow this change online; a person from the team was called to help';

export async function cancelBooking(env: ToolEnv, state: ConversationState, a: ToolArgs<'cancel_booking'>): Done {
  if (!knownBooking(state, a.bookingId)) return refuse(state, 'unknown bookingId; call find_my_bookings first');
  const commands: ToolOutcome['commands'] = [];
  const event = await execute(env, state, { kind: 'cancel_booking', bookingId: a.bookingId }, commands);
  if (event?.kind === 'cancelled') {
    const next: ConversationState = { ...state, stage: 'idle', cancelCandidates: [], pendingAction: undefined };
    return { state: next, result: { cancelled: true, label: event.label }, event, sources: ['bookings.cancel'], commands };
  }
  return handOffRefused(env, state, { cancelled: false, reason: REFUSED }, event, commands);
}

export async function rescheduleBooking(env: ToolEnv, state: ConversationState, a: ToolArgs<'reschedule_booking'>): Done {
  if (!knownBooking(state, a.bookingId)) return refuse(state, 'unknown bookingId; call find_my_bookings first');
  const offer = offerOf(state, a.offerId);
  if (!offer) return refuse(state, 'unknown offerId; call find_slots first');
  const commands: ToolOutcome['commands'] = [];
  const event = await execute(env, state, { kind: 'reschedule_booking', bookingId: a.bookingId, offer }, commands);
  if (event?.kind === 'rescheduled') {
    const next: ConversationState = {
      ...state, stage: 'idle', offers: [], chosen: offer, cancelCandidates: [], pendingAction: undefined, changingBookingId: undefined,
      bookingIds: [...state.bookingIds.filter((id) => id !== event.bookingId), event.bookingId],
    };
    return { state: next, result: { rescheduled: true, label: offer.label }, event, sources: ['bookings.reschedule'], commands };
  }
  if (event?.kind === 'change_refused') return handOffRefused(env, state, { rescheduled: false, reason: REFUSED }, event, commands);
  return { state, result: { rescheduled: false, reason: TAKEN }, event, sources: ['bookings.reschedule'], commands };
}

/** As in the embedded engine: a change the policy refuses goes to a person. */
async function handOffRefused(
  env: ToolEnv, state: ConversationState, result: Record<string, unknown>, refusal: ToolEvent | undefined, commands: ToolOutcome['commands'],
): Done {
  await execute(env, state, { kind: 'hand_off', reason: 'change refused by the cancellation policy' }, commands);
  const next: ConversationState = { ...state, stage: 'handoff', pendingAction: undefined, changingBookingId: undefined, cancelCandidates: [] };
  return { state: next, result, event: refusal, sources: ['bookings.policy'], commands };
}
