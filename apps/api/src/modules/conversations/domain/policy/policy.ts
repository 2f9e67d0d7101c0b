import type { Intent, Understanding } from '../nlu/types';
import { formatHours, displayLocale } from './format';
import { priceAnswer } from './quote';
import { looksLikeName, mayBeBareAnswer, rememberFields } from './qualification';
import { say } from './replies';
import { advanceBooking, onToolEvent, chooseOffer, confirmBooking, continueFlow, declineBooking, startFindingBookings } from './booking-flow';
import type { ConversationState, PolicyContext, PolicyEvent, StepResult } from './types';
import { handoffRule, misunderstandingsBeforeHandoff } from './handoff';
import { changeOfMind, messageWhen, pickedByTime, refineWhen, unanswered } from './follow-up';
import { clearWinner } from './matches';
import { answerAwaited } from './awaited';
import { isOptInWord } from '../../../contacts/domain/consent';
import { consentGate } from './consent';

const STALE_AFTER_MS = 3 * 24 * 3600_000;
const INTERRUPTIONS = new Set<Intent>([
  'opt_out', 'erase_data', 'ask_human', 'cancel', 'reschedule', 'book', 'ask_price', 'ask_hours', 'ask_location', 'ask_services', 'goodbye',
]);

/**
 * The dialogue policy: pure. A customer message or a tool result goes in; the next state,
 * the replies and the tool calls to make come out. The service runs the tools and feeds their
 * results back until no command is left.
 */
export function step(state: ConversationState, event: PolicyEvent, ctx: PolicyContext): StepResult {
  if (event.kind !== 'message') return onToolEvent(state, event, ctx);
  const gated = consentGate(state, event, ctx, (granted, held) => step(granted, { kind: 'message', ...held }, ctx));
  if (gated) return gated;
  // "START", "VOLTAR", "ALTA" after opting out is a hello again, whatever else the words look like.
  const resubscribes = state.stage === 'opted_out' && isOptInWord(event.text);
  return onMessage(state, resubscribes ? { ...event.understanding, intent: 'greet' } : event.understanding, event.text, ctx, event.knowledge);
}

