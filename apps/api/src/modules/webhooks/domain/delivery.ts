/** What is sent, to whom, and what happens after each attempt: pure rules of the delivery job. */

export const MAX_ATTEMPTS = 8;
export const RESPONSE_BODY_LIMIT = 2048;

export interface WebhookEvent {
  id: number;
  type: string;
  tenantId: string;
  subjectId: string | null;
  data: Record<string, unknown>;
  occurredAt: string;
}

/** An endpoint wants an event when one of its patterns is the type, the type's family (`booking.*`) or `*`. */
export function wants(patterns: readonly string[], type: string): boolean {
  return patterns.some((p) => p === '*' || p === type || (p.endsWith('.*') && type.startsWith(p.slice(0, -1))));
}

/** The body, identical on every attempt: the event id lets a receiver drop a repeat. */
export function webhookBody(event: WebhookEvent): string {
  const data = event.subjectId ? { subjectId: event.subjectId, ...event.data } : event.data;
  return JSON.stringify({ id: event.id, type: event.type, createdAt: event.occurredAt, tenantId: event.tenantId, data });
}

export type AttemptResult = { status: number } | { error: string };
export type Verdict =
  | { status: 'succeeded' }
  | { status: 'dead'; reason: string; disableEndpoint?: boolean }
  | { status: 'pending'; retryInMs: number; reason: string };

/** 1×, 4×, 16×… the base (10 s by default: 10 s, 40 s, 2.7 min, 11 min, 43 min, 2.8 h, 11 h). */
export const backoffMs = (failuresInCycle: number, baseMs: number) => baseMs * 4 ** (failuresInCycle - 1);

export const describeResult = (r: AttemptResult) => ('error' in r ? r.error : `HTTP ${r.status}`);

/**
 * After an attempt: a 2xx succeeds; 410 Gone means the receiver is gone for good (the endpoint is
 * disabled); anything else (other statuses, redirects, timeouts, network errors) is tried again
 * with backoff until `MAX_ATTEMPTS` attempts of this cycle (a manual retry starts a new cycle).
 */
export function afterAttempt(result: AttemptResult, attemptInCycle: number, baseMs: number): Verdict {
  if ('status' in result && result.status >= 200 && result.status < 300) return { status: 'succeeded' };
  if ('status' in result && result.status === 410) {
    return { status: 'dead', reason: 'HTTP 410 Gone: the endpoint was disabled', disableEndpoint: true };
  }
  const reason = describeResult(result);
  if (attemptInCycle >= MAX_ATTEMPTS) return { status: 'dead', reason: `${reason} (gave up after ${attemptInCycle} attempts)` };
  return { status: 'pending', retryInMs: backoffMs(attemptInCycle, baseMs), reason };
}
