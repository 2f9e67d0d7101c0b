import { describe, expect, it } from 'vitest';
import { advance, decodeCursor, encodeCursor, MAX_SEEN_IN_TOKEN, plausible } from './cursor';

describe('the stream cursor', () => {
  it('round-trips through its token', () => {
    for (const cursor of [{ watermark: 0n, seen: new Set<number>() }, { watermark: 751n, seen: new Set([12, 9, 40]) },
      { watermark: 2n ** 64n - 1n, seen: new Set([1]) }]) {
      expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    }
    expect(encodeCursor({ watermark: 751n, seen: new Set([12, 9, 40]) })).toBe('751-9.12.40');
  });

  it('keeps only the watermark when too many ids are seen (a resume may then repeat them, never skip)', () => {
    const seen = new Set(Array.from({ length: MAX_SEEN_IN_TOKEN + 1 }, (_, i) => i + 1));
    expect(encodeCursor({ watermark: 9n, seen })).toBe('9');
  });

  it('refuses what is not one of its tokens', () => {
    for (const token of [undefined, '', 'abc', '12-', '12-3..4', '-1', '12-3.x', '18446744073709551616', `1-${'1.'.repeat(MAX_SEEN_IN_TOKEN)}1`]) {
      expect(decodeCursor(token)).toBeUndefined();
    }
  });

  it('moves the watermark to the snapshot xmin and forgets what lies below it', () => {
    const events = [{ id: 7, tx: 100n }, { id: 5, tx: 104n }, { id: 9, tx: 104n }, { id: 8, tx: 110n }];
    expect(advance({ watermark: 90n, seen: new Set([1]) }, 104n, events)).toEqual({ watermark: 104n, seen: new Set([5, 9, 8]) });
  });

  it('never moves the watermark back', () => {
    expect(advance({ watermark: 120n, seen: new Set() }, 104n, [{ id: 8, tx: 121n }])).toEqual({ watermark: 120n, seen: new Set([8]) });
  });

  /**
   * Two writers: A (tx 100) writes event 1 and commits late; B (tx 101) writes event 2 and commits
   * first. A reader after B's commit sees only event 2, with xmin 100 (A still runs); after A's
   * commit, event 1 too. Its cursor, taken between the two, still finds event 1 on resume.
   */
  it('finds an event committed after a later one (ids out of commit order)', () => {
    const afterB = advance({ watermark: 95n, seen: new Set() }, 100n, [{ id: 2, tx: 101n }]);
    const resumed = decodeCursor(encodeCursor(afterB))!;
    const visibleLater = [{ id: 1, tx: 100n }, { id: 2, tx: 101n }, { id: 3, tx: 102n }];
    const missed = visibleLater.filter((e) => e.tx >= resumed.watermark && !resumed.seen.has(e.id)).map((e) => e.id);
    expect(missed).toEqual([1, 3]);
  });

  it('calls a token from the future implausible', () => {
    expect(plausible({ watermark: 10n, seen: new Set() }, 10n)).toBe(true);
    expect(plausible({ watermark: 11n, seen: new Set() }, 10n)).toBe(false);
  });
});