function onMessage(
  previous: ConversationState, heard: Understanding, text: string, ctx: PolicyContext, knowledge?: { id: string; answer: string },
): StepResult {
  const u = asAnswer(heard, text, previous);
  const stale = ctx.now - previous.lastActivityAt > STALE_AFTER_MS && previous.stage !== 'idle';
  let state: ConversationState = stale
    ? { ...previous, stage: 'idle', offers: [], chosen: undefined, holdId: undefined, when: undefined, serviceId: undefined, cancelCandidates: [] }
    : { ...previous };
  state = rememberFields(remember({ ...state, lang: u.lang, lastActivityAt: ctx.now }, u, text), u, text, ctx);
  const reply = (key: Parameters<typeof say>[1], vars: Record<string, string> = {}, sources: string[] = []) =>
    ({ state: { ...state, misses: 0 }, replies: [{ text: say(state.lang, key, vars), sources }], commands: [] });

  if (state.stage === 'opted_out' && u.intent !== 'greet' && u.intent !== 'book') return { state, replies: [], commands: [] };
  const awaited = answerAwaited(state, u, text, ctx);
  if (awaited) return awaited;
  state = { ...state, awaiting: undefined };
  const rule = u.intent === 'opt_out' || u.intent === 'erase_data' ? undefined : handoffRule(u, text, ctx);
  if (rule) return handOff(state, rule);
  const faq = knowledge && { text: knowledge.answer, sources: [`knowledge.${knowledge.id}`] };
  // While answering our questions, anything that is not a new request is an answer; a question
  // the FAQ answers gets its answer, then ours is asked again.
  if (state.stage === 'qualifying' && !INTERRUPTIONS.has(u.intent)) {
    // "What does Flexoraa do?" is a question for us, not the answer to "what would you like help with?".
    if (faq && isQuestion(text)) state = unanswered(state, previous);
    const answered = state.askingField !== undefined && state.fields[state.askingField] !== previous.fields[state.askingField];
    const next = continueFlow({ ...state, misses: 0 }, ctx);
    return faq && !answered ? { ...next, replies: [faq, ...next.replies] } : next;
  }
  // A question the FAQ answers gets that answer, word for word, unless it is clearly something else.
  if (faq && (u.intent === 'out_of_scope' || u.intent === 'inform' || u.confidence < 0.5)) {
    return { state: { ...state, misses: 0 }, replies: [faq], commands: [] };
  }
  const picked = pickedByTime(state, u, ctx.timeZone);
  if (picked) return chooseOffer(state, picked.id, ctx);
  const changed = changeOfMind(state, u, ctx.timeZone);
  if (changed === 'drop') return declineBooking(state);
  if (changed) {
    // Another time: the slot held for the old one is let go before searching again.
    const search = advanceBooking({ ...state, when: changed.search, holdId: undefined, chosen: undefined }, ctx);
    return state.holdId ? { ...search, commands: [{ kind: 'release_hold', holdId: state.holdId }, ...search.commands] } : search;
  }
  switch (u.intent) {
    case 'opt_out':
      return { state: { ...state, stage: 'opted_out' }, replies: [{ text: say(state.lang, 'optedOut') }], commands: [] };
    case 'ask_human':
      return handOff(state, 'customer asked for a person');
    case 'erase_data':
      // Approved by a manager (LGPD/GDPR): the customer hears that it is on its way, never that it is done.
      return { state: { ...state, misses: 0 }, replies: [{ text: say(state.lang, 'erasureRequested') }], commands: [{ kind: 'request_erasure' }] };
    case 'greet':
      if (state.serviceId || u.dateTimes.length) return advanceBooking(state, ctx);
      return { state: { ...state, stage: 'idle', misses: 0 }, replies: [{ text: ctx.greeting?.[state.lang] ?? say(state.lang, 'greet', { tenant: ctx.tenantName }) }], commands: [] };
    case 'ask_price': {
      const answer = priceAnswer(state, u, text, ctx);
      const prices = reply('prices', { list: answer.text }, answer.sources);
      // The FAQ may say what no price does ("do you charge extra for stairs?"): give both.
      return faq ? { ...prices, replies: [...prices.replies, faq] } : prices;
    }
    case 'ask_hours':
      return reply('hours', { list: formatHours(ctx.hours, displayLocale(state.lang, ctx.locale)).join('\n') }, ['schedules.hours']);
    case 'ask_location':
      return ctx.location?.address
        ? reply('location', { place: `${ctx.location.name}, ${ctx.location.address}` }, ['locations'])
        : reply('noLocation');
    case 'ask_services':
      return {
        state: { ...state, stage: 'choosing_service', misses: 0 },
        replies: [{ text: say(state.lang, 'services', { list: ctx.services.map((s) => s.name).join(', ') }),
          options: ctx.services.map((s) => ({ id: s.id, label: s.name })), sources: ['catalogue.services'] }],
        commands: [],
      };
    case 'thanks':
      return reply('thanks');
    case 'goodbye':
      return reply('goodbye');
    case 'cancel':
    case 'reschedule':
      return startFindingBookings({ ...state, misses: 0 }, u.intent, ctx);
    case 'choose_option':
      return chooseOffer(state, u.chosenOptionId, ctx);
    case 'affirm':
      return state.stage === 'confirming' ? confirmBooking(state, ctx) : advanceBooking(state, ctx);
    case 'deny':
      return ['confirming', 'offering', 'asking_name'].includes(state.stage) ? declineBooking(state) : reply('declined');
    case 'book':
      return advanceBooking({ ...state, stage: state.stage === 'idle' ? 'choosing_service' : state.stage }, ctx);
    case 'inform':
      if (state.stage !== 'idle') return continueFlow(state, ctx);
      // "un corte mañana a las 17" with nothing before it: that is a booking request; so is
      // asking for a service on a day ("¿tenés algo para barba el martes?").
      if (!isQuestion(text) && (u.entities.services.length || u.dateTimes.length)) return advanceBooking({ ...state, misses: 0 }, ctx);
      if (u.entities.services.length && u.dateTimes.length) return advanceBooking({ ...state, misses: 0 }, ctx);
      break;
    default:
      if (state.stage !== 'idle' && madeProgress(previous, state)) return continueFlow(state, ctx);
  }
  // A question nobody configured an answer to goes to a person rather than getting a made-up one.
  if (isQuestion(text)) {
    return ctx.handoff?.unansweredQuestions === 'say_unknown' ? reply('noAnswer') : handOff(state, 'question without a configured answer');
  }
  const misses = state.misses + 1;
  if (misses >= misunderstandingsBeforeHandoff(ctx)) return handOff({ ...state, misses }, `did not understand ${misses} times`);
  return { state: { ...state, misses }, replies: [{ text: say(state.lang, 'notUnderstood') }], commands: [] };
}

