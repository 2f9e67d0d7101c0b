import type { AtRiskCustomer } from '@frontdesk/contracts';

export interface RiskWords {
  lapsed(days: number, usual: string): string;
  missed(n: number): string;
  since(date: string): string;
}
export interface RiskFormat { localDate(date: string): string; number(n: number): string }

/** Why the customer is at risk, in words: "34 days since the last visit; usually every 21 days (at risk since 22 Mar 2026)". */
export function riskReason(item: AtRiskCustomer, words: RiskWords, fmt: RiskFormat): string {
  const why = item.reason === 'lapsed'
    ? words.lapsed(item.daysSince ?? 0, fmt.number(item.usualIntervalDays ?? 0))
    : words.missed(item.missedInARow ?? 0);
  return `${why} (${words.since(fmt.localDate(item.since))})`;
}

/** The at-risk entries by contact id (the customers list flags its rows from it). */
export function riskById(items: readonly AtRiskCustomer[] | undefined): Map<string, AtRiskCustomer> {
  return new Map((items ?? []).map((i) => [i.contactId, i]));
}
