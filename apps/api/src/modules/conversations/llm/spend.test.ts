import { describe, expect, it } from 'vitest';
import { capReached, costOf, estimateUsage, rateCardFor } from './spend';

describe('LLM spend', () => {
  it('costs tokens with the rate card, in minor units', () => {
    const card = { inputPerMillion: 15, outputPerMillion: 60 };
    expect(costOf({ promptTokens: 2_000_000, completionTokens: 500_000 }, card)).toBe(60);
    expect(costOf({ promptTokens: 1000, completionTokens: 100 }, card)).toBeCloseTo(0.021, 10);
    expect(costOf({ promptTokens: 1000, completionTokens: 100 }, undefined)).toBe(0);
  });

  it("prefers the tenant's pricing over the list price", () => {
    const own = { inputPerMillion: 1, outputPerMillion: 2 };
    expect(rateCardFor('gpt-4o-mini', own, 'USD')).toBe(own);
    expect(rateCardFor('gpt-4o-mini', null, 'USD')).toEqual({ inputPerMillion: 15, outputPerMillion: 60 });
  });

  it('matches dated model names to the longest known prefix, and only for USD caps', () => {
    expect(rateCardFor('gpt-4o-mini-2024-07-18', null, 'USD')).toEqual({ inputPerMillion: 15, outputPerMillion: 60 });
    expect(rateCardFor('gpt-4o-2024-08-06', null, 'USD')).toEqual({ inputPerMillion: 250, outputPerMillion: 1000 });
    expect(rateCardFor('gpt-4o-mini', null, 'BRL')).toBeUndefined();
    expect(rateCardFor('llama3.2', null, 'USD')).toBeUndefined();
  });

  it('is at the cap once spend reaches it', () => {
    const cap = { amount: 300 };
    expect(capReached(299.99, cap)).toBe(false);
    expect(capReached(300, cap)).toBe(true);
    expect(capReached(1e9, null)).toBe(false);
  });

  it('estimates tokens when a provider sends no usage', () => {
    expect(estimateUsage(400, 10)).toEqual({ promptTokens: 100, completionTokens: 3 });
  });
});