const ASKING = new Set<Intent>(['ask_price', 'ask_hours', 'ask_location', 'ask_services']);
const QUESTION_START = /^\s*(how|what|where|when|which|do you|does|is there|are you|can i|quanto|quanta|qual|quais|onde|quando|como|voc[eê]s|tem |cu[aá]nto|cu[aá]l|d[oó]nde|cu[aá]ndo|c[oó]mo|tienen|hay )/i;

/**
 * While we wait for an answer, a statement that merely mentions money or time ("around
 * 50,000 a month" to "what is your budget?") is that answer, not a question about prices.
 */
function asAnswer(u: Understanding, text: string, state: ConversationState): Understanding {
  const waiting = state.stage === 'qualifying' || state.stage === 'asking_name';
  return waiting && ASKING.has(u.intent) && !text.includes('?') && !QUESTION_START.test(text) ? { ...u, intent: 'inform' } : u;
}

/** Keeps what the customer told us, wherever in the conversation they said it. */
function remember(state: ConversationState, u: Understanding, text: string): ConversationState {
  const e = u.entities;
  const nameAsked = state.stage === 'asking_name' && !e.personName && mayBeBareAnswer(u) && looksLikeName(text);
  const answering = (state.stage === 'qualifying' || state.stage === 'asking_name') && mayBeBareAnswer(u);
  return {
    ...state,
    serviceId: clearWinner(e.services, 0.6)?.id ?? state.serviceId,
    // An answer to our questions is about the customer: "Priya Sharma" is not the rep Ananya
    // Sharma, and "within a month" answering "when would you like it running?" is not when to meet.
    staffId: (answering ? undefined : clearWinner(e.staff, 0.7)?.id) ?? state.staffId,
    when: answering ? state.when : refineWhen(state.when, messageWhen(u.dateTimes)),
    customer: {
      name: e.personName ?? (nameAsked ? text.trim() : state.customer.name),
      phone: e.phone ?? state.customer.phone,
      email: e.email ?? state.customer.email,
    },
  };
}

/** A real question in words ("vocês dão aula de xadrez?"), not "???" or an emoji. */
function isQuestion(text: string): boolean {
  return text.includes('?') && (text.match(/\p{L}{2,}/gu) ?? []).length >= 2;
}


function madeProgress(before: ConversationState, after: ConversationState): boolean {
  return before.serviceId !== after.serviceId || before.when !== after.when
    || before.customer.name !== after.customer.name || before.customer.phone !== after.customer.phone
    || Object.keys(before.fields).length !== Object.keys(after.fields).length;
}

export function handOff(state: ConversationState, reason: string): StepResult {
  return {
    state: { ...state, stage: 'handoff', misses: 0 },
    replies: [{ text: say(state.lang, 'handoff') }],
    commands: [{ kind: 'hand_off', reason }],
  };
}
