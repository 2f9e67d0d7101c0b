import type { Understanding } from '../nlu/types';
import { normalise } from '../nlu/normalise';
import { say } from './replies';
import type { ConversationState, PolicyContext, ReplyOption, StepResult } from './types';

/** The numbered choices under a booking reminder: 1 confirm, 2 reschedule, 3 cancel. */
export function bookingReplyOptions(labels: { confirm: string; reschedule: string; cancel: string }): ReplyOption[] {
  return [
    { id: 'booking-confirm', label: labels.confirm },
    { id: 'booking-reschedule', label: labels.reschedule },
    { id: 'booking-cancel', label: labels.cancel },
  ];
}
export const ratingOptions = (): ReplyOption[] => [1, 2, 3, 4, 5].map((n) => ({ id: `rating-${n}`, label: String(n) }));

const CONFIRM_WORDS = ['confirmo', 'confirmado', 'confirmar', 'confirm', 'confirmed', 'confirmá', 'vou sim', 'voy', "i'll be there", 'sim', 'si', 'sí', 'yes'];

/**
 * The customer's answer to the message we sent on our own, if this message is one: "2" under a
 * reminder moves that booking, "5" under a rating question rates. Anything else returns
 * undefined and the conversation goes on as usual (the question is then forgotten).
 */
export function answerAwaited(state: ConversationState, u: Understanding, text: string, _ctx: PolicyContext): StepResult | undefined {
  const awaiting = state.awaiting;
  if (!awaiting) return undefined;
  const next: ConversationState = { ...state, awaiting: undefined, misses: 0 };
  const chosen = u.intent === 'choose_option' ? u.chosenOptionId : undefined;
  if (awaiting.kind === 'rating') {
    const rating = chosen?.startsWith('rating-') ? Number(chosen.slice(7)) : bareRating(text);
    if (!rating) return undefined;
    const comment = text.replace(/^\s*[1-5]\s*[-–:.,!]?\s*/, '').trim();
    return {
      state: next, replies: [{ text: say(state.lang, 'ratingThanks') }],
      commands: [{ kind: 'record_rating', ref: awaiting.ref, rating, ...(comment && !/^\d+$/.test(comment) ? { comment } : {}) }],
    };
  }
  const answer = bookingAnswer(chosen, u, text);
  if (!answer) return undefined;
  if (answer === 'confirm') return { state: next, replies: [], commands: [{ kind: 'confirm_attendance', bookingId: awaiting.bookingId }] };
  if (answer === 'cancel') {
    return { state: { ...next, pendingAction: 'cancel', stage: 'choosing_cancel' }, replies: [], commands: [{ kind: 'cancel_booking', bookingId: awaiting.bookingId }] };
  }
  return {
    state: { ...next, pendingAction: 'reschedule', changingBookingId: awaiting.bookingId, serviceId: awaiting.serviceId, when: undefined,
      offers: [], stage: 'asking_when' },
    replies: [{ text: say(state.lang, 'rescheduleWhen', { slot: awaiting.label }) }],
    commands: [],
  };
}

function bookingAnswer(chosen: string | undefined, u: Understanding, text: string) {
  if (chosen === 'booking-confirm') return 'confirm';
  if (chosen === 'booking-reschedule') return 'reschedule';
  if (chosen === 'booking-cancel') return 'cancel';
  const bare = text.trim().match(/^([1-3])\s*[.)!]?$/);
  if (bare) return (['confirm', 'reschedule', 'cancel'] as const)[Number(bare[1]) - 1];
  if (u.intent === 'cancel') return 'cancel';
  if (u.intent === 'reschedule') return 'reschedule';
  const said = normalise(text);
  if (u.intent === 'affirm' || CONFIRM_WORDS.some((w) => said === normalise(w) || said.startsWith(`${normalise(w)} `))) return 'confirm';
  return undefined;
}

/** "5", "4 estrellas", "5/5", "⭐⭐⭐⭐" as a rating from 1 to 5. */
function bareRating(text: string): number | undefined {
  const t = text.trim();
  const stars = [...t].filter((c) => c === '⭐' || c === '★').length;
  if (stars >= 1 && stars <= 5 && t.replace(/[⭐★\s]/gu, '') === '') return stars;
  const m = t.match(/^([1-5])(\s*(\/\s*5|estrelas?|estrellas?|stars?|de 5|out of 5))?\b/i);
  return m ? Number(m[1]) : undefined;
}
