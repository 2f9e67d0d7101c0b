/**
 * How SGD's user dialogue acts map to the product's intents, and back (for act prediction).
 *
 * Gold product intents of a turn (annotation "full" only; "state_only" turns carry no acts):
 *   INFORM_INTENT BookAppointment / AddEvent → book
 *   INFORM_INTENT FindProvider               → book   (asking a front desk for a stylist/dentist/
 *                                                      doctor/therapist starts a booking; the
 *                                                      product has no separate "search" intent)
 *   INFORM_INTENT GetAvailableTime / GetEvents → none (reading the user's own calendar)
 *   AFFIRM_INTENT → affirm or book   (a yes to "shall I book it?")
 *   NEGATE_INTENT → deny
 *   AFFIRM → affirm;  NEGATE → deny
 *   SELECT → affirm or choose_option (accepting the one provider/slot the system offered)
 *   THANK_YOU → thanks;  GOODBYE → goodbye
 *   REQUEST street_address | address | city → ask_location
 *   REQUEST offers_cosmetic_services | is_unisex → ask_services
 *   REQUEST phone_number | average_rating → none;  REQUEST_ALTS → none
 *   INFORM → inform, but only when the turn has no other act: the product's "inform" is the
 *           residual label for messages that give data and express no other intent. While a
 *           booking task is active (the turn's state intent is BookAppointment, AddEvent or
 *           FindProvider) book is accepted too: "Book it on March 6th" gives the date and restates
 *           the active intent, and the policy fills the booking's details either way.
 *   NEGATE + INFORM (a correction of details the system read back: "No, change it to the 8th")
 *           → deny, inform or reschedule (+ book while a booking is active).
 * A turn whose acts map to several intents ("No, thank you" = NEGATE + THANK_YOU) is correct when
 * the top intent is any of them (intentAccuracy); intentAccuracyStrict uses one label per turn,
 * the first mapped act in PRIORITY order. A turn whose only non-INFORM acts have no product
 * intent is excluded (and counted).
 */
import type { Intent } from '../domain/nlu/types';

export interface SgdAct { domain?: string; act: string; slot?: string; values?: string[] }

const INTENT_VALUE: Record<string, Intent | null> = {
  BookAppointment: 'book', AddEvent: 'book', FindProvider: 'book', GetAvailableTime: null, GetEvents: null,
};
const REQUEST_SLOT: Record<string, Intent | null> = {
  street_address: 'ask_location', address: 'ask_location', city: 'ask_location',
  offers_cosmetic_services: 'ask_services', is_unisex: 'ask_services', phone_number: null, average_rating: null,
};
const PRIORITY = ['INFORM_INTENT', 'AFFIRM_INTENT', 'NEGATE_INTENT', 'NEGATE', 'AFFIRM', 'SELECT', 'REQUEST', 'GOODBYE', 'THANK_YOU', 'INFORM'];

export const SGD_MAPPING = {
  'INFORM_INTENT BookAppointment': ['book'],
  'INFORM_INTENT AddEvent': ['book'],
  'INFORM_INTENT FindProvider': ['book'],
  'INFORM_INTENT GetAvailableTime': 'excluded (user calendar lookup, no product intent)',
  'INFORM_INTENT GetEvents': 'excluded (user calendar lookup, no product intent)',
  AFFIRM_INTENT: ['affirm', 'book'],
  NEGATE_INTENT: ['deny'],
  AFFIRM: ['affirm'],
  NEGATE: ['deny'],
  SELECT: ['affirm', 'choose_option'],
  THANK_YOU: ['thanks'],
  GOODBYE: ['goodbye'],
  'REQUEST street_address|address|city': ['ask_location'],
  'REQUEST offers_cosmetic_services|is_unisex': ['ask_services'],
  'REQUEST phone_number|average_rating': 'excluded (no product intent)',
  REQUEST_ALTS: 'excluded (no product intent)',
  INFORM: ['inform (only when the turn has no other act); also book while the state intent is BookAppointment/AddEvent/FindProvider'],
  'NEGATE + INFORM': ['deny', 'inform', 'reschedule', 'book (while a booking is active)'],
  scoring: 'intentAccuracy: top intent ∈ mapped intents of the turn\'s acts; intentAccuracyStrict: top intent = first mapped act in order ' + PRIORITY.join(' > '),
} as const;

