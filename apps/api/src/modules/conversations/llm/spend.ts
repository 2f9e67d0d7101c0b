/** What a completion cost, from its token usage and a rate card; pure. */
export interface RateCard { inputPerMillion: number; outputPerMillion: number }
export interface TokenUsage { promptTokens: number; completionTokens: number }

/**
 * List prices (US cents per million tokens) of a few well-known models, used only when the cap
 * is in USD and the tenant configured no pricing of its own. Prices change: tenant pricing wins.
 */
const USD_LIST_PRICES: Record<string, RateCard> = {
  'gpt-4o-mini': { inputPerMillion: 15, outputPerMillion: 60 },
  'gpt-4o': { inputPerMillion: 250, outputPerMillion: 1000 },
  'gpt-4.1-nano': { inputPerMillion: 10, outputPerMillion: 40 },
  'gpt-4.1-mini': { inputPerMillion: 40, outputPerMillion: 160 },
  'gpt-4.1': { inputPerMillion: 200, outputPerMillion: 800 },
};

/** The tenant's pricing, else the model's list price when the cap is in USD (longest name prefix wins). */
export function rateCardFor(model: string, pricing: RateCard | null | undefined, currency: string): RateCard | undefined {
  if (pricing) return pricing;
  if (currency !== 'USD') return undefined;
  const known = Object.keys(USD_LIST_PRICES).filter((name) => model === name || model.startsWith(`${name}-`));
  const best = known.sort((a, b) => b.length - a.length)[0];
  return best ? USD_LIST_PRICES[best] : undefined;
}

/** Cost in minor units of the card's currency (fractional). */
export function costOf(usage: TokenUsage, card: RateCard | undefined): number {
  if (!card) return 0;
  return (usage.promptTokens * card.inputPerMillion + usage.completionTokens * card.outputPerMillion) / 1_000_000;
}

export function capReached(spent: number, cap: { amount: number } | null): boolean {
  return cap !== null && spent >= cap.amount;
}

/** Providers that leave `usage` out still cost something: about four characters per token. */
export function estimateUsage(promptChars: number, completionChars: number): TokenUsage {
  return { promptTokens: Math.ceil(promptChars / 4), completionTokens: Math.ceil(completionChars / 4) };
}
