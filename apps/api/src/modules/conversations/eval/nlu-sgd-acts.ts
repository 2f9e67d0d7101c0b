/**
 * SGD act types the product has no intent for, recognised by this adapter only: requests for a
 * provider's phone number / rating, requests for alternatives, and calendar look-ups
 * ("when am I free") which SGD labels INFORM_INTENT GetAvailableTime / GetEvents.
 */
import type { SgdAct } from './nlu-sgd-map';

const REQUEST = /\b(?:phone(?: number)?|number|contact|call them|ratings?|rated|reviews?|stars?|address|located|location|where (?:is|are)|cosmetic|unisex)\b[^.!]*\?|\b(?:what|which|tell me|give me|know|get|send|need|want)\b[^.!?]*\b(?:phone(?: number)?|rating|address|located|location)\b|\b(?:do|does|are|is) (?:they|it|you|she|he)\b[^.!?]*\b(?:cosmetic|unisex)\b/i;
const ALTS = /\b(?:any ?(?:one|body|thing|where)? else|another|any other|other (?:options?|ones?|dentists?|doctors?|salons?|stylists?|therapists?|results?|times?|places?|suggestions?)|something else|someone else|different (?:one|dentist|doctor|salon|stylist|therapist|place|option)|more options|keep looking|continue (?:looking|searching)|search again|look for more|anything else available|else is available)\b/i;
const CALENDAR = /\b(?:am i (?:free|available|busy)|i(?: a|')m (?:free|available)|my (?:calendar|schedule|availability|events?|appointments)|free time|when (?:am i|i am|i'm) (?:free|available)|(?:check|see|view|show|look at|review) (?:my )?(?:calendar|schedule|events?)|what(?:'s| is) on my|do i have (?:anything|any events?|plans))\b/i;

export function extraSgdActs(text: string, contextActs: SgdAct[], already: Set<string>): string[] {
  const out: string[] = [];
  if (!already.has('REQUEST') && REQUEST.test(text)) out.push('REQUEST');
  const offered = contextActs.some((a) => a.act === 'OFFER' || a.act === 'INFORM' || a.act === 'INFORM_COUNT');
  if (offered && ALTS.test(text) && !/\b(?:anything else|something else)\b[^.!?]*\?\s*$/i.test(text.replace(/available/g, ''))) out.push('REQUEST_ALTS');
  if (!already.has('INFORM_INTENT') && !already.has('AFFIRM_INTENT') && CALENDAR.test(text)) out.push('INFORM_INTENT');
  return out;
}
