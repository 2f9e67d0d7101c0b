// Due reminders sent per second with durable bookkeeping: each one claimed, written into the
// customer's conversation and the outbox and marked sent in one transaction, then delivered to
// a local WhatsApp fake by the send jobs. Run: npx tsx bench/reminders.bench.ts
import { startFakeWhatsApp } from '../apps/api/test/harness/fakes/whatsapp';
import { api, startBenchServer } from './harness';

const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 2000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const fake = await startFakeWhatsApp('bench-token');
// The app's clock, moved forward to the reminders' due time once they are scheduled.
let offsetMs = 0;
const server = await startBenchServer({ workers: false, clock: { now: () => Date.now() + offsetMs } });
const { parts } = server;
const count = async (sql: string) => (await parts.db.query<{ n: number }>(sql))[0]!.n;
try {
  const { tenant, apiKey } = await parts.accounts.createTenant({ name: 'Bench Clinic', slug: 'bench-clinic', timeZone: 'Europe/London', locale: 'en-GB', currency: 'GBP' });
  const room = await parts.scheduling.catalogue.createResource(tenant.id, { name: 'Room', kind: 'room', timeZone: 'Europe/London' });
  const allDay = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]));
  await parts.scheduling.catalogue.setSchedule(tenant.id, room.id, { timeZone: 'Europe/London', weekly: allDay, overrides: [] } as never);
  const service = await parts.scheduling.catalogue.createService(tenant.id, { name: 'Check-up', durationMinutes: 30, capacity: 100_000,
    price: { amount: 0, currency: 'GBP' }, resourceIds: [room.id] } as never);
  await parts.notifications.service.saveSettings(tenant.id, { confirmation: false, reminders: [{ minutesBefore: 60 }], serviceReminders: {},
    rescheduleNotice: true, cancellationNotice: true, thankYouAfterMinutes: null, noShowFollowUp: true });
  await parts.channels.accounts.create(tenant.id, { type: 'whatsapp_cloud', config: {
    phoneNumberId: '1122334455667', accessToken: 'bench-token', appSecret: 'bench-secret', verifyToken: 'v', graphBaseUrl: fake.graphBaseUrl } });
  // New numbers: WhatsApp's window is closed, so the reminder goes as the approved template.
  const template = await api(server.url, apiKey.key, 'POST', '/v1/templates', { name: 'reminder', language: 'en_GB', status: 'approved',
    kind: 'booking_reminder', body: 'Hi {{1}}, your {{2}} is on {{3}} at {{4}}.' });
  if (template.status !== 201) throw new Error(JSON.stringify(template.body));
  // On the hour, a day and a half from now, on the service's grid.
  const start = new Date(Math.ceil((Date.now() + 36 * 3600_000) / 3600_000) * 3600_000).toISOString();
  for (let i = 0; i < REMINDERS; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, REMINDERS - i) }, (_, j) => parts.scheduling.bookings.create(tenant.id, {
      serviceId: service.id, start, seats: 1, status: 'confirmed', sourceChannel: 'api',
      customer: { name: `Customer ${i + j}`, phone: `+447911${String(100000 + i + j)}` } } as never)));
  }
  await parts.startWorkers();
  while ((await count(`SELECT count(*)::int AS n FROM notices WHERE status = 'scheduled'`)) < REMINDERS) await sleep(200);

  // Everything falls due at once.
  const [due] = await parts.db.query<{ at: Date }>(`SELECT max(due_at) AS at FROM notices`);
  const t0 = performance.now();
  offsetMs = due!.at.getTime() - Date.now() + 1000;
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
