// Inbound WhatsApp webhooks: acknowledged per second after the durable write (signature checked,
// events stored, job queued), then the end-to-end time from webhook to the reply at the provider.
// Run: npx tsx bench/webhook.bench.ts
import { createHmac } from 'node:crypto';
import { seedBlueprint } from '../apps/api/src/seed';
import { startFakeWhatsApp, whatsappText } from '../apps/api/test/harness/fakes/whatsapp';
import { ADMIN_KEY, loadFromWorker, percentile, startBenchServer } from './harness';

const MESSAGES = Number(process.env.BENCH_WEBHOOKS ?? 10000);
const CONCURRENCY = 50;
const END_TO_END = Number(process.env.BENCH_E2E ?? 100);
const APP_SECRET = 'bench-secret';
const ms = (x: number) => +x.toFixed(1);

async function setup(workers: boolean) {
  const fake = await startFakeWhatsApp('bench-token');
  const server = await startBenchServer({ workers });
  const seeded = await seedBlueprint(server.parts, 'kumon-vila-a');
  const tenant = (await server.parts.accounts.tenantBySlug('kumon-vila-a'))!;
  const channel = await server.parts.channels.accounts.create(tenant.id, { type: 'whatsapp_cloud', config: {
    phoneNumberId: '1122334455667', accessToken: 'bench-token', appSecret: APP_SECRET, verifyToken: 'v', graphBaseUrl: fake.graphBaseUrl } });
  return { fake, server, channel, key: seeded.apiKey ?? ADMIN_KEY };
}
const signed = (body: unknown) => {
  const raw = JSON.stringify(body);
  return { raw, headers: { 'x-hub-signature-256': `sha256=${createHmac('sha256', APP_SECRET).update(raw).digest('hex')}` } };
};

// 1. Acknowledgement throughput: workers off, so only the webhook path is measured.
{
  const { fake, server, channel, key } = await setup(false);
  try {
    const jobs = Array.from({ length: MESSAGES }, (_, i) => ({
      route: `/v1/webhooks/${channel.id}`, ...signed(whatsappText('1122334455667', `55119${String(i % 5000).padStart(8, '0')}`, 'oi', Date.now(), `wamid.bench${i}`)),
    }));
    const load = await loadFromWorker(server.url, key, jobs, CONCURRENCY);
    const [stored] = await server.parts.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbound_events`);
    load.latencies.sort((a, b) => a - b);
    console.log(JSON.stringify({
      benchmark: 'inbound webhooks acknowledged after the durable write', requests: MESSAGES, concurrency: CONCURRENCY,
      acknowledged: load.statuses[200] ?? 0, stored: stored!.n, perSecond: Math.round((load.statuses[200] ?? 0) / load.seconds),
      latencyMs: { p50: ms(percentile(load.latencies, 50)), p99: ms(percentile(load.latencies, 99)) },
    }));
  } finally {
    await server.stop();
    await fake.close();
  }
}

// 2. End to end: webhook in → job → assistant turn → outbox → send at the fake provider.
{
  const { fake, server, channel } = await setup(true);
  const customer = (i: number) => `55118${String(i).padStart(8, '0')}`;
  const post = (body: unknown) => {
    const { raw, headers } = signed(body);
    return fetch(`${server.url}/v1/webhooks/${channel.id}`, { method: 'POST', body: raw, headers: { ...headers, 'content-type': 'application/json' } });
  };
  try {
    // Kumon asks for consent (LGPD) on first contact: every customer agrees first, so the measured turn is a real answer.
    for (const [step, text] of [[0, 'oi'], [1, 'sim']] as const) {
      const before = fake.sent.length;
      await Promise.all(Array.from({ length: END_TO_END }, (_, i) => post(whatsappText('1122334455667', customer(i), text, Date.now(), `wamid.consent${step}-${i}`))));
      await fake.until(() => fake.sent.length >= before + END_TO_END * (step + 1), 60_000); // the question; then the thanks and the answer
    }
    const times: number[] = [];
    for (let i = 0; i < END_TO_END; i++) {
      const { raw, headers } = signed(whatsappText('1122334455667', customer(i), 'quanto custa?', Date.now(), `wamid.e2e${i}`));
      const before = fake.sent.length;
      const t = performance.now();
      await fetch(`${server.url}/v1/webhooks/${channel.id}`, { method: 'POST', body: raw, headers: { ...headers, 'content-type': 'application/json' } });
      await fake.until(() => fake.sent.length > before, 30_000);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(JSON.stringify({
      benchmark: 'webhook to reply at the provider (pg-boss polling 0.5 s, burst window 0)', messages: END_TO_END,
      latencyMs: { p50: ms(percentile(times, 50)), p99: ms(percentile(times, 99)) },
    }));
  } finally {
    await server.stop();
    await fake.close();
  }
}
