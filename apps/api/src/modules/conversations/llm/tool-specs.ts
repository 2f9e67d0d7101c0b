import { z } from 'zod';
import type { ToolSpec } from './client';

/** The tools the model may call: each is checked with its schema, then run by the server. */
const offerId = z.string().describe('an offerId that find_slots returned, e.g. slot-1');
export const toolArgs = {
  find_slots: z.object({
    serviceId: z.string().describe('a service id from the system message'),
    staffId: z.string().optional().describe('a staff id, only when the customer asked for that person'),
    date: z.iso.date().optional().describe('YYYY-MM-DD in the business time zone; omit to search the next two weeks'),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).optional().describe('HH:MM (24 h), the time the customer asked for'),
    partOfDay: z.enum(['morning', 'afternoon', 'evening', 'night']).optional(),
  }),
  hold_slot: z.object({ offerId }),
  book: z.object({
    offerId,
    name: z.string().trim().min(1).max(200).describe("the customer's name as they gave it"),
    phone: z.string().max(40).optional().describe('as the customer wrote it'),
    email: z.string().max(320).optional(),
  }),
  find_my_bookings: z.object({ phone: z.string().max(40).optional(), email: z.string().max(320).optional() }),
  cancel_booking: z.object({ bookingId: z.string().describe('a bookingId that find_my_bookings or book returned') }),
  reschedule_booking: z.object({ bookingId: z.string(), offerId }),
  quote: z.object({
    serviceId: z.string().optional().describe('a bookable service; omit for the price list'),
    subjects: z.array(z.string().max(100)).max(10).optional().describe('subject names, when prices are per subject'),
  }),
  business_info: z.object({ topic: z.enum(['hours', 'location']) }),
  search_knowledge: z.object({ query: z.string().min(1).max(500).describe("the customer's question") }),
  hand_off: z.object({ reason: z.string().max(300) }),
} as const;
export type ToolName = keyof typeof toolArgs;
export type ToolArgs<N extends ToolName> = z.infer<(typeof toolArgs)[N]>;

const descriptions: Record<ToolName, string> = {
  find_slots: 'Free times for a service. Returns up to three offers with labels to show the customer.',
  hold_slot: 'Holds an offered time for ten minutes while the customer decides.',
  book: 'Books an offered time in the customer\'s name (holds it first when needed). Confirm with the customer before calling.',
  find_my_bookings: 'The customer\'s upcoming bookings, found by the phone or e-mail they gave.',
  cancel_booking: 'Cancels one of the customer\'s bookings.',
  reschedule_booking: 'Moves one of the customer\'s bookings to an offered time.',
  quote: 'Prices, from the business\'s configured prices only.',
  business_info: 'Opening hours or the address.',
  search_knowledge: 'The business\'s own answer to a question (policies, what to bring, …), word for word.',
  hand_off: 'Passes the conversation to a person on the team.',
};

export function isToolName(name: string): name is ToolName {
  return Object.hasOwn(toolArgs, name);
}

export const toolSpecs: ToolSpec[] = (Object.keys(toolArgs) as ToolName[]).map((name) => {
  const { $schema: _ignored, ...parameters } = z.toJSONSchema(toolArgs[name]) as Record<string, unknown>;
  return { type: 'function', function: { name, description: descriptions[name], parameters } };
});
