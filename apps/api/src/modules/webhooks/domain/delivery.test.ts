import { describe, expect, it } from 'vitest';
import { afterAttempt, backoffMs, MAX_ATTEMPTS, wants, webhookBody } from './delivery';

describe('which endpoints want an event', () => {
  it.each([
    [['*'], 'booking.created', true],
    [['booking.created'], 'booking.created', true],
    [['booking.created'], 'booking.cancelled', false],
    [['booking.*'], 'booking.cancelled', true],
    [['booking.*'], 'bookings.created', false],
    [['message.received', 'booking.*'], 'message.sent', false],
  ])('%j wants %s: %s', (patterns, type, expected) => {
    expect(wants(patterns, type)).toBe(expected);
  });
});

describe('the body', () => {
  it('is { id, type, createdAt, tenantId, data } with the subject in data', () => {
    const body = webhookBody({ id: 42, type: 'booking.created', tenantId: 't1', subjectId: 'b1', data: { status: 'confirmed' }, occurredAt: '2030-01-01T12:00:00.000Z' });
    expect(body).toBe('{"id":42,"type":"booking.created","createdAt":"2030-01-01T12:00:00.000Z","tenantId":"t1","data":{"subjectId":"b1","status":"confirmed"}}');
  });
});

describe('after an attempt', () => {
  const BASE = 10_000;
  it.each([
    [{ status: 200 }, 1, { status: 'succeeded' }],
    [{ status: 204 }, 8, { status: 'succeeded' }],
    [{ status: 410 }, 1, { status: 'dead', reason: 'HTTP 410 Gone: the endpoint was disabled', disableEndpoint: true }],
    [{ status: 500 }, 1, { status: 'pending', retryInMs: 10_000, reason: 'HTTP 500' }],
    [{ status: 404 }, 2, { status: 'pending', retryInMs: 40_000, reason: 'HTTP 404' }],
    [{ status: 301 }, 3, { status: 'pending', retryInMs: 160_000, reason: 'HTTP 301' }],
    [{ error: 'timed out after 10000 ms' }, 7, { status: 'pending', retryInMs: 10_000 * 4 ** 6, reason: 'timed out after 10000 ms' }],
    [{ status: 503 }, MAX_ATTEMPTS, { status: 'dead', reason: 'HTTP 503 (gave up after 8 attempts)' }],
    [{ error: 'ECONNREFUSED' }, MAX_ATTEMPTS, { status: 'dead', reason: 'ECONNREFUSED (gave up after 8 attempts)' }],
  ])('%j on attempt %i → %j', (result, attempt, verdict) => {
    expect(afterAttempt(result, attempt, BASE)).toEqual(verdict);
  });

  it('backs off exponentially: 8 attempts over about 15 hours by default', () => {
    const delays = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => backoffMs(i + 1, BASE));
    expect(delays).toEqual([10_000, 40_000, 160_000, 640_000, 2_560_000, 10_240_000, 40_960_000]);
    expect(delays.reduce((a, b) => a + b, 0) / 3_600_000).toBeCloseTo(15.2, 1);
  });
});
