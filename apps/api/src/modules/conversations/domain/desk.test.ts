import { describe, expect, it } from 'vitest';
import { normaliseTags } from './desk';

describe('conversation tags', () => {
  it('are trimmed, lower-cased and kept once each, in the order first given', () => {
    expect(normaliseTags([' VIP', 'follow-up', 'vip', '', 'Follow-Up ', 'quote'])).toEqual(['vip', 'follow-up', 'quote']);
  });
  it('may be none', () => {
    expect(normaliseTags([])).toEqual([]);
  });
});
