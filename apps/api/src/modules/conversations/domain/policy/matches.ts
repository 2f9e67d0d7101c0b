import type { Match } from '../nlu/types';

/** The best match if it is good enough, or a weaker one that clearly leads every other. */
export function clearWinner(matches: Match[], good: number): Match | undefined {
  const [first, second] = matches;
  if (!first) return undefined;
  if (first.score >= good) return first;
  return first.score >= 0.4 && (!second || first.score - second.score >= 0.2) ? first : undefined;
}
