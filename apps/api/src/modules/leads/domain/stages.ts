import type { LeadStage } from '@frontdesk/contracts';

const FORWARD: LeadStage[] = ['new', 'engaged', 'qualified', 'booked', 'attended', 'won'];

/**
 * Where an automatic move takes a lead: only forward, never out of won or lost (a person decided
 * those), and nothing when it is already there or beyond.
 */
export function advance(current: LeadStage, target: LeadStage): LeadStage | null {
  if (current === 'won' || current === 'lost' || target === 'lost') return null;
  return FORWARD.indexOf(target) > FORWARD.indexOf(current) ? target : null;
}

/** The later of two stages (merging two leads of one person keeps the further one). */
export function furthest(a: LeadStage, b: LeadStage): LeadStage {
  if (a === 'lost' || b === 'lost') return a === 'lost' ? b : a;
  return FORWARD.indexOf(a) >= FORWARD.indexOf(b) ? a : b;
}

const GREETINGS = new Set(['greet', 'thanks', 'goodbye', 'out_of_scope', 'opt_out']);
/** A turn shows interest when the customer asked for something, not just said hello. */
export const showsInterest = (intent: string | null | undefined): boolean => !!intent && !GREETINGS.has(intent);

/** Every qualification question has an answer. */
export const isQualified = (questionKeys: string[], fields: Record<string, string>): boolean =>
  questionKeys.length > 0 && questionKeys.every((k) => fields[k]?.trim());
