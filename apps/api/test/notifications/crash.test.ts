import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../harness/app';
import { startFakeWhatsApp, type StatusTarget } from '../harness/fakes/whatsapp';
import { until } from '../harness/wait';
import { startProcess, type Started } from '../platform/process';

const ACCESS_TOKEN = 'EAAG-kill-test';
const APP_SECRET = 'kill-test-secret';
const PHONE_NUMBER_ID = '5566778899';
const ADMIN_KEY = 'kill-test-admin-key-0123456789';
const CUSTOMERS = 60;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'frontdesk-kill-'));
const running: Started[] = [];
afterAll(() => {
  for (const p of running) p.child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function query<T>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a burst of due reminders while the worker is killed at random points', () => {
  it('sends each reminder exactly once after the restarts', async () => {
    let target: StatusTarget | undefined;
    // Meta answers each send in 150 ms and reports "sent" (echoing our id) to whichever process is up.
    const fake = await startFakeWhatsApp(ACCESS_TOKEN, { reportTo: () => target, latencyMs: 150 });
    const databaseUrl = await createTestDatabase();
    const env = { DATABASE_URL: databaseUrl, FRONTDESK_DATA_DIR: dataDir, FRONTDESK_ADMIN_KEY: ADMIN_KEY,
      FRONTDESK_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'), FRONTDESK_SEND_IN_DOUBT_MS: '3000' };
    let channelId = '';
    const start = async () => {
      const p = await startProcess(env);
      running.push(p);
      target = channelId ? { webhookUrl: `${p.url}/v1/webhooks/${channelId}`, appSecret: APP_SECRET, phoneNumberId: PHONE_NUMBER_ID } : undefined;
      return p;
    };
    const kill = async (p: Started) => {
      target = undefined;
      p.child.kill('SIGKILL');
      await p.exited;
    };
    try {
      const first = await start();
      const api = async (method: string, url: string, key: string, body?: unknown) => {
        const res = await fetch(`${first.url}${url}`, { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          ...(body ? { body: JSON.stringify(body) } : {}) });
        const json = await res.json() as Record<string, unknown>;
        if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
        return json;
      };
      const tenant = await api('POST', '/v1/tenants', ADMIN_KEY, { name: 'Kill Test Clinic', slug: 'kill-test', timeZone: 'Europe/London', locale: 'en-GB', currency: 'GBP' });
      const key = (tenant.apiKey as { key: string }).key;
      // Every customer's appointment starts on the same minute, a little over five minutes from now, so their
      // reminders all fall due together within the next minute. Slots are every 5 minutes from the
      // schedule's start: it opens on that minute's place in the grid.
      const startsAt = Math.floor((Date.now() + 5 * 60_000 + 70_000) / 60_000) * 60_000;
      const opens = `00:0${new Date(startsAt).getUTCMinutes() % 5}`;
      const resource = await api('POST', '/v1/resources', key, { name: 'Room', kind: 'room', timeZone: 'Europe/London' });
      const allDay = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [[opens, '24:00']]]));
      await api('PUT', `/v1/resources/${resource.id}/schedule`, key, { timeZone: 'Europe/London', weekly: allDay, overrides: [] });
      const service = await api('POST', '/v1/services', key, { name: 'Check-up', durationMinutes: 5, slotIntervalMinutes: 5, capacity: 500,
        minNoticeMinutes: 0, price: { amount: 0, currency: 'GBP' }, resourceIds: [resource.id] });
      await api('PUT', '/v1/notifications/settings', key, { confirmation: false, reminders: [{ minutesBefore: 5 }], thankYouAfterMinutes: null });
      const channel = await api('POST', '/v1/channels', key, { type: 'whatsapp_cloud', config: { phoneNumberId: PHONE_NUMBER_ID,
        accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, verifyToken: 'kill', graphBaseUrl: fake.graphBaseUrl } });
      channelId = channel.id as string;
      target = { webhookUrl: `${first.url}/v1/webhooks/${channelId}`, appSecret: APP_SECRET, phoneNumberId: PHONE_NUMBER_ID };
      await api('POST', '/v1/templates', key, { name: 'check_up_reminder', language: 'en_GB', status: 'approved', kind: 'booking_reminder',
        body: 'Hi {{1}}, your {{2}} is at {{4}} today.' });

      const phones = Array.from({ length: CUSTOMERS }, (_, i) => `+447700900${String(100 + i)}`);
      await Promise.all(phones.map((phone, i) => api('POST', '/v1/bookings', key,
        { serviceId: service.id, start: new Date(startsAt).toISOString(), customer: { name: `Customer ${i}`, phone } })));
      await until(async () => (await query<{ n: number }>(databaseUrl,
        `SELECT count(*)::int AS n FROM notices WHERE kind = 'booking_reminder' AND status = 'scheduled'`))[0]!.n === CUSTOMERS, 60_000);
      const dueAt = startsAt - 5 * 60_000;

      // Kill the worker somewhere in the burst, restart, kill the new one a moment into its catch-up, restart.
      await sleep(Math.max(0, dueAt - Date.now()) + 300 + Math.random() * 1500);
      const atFirstKill = fake.sent.length;
      await kill(first);
      const second = await start();
      await sleep(200 + Math.random() * 1200);
      const atSecondKill = fake.sent.length;
      await kill(second);
      await start();

      await until(async () => (await query<{ n: number }>(databaseUrl,
        `SELECT count(*)::int AS n FROM notices WHERE status = 'scheduled'`))[0]!.n === 0, 90_000);
      await until(async () => (await query<{ n: number }>(databaseUrl,
        `SELECT count(*)::int AS n FROM outbox WHERE status IN ('queued', 'sending')`))[0]!.n === 0, 90_000);
      await sleep(1500); // anything still on its way would arrive now

      const notices = await query<{ status: string }>(databaseUrl, `SELECT status FROM notices WHERE kind = 'booking_reminder'`);
      expect(notices.map((n) => n.status)).toEqual(Array(CUSTOMERS).fill('sent'));
      const received = new Map<string, number>();
      for (const s of fake.sent) received.set(String(s.body.to), (received.get(String(s.body.to)) ?? 0) + 1);
      expect(received.size).toBe(CUSTOMERS);
      expect([...received.entries()].filter(([, n]) => n !== 1)).toEqual([]);
      const settled = await query<{ code: string | null; n: number }>(databaseUrl,
        `SELECT last_error->>'code' AS code, count(*)::int AS n FROM outbox GROUP BY 1`);
      console.log(`kill test: killed after ${atFirstKill} and ${atSecondKill} sends; ${fake.sent.length} sends for ${CUSTOMERS} reminders;`
        + ` outbox by last error: ${JSON.stringify(settled)}`);
    } finally {
      await fake.close();
    }
  }, 240_000);
});
