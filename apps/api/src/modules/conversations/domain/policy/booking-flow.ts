import { displayLocale, formatMoney } from './format';
import { actionWord, say } from './replies';
import type { ConversationState, PolicyContext, Reply, StepResult, ToolEvent } from './types';
import { nextQuestion } from './qualification';

const noCommands = (state: ConversationState, replies: Reply[]): StepResult => ({ state, replies, commands: [] });

function serviceOf(state: ConversationState, ctx: PolicyContext) {
  return ctx.services.find((s) => s.id === state.serviceId);
}

/** Asks for what is missing (service, then day), or searches for slots when nothing is. */
export function advanceBooking(state: ConversationState, ctx: PolicyContext): StepResult {
  const question = ctx.qualifyBeforeOffering && !state.changingBookingId ? nextQuestion(state, ctx) : undefined;
  if (question) {
    return noCommands({ ...state, stage: 'qualifying', askingField: question.key, bookAfterQualifying: true },
      [{ text: question.text, sources: ['assistant.qualification'] }]);
  }
  const service = serviceOf(state, ctx) ?? (ctx.services.length === 1 ? ctx.services[0] : undefined);
  if (!service) {
    return noCommands({ ...state, stage: 'choosing_service' }, [{
      text: say(state.lang, 'askService'), options: ctx.services.map((s) => ({ id: s.id, label: s.name })), sources: ['catalogue.services'],
    }]);
  }
  const next = { ...state, serviceId: service.id };
  if (!state.when || (!state.when.date && !state.when.dateRange && !state.when.time && !state.when.partOfDay)) {
    return noCommands({ ...next, stage: 'asking_when' }, [{ text: say(state.lang, 'askWhen', { service: service.name }) }]);
  }
  return { state: { ...next, stage: 'offering' }, replies: [], commands: [findSlots(next)] };
}

function findSlots(state: ConversationState) {
  return { kind: 'find_slots' as const, serviceId: state.serviceId!, staffId: state.staffId, when: state.when };
}

/** The customer picked one of the options we showed: a slot, a service or one of their bookings. */
export function chooseOffer(state: ConversationState, optionId: string | undefined, ctx: PolicyContext): StepResult {
  if (state.stage === 'choosing_service' && optionId && ctx.services.some((s) => s.id === optionId)) {
    return advanceBooking({ ...state, serviceId: optionId }, ctx);
  }
  if (state.stage === 'choosing_cancel' && optionId) {
    const booking = state.cancelCandidates.find((b) => b.id === optionId);
    if (booking && state.pendingAction === 'cancel') return { state, replies: [], commands: [{ kind: 'cancel_booking', bookingId: booking.id }] };
    if (booking) return advanceBooking({ ...state, changingBookingId: booking.id, serviceId: booking.serviceId, when: undefined, stage: 'asking_when' }, ctx);
  }
  const offer = state.offers.find((o) => o.id === optionId);
  if (!offer || !state.serviceId) return advanceBooking(state, ctx);
  if (state.changingBookingId) {
    return { state: { ...state, chosen: offer }, replies: [], commands: [{ kind: 'reschedule_booking', bookingId: state.changingBookingId, offer }] };
  }
  return { state: { ...state, chosen: offer }, replies: [], commands: [{ kind: 'hold', offer, serviceId: state.serviceId }] };
}

export function confirmBooking(state: ConversationState, ctx: PolicyContext): StepResult {
  if (!state.holdId || !state.chosen || !state.serviceId) return advanceBooking(state, ctx);
  if (!state.customer.name) return noCommands({ ...state, stage: 'asking_name' }, [{ text: say(state.lang, 'askName', { slot: state.chosen.label }) }]);
  return {
    state, replies: [],
    commands: [{ kind: 'book', holdId: state.holdId, offer: state.chosen, serviceId: state.serviceId, customer: { ...state.customer, name: state.customer.name } }],
  };
}

/** After a booking: the tenant's remaining qualification questions, one at a time. */
export function askNextField(state: ConversationState, ctx: PolicyContext): StepResult {
  const next = nextQuestion(state, ctx);
  if (!next && state.bookAfterQualifying) {
    const booking = advanceBooking({ ...state, stage: 'idle', askingField: undefined, bookAfterQualifying: undefined }, ctx);
    return { ...booking, replies: [{ text: say(state.lang, 'fieldsDone') }, ...booking.replies] };
  }
  if (!next) {
    const wasQualifying = state.stage === 'qualifying';
    return noCommands({ ...state, stage: 'idle', askingField: undefined }, wasQualifying ? [{ text: say(state.lang, 'fieldsDone') }] : []);
  }
  return noCommands({ ...state, stage: 'qualifying', askingField: next.key }, [{ text: next.text, sources: ['assistant.qualification'] }]);
}

/** With a slot held: the name if we lack it, else "shall I confirm …?". */
export function askConfirmation(state: ConversationState, ctx: PolicyContext): StepResult {
  if (!state.customer.name) return noCommands({ ...state, stage: 'asking_name' }, [{ text: say(state.lang, 'askName', { slot: state.chosen?.label ?? '' }) }]);
  const service = serviceOf(state, ctx);
  const locale = displayLocale(state.lang, ctx.locale);
  const price = service && service.price.amount > 0 ? ` (${formatMoney(service.price.amount, service.price.currency, locale)})` : '';
  return noCommands({ ...state, stage: 'confirming' }, [{
    text: say(state.lang, 'confirm', { service: service?.name ?? '', slot: state.chosen?.label ?? '', price, name: state.customer.name }),
    sources: ['holds.create', 'catalogue.prices'],
  }]);
}

