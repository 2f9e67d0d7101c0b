import { describe, expect, it } from 'vitest';
import { blockOf, canMove, insideCancellationWindow, isActive } from './policy';

const start = Date.parse('2026-12-01T15:00:00Z');
const minutes = (n: number) => n * 60_000;

describe('cancellation window', () => {
  it.each([
    ['no window', 0, start - minutes(1), false],
    ['well before', 180, start - minutes(181), false],
    ['exactly at the limit', 180, start - minutes(180), false],
    ['one minute inside', 180, start - minutes(179), true],
    ['after the start', 180, start + minutes(5), true],
  ])('%s', (_name, window, now, inside) => {
    expect(insideCancellationWindow(now, start, window)).toBe(inside);
  });
});

describe('status changes', () => {
  it.each([
    ['pending', 'confirmed', true], ['confirmed', 'completed', true], ['confirmed', 'no_show', true],
    ['no_show', 'completed', true], ['completed', 'no_show', true], ['confirmed', 'confirmed', true],
    ['cancelled', 'confirmed', false], ['cancelled', 'completed', false], ['completed', 'pending', false],
  ])('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canMove(from, to)).toBe(allowed);
  });

  it('counts only pending and confirmed bookings as active', () => {
    expect(['pending', 'confirmed', 'cancelled', 'completed', 'no_show'].filter(isActive)).toEqual(['pending', 'confirmed']);
  });
});

describe('what a booking blocks', () => {
  it('is the appointment plus the buffers on each side', () => {
    expect(blockOf(start, 60, 10, 30)).toEqual({
      core: [start, start + minutes(60)],
      block: [start - minutes(10), start + minutes(90)],
    });
  });
});
