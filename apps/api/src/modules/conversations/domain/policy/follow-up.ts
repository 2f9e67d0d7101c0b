import { instantToLocal } from '../../../../shared/time/zone';
import type { DateTimeMention, Intent, Understanding } from '../nlu/types';
import type { ConversationState, Offer } from './types';

const saysDay = (m: DateTimeMention) => !!(m.date || m.dateRange);
const saysTime = (m: DateTimeMention) => !!(m.time || m.timeRange || m.partOfDay);

/**
 * A follow-up refines what was asked before, as a receptionist would hear it: "às 9h" after
 * "segunda" means Monday at 9, and "e na sexta?" after "às 15h" keeps 15:00. A mention with
 * both a day and a time replaces the earlier one.
 */
export function refineWhen(before: DateTimeMention | undefined, said: DateTimeMention | undefined): DateTimeMention | undefined {
  if (!said || !before) return said ?? before;
  if (saysTime(said) && !saysDay(said) && saysDay(before)) {
    return { ...said, ...(before.date ? { date: before.date } : {}), ...(before.dateRange ? { dateRange: before.dateRange } : {}) };
  }
  if (saysDay(said) && !saysTime(said) && saysTime(before)) {
    const { time, timeRange, partOfDay } = before;
    return { ...said, ...(time ? { time } : {}), ...(timeRange ? { timeRange } : {}), ...(partOfDay ? { partOfDay } : {}) };
  }
  return said;
}

/** One message's mentions as one request: "sexta é melhor, de manhã" is Friday morning. */
export function messageWhen(mentions: DateTimeMention[]): DateTimeMention | undefined {
  const [first, ...rest] = mentions;
  if (!first) return undefined;
  const day = [first, ...rest].find(saysDay);
  const time = [first, ...rest].find(saysTime);
  if (!day || !time || day === time) return first;
  return refineWhen(day, { ...time, date: undefined, dateRange: undefined });
}

/** The one offered slot at the time (and day, when given) the customer asked for, if exactly one is. */
export function offerNamed(offers: Offer[], when: DateTimeMention | undefined, timeZone: string): Offer | undefined {
  if (!when?.time) return undefined;
  const fits = offers.filter((o) => {
    const local = instantToLocal(Date.parse(o.start), timeZone);
    return local.time.slice(0, 5) === when.time && (!when.date || local.date === when.date);
  });
  return fits.length === 1 ? fits[0] : undefined;
}

const PICKING = new Set<Intent>(['inform', 'book', 'affirm', 'thanks', 'choose_option']);

/**
 * While slots are on offer, a message that names a time ("15h", "10am is gr8 thx") or says yes
 * to the time the customer asked for picks the offered slot at that time.
 */
export function pickedByTime(state: ConversationState, u: Understanding, timeZone: string): Offer | undefined {
  if (state.stage !== 'offering' || u.chosenOptionId || !PICKING.has(u.intent)) return undefined;
  if (!u.dateTimes.length && u.intent !== 'affirm') return undefined;
  return offerNamed(state.offers, state.when, timeZone);
}

/**
 * "Cancel" or "another time" while a new booking is being made is about this booking, not an
 * old one: with no day named it drops it ("deixa pra outra hora"); "remarcar pra sexta" searches
 * again. A cancel that names a day still looks for an existing booking. With a slot put aside,
 * naming another day or time ("8am", "actually Monday") searches again too.
 */
export function changeOfMind(state: ConversationState, u: Understanding, timeZone: string): { search: DateTimeMention | undefined } | 'drop' | undefined {
  const held = state.stage === 'asking_name' || state.stage === 'confirming';
  if ((!held && state.stage !== 'offering') || state.changingBookingId) return undefined;
  if (u.intent === 'cancel' || u.intent === 'reschedule') {
    if (!u.dateTimes.length) return 'drop';
    return u.intent === 'reschedule' ? { search: asked(state, u) } : undefined;
  }
  const saysOther = held && state.chosen && u.dateTimes.length > 0 && CHANGING.has(u.intent) && !u.entities.personName;
  return saysOther && asksOtherThan(state.chosen!, asked(state, u), timeZone) ? { search: asked(state, u) } : undefined;
}

/** The day and time the customer asks for now, what they said before included. */
const asked = (state: ConversationState, u: Understanding) => refineWhen(state.when, messageWhen(u.dateTimes));

const CHANGING = new Set<Intent>(['inform', 'book', 'affirm', 'deny']);

/** Whether the day or time now asked for differs from the slot put aside. */
function asksOtherThan(chosen: Offer, when: DateTimeMention | undefined, timeZone: string): boolean {
  if (!when) return false;
  const slot = instantToLocal(Date.parse(chosen.start), timeZone);
  return (!!when.date && when.date !== slot.date) || (!!when.time && when.time !== slot.time.slice(0, 5));
}

/** The field we asked keeps its earlier value: this message was not its answer. */
export function unanswered(state: ConversationState, previous: ConversationState): ConversationState {
  const key = state.askingField;
  if (!key) return state;
  const { [key]: _given, ...fields } = state.fields;
  const before = previous.fields[key];
  return { ...state, fields: before === undefined ? fields : { ...fields, [key]: before } };
}
