import { CONSENT_THANKS } from '../harness/consent';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../harness/app';
import { storedHandles } from '../harness/readable';

/** A provider's wire format as a test needs it: a fake API, signed webhooks, what was sent. */
export interface ProviderHarness {
  type: string;
  blueprint: string;
  /** A customer handle as this provider names it (a number, a chat id, a page-scoped id, an address). */
  handle: string;
  /** A message that asks for times (so the reply offers options), in the blueprint's language. */
  bookingRequest: string;
  /** Starts the fake provider; the config points the channel at it. */
  start(): Promise<{ config: Record<string, unknown>; fake: FakeProvider }>;
  /** A webhook carrying one text message, signed as the provider signs it for this webhook URL. */
  inbound(input: { webhookUrl: string; from: string; text: string; id: string; at: number }): WebhookCall;
  /** The same call with a wrong signature or secret. */
  forged(call: WebhookCall): WebhookCall;
}
export interface WebhookCall { payload: string; headers: Record<string, string> }
/** What the fake received, normalised: the recipient, the text, and the options however they were rendered. */
export interface SentMessage { to: string; text: string; options: string[] }
export interface FakeProvider {
  sent(): SentMessage[];
  /** The next sends fail: 'rate_limit' must be retried, 'undeliverable' must stop for the handle. */
  failNext(kind: 'rate_limit' | 'undeliverable', times: number): void;
  close(): Promise<void>;
}

async function until(ok: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * The contract every channel adapter passes, through the real HTTP API, job queue and assistant:
 * signed webhooks in (forged ones refused and recorded), one answer per message however often it
 * is delivered, options rendered for the channel, rate limits retried, dead numbers given up on.
 */
export function channelContract(h: ProviderHarness): void {
  describe(`${h.type} adapter contract`, () => {
    let app: TestApp;
    let fake: FakeProvider;
    let channel: { id: string; webhookUrl: string };
    const at = Date.parse('2026-11-25T13:00:00Z');
    const post = (call: WebhookCall) => app.app.inject({ method: 'POST', url: new URL(channel.webhookUrl).pathname, payload: call.payload, headers: call.headers });
    const sentTo = (to: string) => fake.sent().filter((m) => m.to === to);

    beforeAll(async () => {
      const started = await h.start();
      fake = started.fake;
      app = await startTestApp({ workers: true });
      app.clock.set(at);
      const { key } = await seedTenant(app, h.blueprint);
      const res = await app.app.inject({ method: 'POST', url: '/v1/channels', headers: app.auth(key), payload: { type: h.type, config: started.config } });
      expect(res.statusCode, res.body).toBe(201);
      channel = res.json();
      return () => fake.close();
    });

    it('refuses a forged webhook and records it; nothing is stored', async () => {
      const call = h.forged(h.inbound({ webhookUrl: channel.webhookUrl, from: h.handle, text: 'hello', id: 'forged-1', at }));
      const res = await post(call);
      expect([401, 403]).toContain(res.statusCode);
      expect(await app.db.query(`SELECT 1 FROM inbound_events WHERE channel_id=$1`, [channel.id])).toHaveLength(0);
      expect((await app.db.query(`SELECT 1 FROM webhook_rejections WHERE channel_id=$1`, [channel.id])).length).toBeGreaterThan(0);
    });

    it('answers a message once, with the offered times as options, however often it is delivered', async () => {
      const call = h.inbound({ webhookUrl: channel.webhookUrl, from: h.handle, text: h.bookingRequest, id: 'msg-1', at });
      expect((await post(call)).statusCode).toBe(200);
      expect((await post(call)).statusCode).toBe(200);
      await until(() => sentTo(h.handle).length > 0, 'the reply');
      await new Promise((r) => setTimeout(r, 1500));
      const replies = sentTo(h.handle);
      expect(replies).toHaveLength(1);
      // A business that asks consent first (LGPD, GDPR) answers with its question; "sim"/"yes" brings the kept request's answer.
      const asksConsent = /\b(LGPD|GDPR)\b/.test(replies[0]!.text);
      if (asksConsent) {
        expect(replies[0]!.options).toHaveLength(2);
        expect((await post(h.inbound({ webhookUrl: channel.webhookUrl, from: h.handle, text: '1', id: 'msg-1-consent', at }))).statusCode).toBe(200);
        await until(() => sentTo(h.handle).length >= 3, 'the thanks and the offered times');
        expect(sentTo(h.handle)[1]!.text).toMatch(CONSENT_THANKS);
      }
      expect(sentTo(h.handle).at(-1)!.options).toHaveLength(3);
      const [row] = await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbound_events WHERE channel_id=$1`, [channel.id]);
      expect(row!.n).toBe(asksConsent ? 2 : 1); // the request stored once (and the consent answer)
    });

    it('retries a rate-limited send until it goes through', async () => {
      fake.failNext('rate_limit', 1);
      const other = `${h.handle}7`;
      await post(h.inbound({ webhookUrl: channel.webhookUrl, from: other, text: 'hi', id: 'msg-2', at }));
      await until(async () => (await app.db.query(`SELECT 1 FROM outbox WHERE handle = ANY($1::text[]) AND status='sent'`, [storedHandles(other)])).length === 1, 'the retried send');
      const [row] = await app.db.query<{ attempts: number }>(`SELECT attempts FROM outbox WHERE handle = ANY($1::text[])`, [storedHandles(other)]);
      expect(row!.attempts).toBe(2);
    });

    it('stops writing to a handle the provider says cannot be reached', async () => {
      fake.failNext('undeliverable', 1);
      const dead = `${h.handle}8`;
      await post(h.inbound({ webhookUrl: channel.webhookUrl, from: dead, text: 'hi', id: 'msg-3', at }));
      await until(async () => (await app.db.query(`SELECT 1 FROM outbox WHERE handle = ANY($1::text[]) AND status='failed'`, [storedHandles(dead)])).length === 1, 'the failed send');
      const [identity] = await app.db.query<{ status: string }>(`SELECT status FROM channel_identities WHERE handle = ANY($1::text[])`, [storedHandles(dead)]);
      expect(['undeliverable', 'blocked']).toContain(identity!.status);
    });
  });
}
