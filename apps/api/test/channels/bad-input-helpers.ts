import { expect } from 'vitest';
import type { TestApp } from '../harness/app';
import { JOB_QUEUE_SCHEMA } from '../../src/platform/db/migrate';
import { SEND_JOB, TURN_JOB } from '../../src/modules/channels/jobs';

/** Waits (with a deadline) until a condition holds. */
export async function until(ok: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(await ok()).toBe(true);
}

/**
 * Every stored event processed and every turn and send job run: whatever was going to be sent has
 * been. (The event bus's jobs — leads, tickets, webhooks — send nothing to the customer.)
 */
export async function settled(app: TestApp): Promise<void> {
  await until(async () => {
    const [events] = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM inbound_events WHERE processed_at IS NULL AND dead_at IS NULL`);
    const [jobs] = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${JOB_QUEUE_SCHEMA}.job WHERE state IN ('created', 'retry', 'active') AND name = ANY($1)`, [[TURN_JOB, SEND_JOB]]);
    return events!.n === 0 && jobs!.n === 0;
  });
}

export async function rejections(app: TestApp, channelId: string | null): Promise<string[]> {
  const rows = channelId
    ? await app.db.query<{ reason: string }>(`SELECT reason FROM webhook_rejections WHERE channel_id = $1 ORDER BY id`, [channelId])
    : await app.db.query<{ reason: string }>(`SELECT reason FROM webhook_rejections WHERE channel_id IS NULL ORDER BY id`);
  return rows.map((r) => r.reason);
}
