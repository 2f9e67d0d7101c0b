import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containingInterval, mergeIntervals, overlapsAny, unionSorted, upperBound } from './intervals';

describe('interval sets', () => {
  it('mergeIntervals sorts, merges overlapping and touching, drops empty', () => {
    expect(mergeIntervals([5, 1, 3, 10, 20], [7, 2, 5, 10, 25])).toEqual({ starts: [1, 3, 20], ends: [2, 7, 25] });
    expect(mergeIntervals([], [])).toEqual({ starts: [], ends: [] });
  });

  it('overlapsAny and containingInterval agree with a linear scan', () => {
    const arb = fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 30 })), { maxLength: 20 });
    fc.assert(fc.property(arb, fc.integer({ min: -10, max: 240 }), fc.integer({ min: 1, max: 40 }), (raw, a, len) => {
      const set = mergeIntervals(raw.map((r) => r[0]), raw.map((r) => r[0] + r[1]));
      const b = a + len;
      const linear = raw.some(([s, l]) => l > 0 && s < b && s + l > a);
      expect(overlapsAny(set, a, b)).toBe(linear);
      const flat = set.starts.flatMap((s, i) => [s, set.ends[i]!]);
      const i = containingInterval(flat, a, b);
      const expected = set.starts.findIndex((s, k) => s <= a && b <= set.ends[k]!);
      expect(i).toBe(expected < 0 ? -1 : 2 * expected);
    }));
  });

  it('upperBound', () => {
    expect(upperBound([1, 2, 2, 5], 2)).toBe(3);
    expect(upperBound([1, 2, 2, 5], 0)).toBe(0);
    expect(upperBound([1, 2, 2, 5], 9)).toBe(4);
    expect(upperBound([], 9)).toBe(0);
  });

  it('unionSorted dedupes identical lists and merges different ones', () => {
    const a = [1, 3, 5];
    expect(unionSorted([a, [1, 3, 5], []])).toEqual([1, 3, 5]);
    expect(unionSorted([a, [2, 3, 6]])).toEqual([1, 2, 3, 5, 6]);
    expect(unionSorted([])).toEqual([]);
    expect(unionSorted([a])).not.toBe(a);
  });
});