/** The customer gave information: use it where the conversation is. */
export function continueFlow(state: ConversationState, ctx: PolicyContext): StepResult {
  if (state.stage === 'asking_name' && state.holdId) return askConfirmation(state, ctx);
  if (state.stage === 'qualifying') return askNextField(state, ctx);
  if (state.stage === 'choosing_cancel' && state.pendingAction && !state.cancelCandidates.length) {
    return startFindingBookings(state, state.pendingAction, ctx);
  }
  return advanceBooking(state, ctx);
}

export function declineBooking(state: ConversationState): StepResult {
  const commands = state.holdId ? [{ kind: 'release_hold' as const, holdId: state.holdId }] : [];
  return { state: { ...state, stage: 'asking_when', holdId: undefined, chosen: undefined, offers: [] }, replies: [{ text: say(state.lang, 'declined') }], commands };
}

export function startFindingBookings(state: ConversationState, action: 'cancel' | 'reschedule', _ctx: PolicyContext): StepResult {
  const next = { ...state, pendingAction: action, stage: 'choosing_cancel' as const };
  const { phone, email, name } = state.customer;
  if (!phone && !email) return noCommands(next, [{ text: say(state.lang, 'askContact') }]);
  return { state: next, replies: [], commands: [{ kind: 'find_bookings', phone, email, name }] };
}

/** Tool results come back here and become replies. */
export function onToolEvent(state: ConversationState, event: ToolEvent, ctx: PolicyContext): StepResult {
  const service = serviceOf(state, ctx);
  const locale = displayLocale(state.lang, ctx.locale);
  const serviceName = service?.name ?? '';
  switch (event.kind) {
    case 'slots':
      if (!event.offers.length) return noCommands({ ...state, stage: 'asking_when', offers: [] }, [{ text: say(state.lang, 'noSlots', { service: serviceName }) }]);
      return noCommands({ ...state, stage: 'offering', offers: event.offers }, [{
        text: say(state.lang, 'offer', { service: serviceName }),
        options: event.offers.map((o) => ({ id: o.id, label: o.label })), sources: ['availability.find_slots'],
      }]);
    case 'held':
      return askConfirmation({ ...state, holdId: event.holdId }, ctx);
    case 'hold_failed':
    case 'book_failed':
    case 'reschedule_failed':
      return { state: { ...state, holdId: undefined, chosen: undefined }, replies: [{ text: say(state.lang, 'taken') }], commands: [findSlots(state)] };
    case 'booked':
    case 'rescheduled': {
      const place = ctx.location ? ` — ${ctx.location.name}${ctx.location.address ? `, ${ctx.location.address}` : ''}` : '';
      const price = service && service.price.amount > 0 ? ` ${formatMoney(service.price.amount, service.price.currency, locale)}.` : '';
      const done: ConversationState = {
        ...state, stage: 'idle', offers: [], holdId: undefined, when: undefined, changingBookingId: undefined, pendingAction: undefined,
        bookingIds: [...state.bookingIds.filter((id) => id !== event.bookingId), event.bookingId],
      };
      const vars = { name: state.customer.name ?? '', service: serviceName, slot: state.chosen?.label ?? '', place, price };
      if (event.kind === 'rescheduled') {
        // A booking moved: say where it is now; the intake questions were for a new booking.
        return noCommands(done, [{ text: say(state.lang, 'rescheduled', vars), sources: ['bookings.reschedule', 'locations'] }]);
      }
      const confirmation = {
        text: say(state.lang, 'booked', vars).replace(/\s+\./, '.'),
        sources: ['bookings.create', 'locations', 'catalogue.prices'],
      };
      const followUp = askNextField(done, ctx);
      return { state: followUp.state, replies: [confirmation, ...followUp.replies], commands: [] };
    }
    case 'bookings':
      if (!event.bookings.length) return noCommands({ ...state, stage: 'idle', pendingAction: undefined }, [{ text: say(state.lang, 'noBookings') }]);
      return noCommands({ ...state, cancelCandidates: event.bookings }, [{
        text: say(state.lang, 'whichBooking', { action: actionWord(state.lang, state.pendingAction ?? 'cancel') }),
        options: event.bookings.map((b) => ({ id: b.id, label: b.label })), sources: ['bookings.find'],
      }]);
    case 'cancelled':
      return noCommands({ ...state, stage: 'idle', pendingAction: undefined, cancelCandidates: [] },
        [{ text: say(state.lang, 'cancelled', { slot: event.label }), sources: ['bookings.cancel'] }]);
    case 'handed_off':
    case 'rating_recorded':
      return noCommands(state, []);
    case 'attendance_confirmed':
      return noCommands({ ...state, stage: 'idle' }, [{ text: say(state.lang, 'attendanceConfirmed', { slot: event.label }), sources: ['bookings.confirm'] }]);
    case 'change_refused':
      return {
        state: { ...state, stage: 'handoff', pendingAction: undefined, changingBookingId: undefined, cancelCandidates: [] },
        replies: [{ text: say(state.lang, 'changeRefused'), sources: ['bookings.policy'] }],
        commands: [{ kind: 'hand_off', reason: 'change refused by the cancellation policy' }],
      };
  }
}
