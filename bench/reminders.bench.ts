// Due reminders sent per second with durable bookkeeping: each one claimed, written into the
// customer's conversation and the outbox and marked sent in one transaction, then delivered to
// a local WhatsApp fake by the send jobs. Run: npx tsx bench/reminders.bench.ts
import { startFakeWhatsApp } from '../apps/api/test/harness/fakes/whatsapp';
import { startBenchServer } from './harness';

const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 2000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const fake = await startFakeWhatsApp('bench-token');
const server = await startBenchServer({ workers: false });
const { parts } = server;
const count = async (sql: string) => (await parts.db.query<{ n: number }>(sql))[0]!.n;
try {
  const { tenant } = await parts.accounts.createTenant({ name: 'Bench Clinic', slug: 'bench-clinic', timeZone: 'Europe/London', locale: 'en-GB', currency: 'GBP' });
  const room = await parts.scheduling.catalogue.createResource(tenant.id, { name: 'Room', kind: 'room', timeZone: 'Europe/London' });
  const allDay = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]));
  await parts.scheduling.catalogue.setSchedule(tenant.id, room.id, { timeZone: 'Europe/London', weekly: allDay, overrides: [] } as never);
  const service = await parts.scheduling.catalogue.createService(tenant.id, { name: 'Check-up', durationMinutes: 30, capacity: 100_000,
    price: { amount: 0, currency: 'GBP' }, resourceIds: [room.id] } as never);
  await parts.notifications.service.saveSettings(tenant.id, { confirmation: false, reminders: [{ minutesBefore: 60 }], serviceReminders: {},
    rescheduleNotice: true, cancellationNotice: true, thankYouAfterMinutes: null, noShowFollowUp: true });
  await parts.channels.accounts.create(tenant.id, { type: 'whatsapp_cloud', config: {
    phoneNumberId: '1122334455667', accessToken: 'bench-token', appSecret: 'bench-secret', verifyToken: 'v', graphBaseUrl: fake.graphBaseUrl } });
  // Tomorrow at 10:00 London, on the service's grid.
  const start = new Date(Math.ceil((Date.now() + 36 * 3600_000) / 3600_000) * 3600_000).toISOString();
  for (let i = 0; i < REMINDERS; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, REMINDERS - i) }, (_, j) => parts.scheduling.bookings.create(tenant.id, {
      serviceId: service.id, start, seats: 1, status: 'confirmed', sourceChannel: 'api',
      customer: { name: `Customer ${i + j}`, phone: `+447911${String(100000 + i + j)}` } } as never)));
  }
  await parts.startWorkers();
  while ((await count(`SELECT count(*)::int AS n FROM notices WHERE status = 'scheduled'`)) < REMINDERS) await sleep(200);

  // Everything falls due at once.
  const t0 = performance.now();
  await parts.db.query(`UPDATE notices SET due_at = now() WHERE status = 'scheduled'`);
  while ((await count(`SELECT count(*)::int AS n FROM notices WHERE status = 'scheduled'`)) > 0) await sleep(50);
  const recorded = (performance.now() - t0) / 1000;
  while (fake.sent.length < REMINDERS) await sleep(50);
  const delivered = (performance.now() - t0) / 1000;
  const sent = await count(`SELECT count(*)::int AS n FROM notices WHERE status = 'sent'`);
  console.log(JSON.stringify({
    benchmark: 'due reminders: claimed, written to the conversation and outbox, marked sent (one transaction each), then sent by the send jobs',
    reminders: REMINDERS, sent, atProvider: fake.sent.length,
    recordedPerSecond: Math.round(REMINDERS / recorded), deliveredPerSecond: Math.round(REMINDERS / delivered),
    seconds: { recorded: +recorded.toFixed(2), delivered: +delivered.toFixed(2) },
  }));
} finally {
  await server.stop();
  await fake.close();
}
