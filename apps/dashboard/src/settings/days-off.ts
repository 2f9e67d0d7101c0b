/**
 * A resource's days off are date overrides with no hours (the API's `overrides`); overrides that
 * change the hours of a date are kept as they are. Dates are local (YYYY-MM-DD) in the resource's zone.
 */
export interface Override { date: string; intervals: [string, string][] }

export const daysOffOf = (overrides: readonly Override[]): string[] =>
  overrides.filter((o) => o.intervals.length === 0).map((o) => o.date).sort();

export function withDayOff(overrides: readonly Override[], date: string): Override[] {
  return [...overrides.filter((o) => o.date !== date), { date, intervals: [] }].sort((a, b) => a.date.localeCompare(b.date));
}

export const withoutDayOff = (overrides: readonly Override[], date: string): Override[] =>
  overrides.filter((o) => !(o.date === date && o.intervals.length === 0));
