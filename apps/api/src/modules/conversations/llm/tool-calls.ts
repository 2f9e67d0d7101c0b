import type { ConversationState } from '../domain/policy/types';
import { book, cancelBooking, findMyBookings, findSlots, holdSlot, rescheduleBooking } from './booking-tools';
import type { ToolCall } from './client';
import { businessInfo, handOff, quote, searchKnowledge } from './info-tools';
import { refuse, type ToolEnv, type ToolOutcome } from './tool-env';
import { isToolName, toolArgs, type ToolArgs, type ToolName } from './tool-specs';

type Handlers = { [N in ToolName]: (env: ToolEnv, state: ConversationState, args: ToolArgs<N>) => ToolOutcome | Promise<ToolOutcome> };
const handlers: Handlers = {
  find_slots: findSlots,
  hold_slot: holdSlot,
  book,
  find_my_bookings: findMyBookings,
  cancel_booking: cancelBooking,
  reschedule_booking: rescheduleBooking,
  quote,
  business_info: businessInfo,
  search_knowledge: searchKnowledge,
  hand_off: handOff,
};

/** One tool call from the model: arguments checked, then run like the embedded engine's tools. */
export async function runToolCall(env: ToolEnv, state: ConversationState, call: ToolCall): Promise<ToolOutcome> {
  const name = call.function.name;
  if (!isToolName(name)) return refuse(state, `no tool named ${name}`);
  let raw: unknown;
  try {
    raw = JSON.parse(call.function.arguments || '{}');
  } catch {
    return refuse(state, 'the arguments are not valid JSON');
  }
  const parsed = toolArgs[name].safeParse(raw);
  if (!parsed.success) {
    return refuse(state, `invalid arguments: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; ')}`);
  }
  const handler = handlers[name] as (env: ToolEnv, state: ConversationState, args: unknown) => ToolOutcome | Promise<ToolOutcome>;
  return handler(env, state, parsed.data);
}
