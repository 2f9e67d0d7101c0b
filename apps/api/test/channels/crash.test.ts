import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { JOB_QUEUE_SCHEMA } from '../../src/platform/db/migrate';
import { createTestDatabase } from '../harness/app';
import { metaSignature, startFakeWhatsApp, whatsappText } from '../harness/fakes/whatsapp';
import { startProcess, type Started } from '../platform/process';

const ACCESS_TOKEN = 'EAAG-crash-access-token';
const APP_SECRET = 'crash-app-secret-123';
const PHONE_NUMBER_ID = '1122334455667';
const CUSTOMER = '5511987650000';
const ADMIN_KEY = 'crash-test-admin-key-0123456789';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'frontdesk-crash-'));
const running: Started[] = [];
afterAll(() => {
  for (const p of running) p.child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function count(databaseUrl: string, sql: string, params: unknown[] = []): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(sql, params);
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

describe('a crash between acknowledging a webhook and processing it', () => {
  it('loses nothing: after a restart the message is processed once and answered once', async () => {
    const fake = await startFakeWhatsApp(ACCESS_TOKEN);
    const databaseUrl = await createTestDatabase();
    // Both processes share the database and its keys (the secret key seals the channel's tokens).
    const env = { DATABASE_URL: databaseUrl, FRONTDESK_DATA_DIR: dataDir, FRONTDESK_ADMIN_KEY: ADMIN_KEY,
      FRONTDESK_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'), FRONTDESK_BURST_WINDOW_MS: '0' };
    try {
      // An HTTP-only process: it acknowledges and stores webhooks, and processes nothing.
      const api = await startProcess({ ...env, FRONTDESK_WORKERS: 'false' });
      running.push(api);
      // The welcome lists the blueprint keys after the address line it resolved on: wait for them.
      await waitFor(async () => /Stop with Ctrl\+C/.test(api.output()));
      const key = /kumon-vila-a\s+(fd_\S+)/.exec(api.output())![1]!;
      const created = await fetch(`${api.url}/v1/channels`, {
        method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'whatsapp_cloud', config: { phoneNumberId: PHONE_NUMBER_ID, accessToken: ACCESS_TOKEN,
          appSecret: APP_SECRET, verifyToken: 'crash-verify', graphBaseUrl: fake.graphBaseUrl } }),
      });
      expect(created.status).toBe(201);
      const channelId = ((await created.json()) as { id: string }).id;

      const raw = JSON.stringify(whatsappText(PHONE_NUMBER_ID, CUSTOMER, 'Oi, quanto custa a mensalidade?', Date.now(), 'wamid.crash', 'Ana'));
      const deliver = (base: string) => fetch(`${base}/v1/webhooks/${channelId}`, {
        method: 'POST', body: raw, headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, raw) },
      });
      const ack = await deliver(api.url);
      expect(ack.status).toBe(200);
      expect(await ack.json()).toEqual({ received: 1, stored: 1 });

      api.child.kill('SIGKILL');
      await api.exited;
      expect(await count(databaseUrl, `SELECT count(*) AS n FROM inbound_events WHERE channel_id = $1 AND processed_at IS NULL`, [channelId])).toBe(1);
      expect(fake.sent).toHaveLength(0);

      // A worker process on the same database picks up what the dead one acknowledged.
      const worker = await startProcess(env);
      running.push(worker);
      await fake.until(() => fake.sent.length >= 1);
      expect(fake.sent.every((s) => s.body.to === CUSTOMER)).toBe(true);

      // Meta retries the delivery it never saw answered before the crash: nothing new is stored.
      const again = await deliver(worker.url);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ received: 1, stored: 0 });
      await waitFor(async () => (await count(databaseUrl,
        `SELECT count(*) AS n FROM inbound_events WHERE channel_id = $1 AND processed_at IS NULL`, [channelId])) === 0);
      expect(await count(databaseUrl, `SELECT count(*) AS n FROM inbound_events WHERE channel_id = $1`, [channelId])).toBe(1);
      expect(await count(databaseUrl, `SELECT count(*) AS n FROM messages WHERE provider_message_id = 'wamid.crash'`)).toBe(1);
      // Answered once: every job (turns, sends) has run out, and one reply went out.
      await waitFor(async () => (await count(databaseUrl,
        `SELECT count(*) AS n FROM ${JOB_QUEUE_SCHEMA}.job WHERE state IN ('created', 'retry', 'active')`)) === 0);
      expect(await count(databaseUrl, `SELECT count(*) AS n FROM outbox WHERE channel_id = $1`, [channelId])).toBe(1);
      expect(fake.sent).toHaveLength(1);

      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
    } finally {
      await fake.close();
    }
  }, 120_000);
});

async function waitFor(ok: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