function intentsOfAct(a: SgdAct): Intent[] | null {
  switch (a.act) {
    case 'INFORM_INTENT': { const v = INTENT_VALUE[a.values?.[0] ?? '']; return v ? [v] : null; }
    case 'AFFIRM_INTENT': return ['affirm', 'book'];
    case 'NEGATE_INTENT': case 'NEGATE': return ['deny'];
    case 'AFFIRM': return ['affirm'];
    case 'SELECT': return ['affirm', 'choose_option'];
    case 'THANK_YOU': return ['thanks'];
    case 'GOODBYE': return ['goodbye'];
    case 'REQUEST': { const v = REQUEST_SLOT[a.slot ?? '']; return v ? [v] : null; }
    default: return null;
  }
}

export type GoldIntent = { accepted: Intent[]; strict: Intent; key: string } | { excluded: string };

const BOOKING_STATES = new Set(['BookAppointment', 'AddEvent', 'FindProvider']);

export function goldIntent(acts: SgdAct[] | null, stateIntent?: string | null): GoldIntent {
  const booking = BOOKING_STATES.has(stateIntent ?? '');
  if (!acts?.length) return { excluded: 'no user acts (state_only annotation)' };
  const accepted = new Set<Intent>();
  let strict: { rank: number; intent: Intent; key: string } | undefined;
  const unmapped: string[] = [];
  for (const a of acts) {
    if (a.act === 'INFORM') continue;
    const mapped = intentsOfAct(a);
    const key = a.act === 'INFORM_INTENT' ? `INFORM_INTENT ${a.values?.[0]}` : a.act === 'REQUEST' ? `REQUEST ${a.slot}` : a.act;
    if (!mapped) { unmapped.push(key); continue; }
    for (const i of mapped) accepted.add(i);
    const rank = PRIORITY.indexOf(a.act);
    const first = mapped[0];
    if (first && (!strict || rank < strict.rank)) strict = { rank, intent: first, key };
  }
  const informs = acts.some((a) => a.act === 'INFORM');
  if (strict && informs && acts.some((a) => a.act === 'NEGATE')) {
    for (const i of ['inform', 'reschedule', ...(booking ? ['book'] as const : [])] as const) accepted.add(i);
    return { accepted: [...accepted], strict: strict.intent, key: 'NEGATE + INFORM' };
  }
  if (strict) return { accepted: [...accepted], strict: strict.intent, key: strict.key };
  if (unmapped.length) return { excluded: `unmapped act: ${[...new Set(unmapped)].sort().join(' + ')}` };
  if (informs) return { accepted: booking ? ['inform', 'book'] : ['inform'], strict: 'inform', key: 'INFORM' };
  return { excluded: 'no mapped act' };
}

/**
 * Act types predicted from the product's intents, read against the previous system acts and
 * the task already under way (as the dialogue policy knows them): a yes to details read back
 * (CONFIRM), to a failed attempt or to a question is AFFIRM, a yes to an offered provider or
 * slot is SELECT; "book" while a booking is already active only informs.
 */
export function actsFromIntents(intents: Intent[], contextActs: SgdAct[], activeBefore?: string | null, text = ''): Set<string> {
  const ctx = new Set(contextActs.map((a) => a.act));
  const offeredIntent = ctx.has('OFFER_INTENT');
  // While searching for a provider, "book" starts a new task only when it says so.
  const bookingActive = activeBefore === 'BookAppointment' || activeBefore === 'AddEvent'
    || (activeBefore === 'FindProvider' && !/\b(?:book|appointment|schedule|reserve|reservation|visit)\b/i.test(text));
  const yesAct = ctx.has('CONFIRM') || ctx.has('NOTIFY_FAILURE') || ctx.has('REQUEST') ? 'AFFIRM' : ctx.has('OFFER') || ctx.has('INFORM') ? 'SELECT' : 'AFFIRM';
  const acts = new Set<string>();
  for (const i of intents) {
    switch (i) {
      case 'book': acts.add(offeredIntent ? 'AFFIRM_INTENT' : bookingActive ? 'INFORM' : 'INFORM_INTENT'); break;
      case 'affirm': acts.add(offeredIntent ? 'AFFIRM_INTENT' : yesAct); break;
      case 'choose_option': acts.add('SELECT'); break;
      case 'deny': acts.add(offeredIntent ? 'NEGATE_INTENT' : 'NEGATE'); break;
      case 'thanks': acts.add('THANK_YOU'); break;
      case 'goodbye': acts.add('GOODBYE'); break;
      case 'ask_location': case 'ask_services': case 'ask_price': case 'ask_hours': acts.add('REQUEST'); break;
      case 'inform': acts.add('INFORM'); break;
      default: break;
    }
  }
  return acts;
}
