import { createHash } from 'node:crypto';
import { accountsRoutes, accountsService, createStaff, type Staff } from './modules/accounts';
import { createScheduling } from './modules/scheduling';
import { chatCompletions, createConversations } from './modules/conversations';
import { contactRoutes, contactsService } from './modules/contacts';
import { createTickets, type Tickets } from './modules/tickets';
import { createLeads, type Leads } from './modules/leads';
import type { Config } from './platform/config';
import { connectDatabase, type Database } from './platform/db/database';
import { migrationsPending } from './platform/db/migrate';
import { createMessageListener } from './platform/db/listener';
import { createAuthenticator } from './platform/auth/authenticate';
import { createMailer } from './platform/mail/mailer';
import { createHttpServer, type ZodApp } from './platform/http/server';
import { scopePublicRequests, scopeRequestsToTenants } from './platform/http/tenant-scope';
import { closeEventStreams } from './platform/http/sse';
import { registerBackpressure } from './platform/http/backpressure';
import { serveDashboard } from './platform/http/dashboard';
import { guardedFetch } from './platform/net/guarded-fetch';
import { systemResolve } from './platform/net/destination';
import { createJobQueue, type JobQueue } from './platform/jobs/queue';
import { secretBox } from './platform/crypto/secrets';
import { checkSecretKey } from './platform/crypto/key-check';
import { fieldKey, installFieldKeys } from './platform/crypto/fields';
import { encryptToCurrentKey, resealSecrets, type EncryptedTable, type SealedColumn } from './platform/crypto/field-rotation';
import { encryptedContacts } from './modules/contacts/repository';
import { encryptedBookings } from './modules/scheduling/repository/bookings';
import { encryptedMessages, encryptedNotes, encryptedStates } from './modules/conversations/at-rest';
import { encryptedIdentities, encryptedInbound, encryptedOutbox } from './modules/channels/at-rest';
import { encryptedDeliveries } from './modules/webhooks/repository';
import { encryptedAnswers } from './modules/scheduling/repository/idempotency';
import { encryptedAuditValues } from './modules/audit/repository';
import { encryptedEvents } from './platform/crypto/sealed-details';
import { encryptedLeads } from './modules/leads/repository/leads';
import { encryptedTickets } from './modules/tickets/repository';
import { encryptedHistory } from './modules/contacts/history';
import { encryptedConsents } from './modules/contacts/consents';
import { encryptedNotices } from './modules/notifications/repository';
import { createChannels, type Channels } from './modules/channels';
import { createWebhooks, type Resolve } from './modules/webhooks';
import { createEventBus, type EventBus } from './platform/events/bus';
import { createNotifications, type Notifications } from './modules/notifications';
import { createAudit, type Audit } from './modules/audit';
import { createSequences, type Sequences } from './modules/sequences';
import { createRetention, type Retention } from './modules/retention';
import { createCompliance, type Compliance } from './modules/compliance';
import { createLive } from './modules/live';
import { createAnalytics } from './modules/analytics';
import { createBookingPage } from './modules/booking-page';
import { AppError } from './shared/errors';

export const VERSION = '0.1.0';
/** A customer message still unread this long after it arrived lost its request (a crash): read it now. */
const STRANDED_AFTER_MS = 30_000;
/** Every table with personal fields encrypted at rest, and every column of sealed secrets. */
const ENCRYPTED_TABLES: EncryptedTable[] = [
  encryptedContacts, encryptedBookings, encryptedMessages, encryptedStates, encryptedIdentities, encryptedOutbox, encryptedInbound,
  encryptedDeliveries, encryptedAnswers, encryptedAuditValues, encryptedEvents, ...encryptedLeads, ...encryptedTickets, encryptedHistory,
  encryptedNotices, encryptedConsents, encryptedNotes,
];
const SEALED_COLUMNS: SealedColumn[] = [
  { table: 'channels', column: 'secrets' }, { table: 'webhook_endpoints', column: 'secret' }, { table: 'llm_settings', column: 'api_key' },
  { table: 'users', column: 'totp_secret' }, { table: 'secret_key_check', column: 'sealed' },
];

export interface AppParts {
  app: ZodApp;
  db: Database;
  accounts: ReturnType<typeof accountsService>;
  /** Staff sign-in, sessions, invitations and the team. */
  staff: Staff;
  scheduling: ReturnType<typeof createScheduling>;
  conversations: ReturnType<typeof createConversations>;
  tickets: Tickets;
  leads: Leads;
  channels: Channels;
  jobs: JobQueue;
  notifications: Notifications;
  /** The hash-chained trail of every change made through the API. */
  audit: Audit;
  /** Follow-up sequences (cold recovery): `sweep` sends the steps that are due. */
  sequences: Sequences;
  /** The contact records and their consent ledger. */
  contacts: ReturnType<typeof contactsService>;
  /** Retention policies: `sweep` runs each tenant's day once, from 03:00 local. */
  retention: Retention;
  /** Data protection: a contact's data export and the erasure workflow. */
  compliance: Compliance;
  /** The internal event bus (booking.*, lead.*, sla.*, …): publish in a transaction, subscribe per module. */
  events: EventBus;
  /** Starts the job workers (channels in and out); after migrations, since the queue lives in the database. */
  startWorkers(): Promise<void>;
  /** Refuses a FRONTDESK_SECRET_KEY other than the one that sealed this database's secrets (startWorkers checks it too). */
  checkSecretKey(): Promise<void>;
  /** Encrypts personal fields stored in clear or under a previous key (a no-op once a table is done with this key). */
  encryptPersonalFields(): Promise<Record<string, number>>;
  /** Moves every encrypted field and sealed secret to the current key, so previous keys can be retired. */
  rotateKeys(): Promise<{ fields: Record<string, number>; secrets: Record<string, number> }>;
  close(): Promise<void>;
}

export interface ComposeOptions {
  config: Config;
  databaseUrl: string;
  adminKey: string;
  /** Seals provider secrets at rest (FRONTDESK_SECRET_KEY or the data dir's secret-key). */
  secretKey: Buffer;
  clock?: { now(): number };
  /** How channels reach providers (a test points it at local fakes through their base URLs). */
  http?: typeof fetch;
  /** Where the log lines go (standard output when unset). */
  logStream?: { write(line: string): void };
  /** How outgoing webhooks and provider requests resolve host names (a test points names at chosen addresses). */
  resolve?: Resolve;
}

const keyEntry = (key: Buffer) => ({ id: createHash('sha256').update(key).digest('hex').slice(0, 8), key });

/** The composition root: the only place that knows every module. */
export async function composeApp({ config, databaseUrl, adminKey, secretKey, clock = { now: () => Date.now() }, http, logStream, resolve }: ComposeOptions): Promise<AppParts> {
  const db = connectDatabase(databaseUrl, config.dbPoolMax);
  const accounts = accountsService(db);
  const scheduling = createScheduling(db, accounts, clock);
  const box = secretBox({ current: keyEntry(secretKey), previous: config.previousSecretKeys.map(keyEntry) });
  installFieldKeys({ current: fieldKey(secretKey), previous: config.previousSecretKeys.map(fieldKey) });
  const baseUrl = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  // Requests to URLs a tenant configured (LLM endpoint, provider API base URLs) stay off private networks.
  const outbound = (inner: typeof fetch) => guardedFetch(inner, { allowPrivate: config.outboundAllowPrivate, resolve: resolve ?? systemResolve });
  const staff = createStaff({ db, box, clock, mailer: createMailer(config.mail.smtpUrl, config.mail.from), publicBase: baseUrl,
    onMailError: (err) => app.log.warn({ err }, 'platform mail not sent') });
  const authenticate = createAuthenticator(adminKey, { verifyTenantKey: (key) => accounts.verifyTenantKey(key), verifySession: staff.verifySession });
  const app = await createHttpServer({
    logLevel: config.logLevel,
    version: VERSION,
    authenticate,
    ...(logStream ? { logStream } : {}),
    bodyLimitBytes: config.bodyLimitBytes,
    rateLimits: { ...config.rateLimits, redisUrl: config.redisUrl },
    publicUrl: baseUrl,
    dashboardOrigins: config.dashboardOrigins.length ? config.dashboardOrigins : [new URL(baseUrl).origin],
  });
  scopeRequestsToTenants(app); // row-level security for each tenant's request (migration 0019)
  scopePublicRequests(app, async (slug) => (await accounts.tenantBySlug(slug))?.id);
  const audit = createAudit(db, clock, (err) => app.log.warn({ err }, 'audit entry not recorded'));
  audit.watch(app);

  app.get('/healthz', { schema: { tags: ['operations'], security: [] } }, async () => ({ status: 'ok', version: VERSION }));
  app.get('/readyz', { schema: { tags: ['operations'], security: [] } }, async () => {
    const pending = await migrationsPending(db.pool).catch(() => -1);
    if (pending !== 0) throw new AppError('NOT_READY', pending < 0 ? 'The database is unreachable' : `${pending} migrations pending`);
    return { status: 'ready' };
  });
  await serveDashboard(app, { dir: config.dashboardDir }); // the staff dashboard at /app/ (apps/dashboard, built by `npm start` and `npm test`)
  const contacts = contactsService(db);
  const jobs = createJobQueue(databaseUrl, (err) => app.log.warn({ err }, 'job queue error'));
  const events = createEventBus({ db, jobs, databaseUrl, onError: (err) => app.log.warn({ err }, 'event relay failed') });
  const listener = createMessageListener(databaseUrl, (err) => app.log.warn({ err }, 'message listener lost its connection'));
  const conversations = createConversations(db, { scheduling, tenants: accounts, contacts, clock, events }, config.chatLimits, { burstWindowMs: config.burstWindowMs, listener },
    { client: chatCompletions(outbound(fetch)), ...config.llm, secrets: box });
  const channels = createChannels({
    db, box, jobs, contacts, conversations: conversations.service, publicBase: baseUrl, burstWindowMs: config.burstWindowMs, sendInDoubtMs: config.sendInDoubtMs, clock, http: outbound(http ?? fetch),
    databaseUrl, onError: (err) => app.log.warn({ err }, 'inbound event processing failed'),
  });
  const notifications = createNotifications(db, {
    scheduling, tenants: accounts, contacts, channels: channels.notices, clock, events,
    messageTexts: (tenantId, ids) => conversations.service.texts(tenantId, ids),
    conversationLang: (tx, tenantId, id) => conversations.service.language(tx, tenantId, id),
  }, { events, databaseUrl, onError: (err) => app.log.warn({ err }, 'sending notices failed') });
  accountsRoutes(app, accounts);
  staff.routes(app, accounts);
  scheduling.routes(app, baseUrl);
  conversations.routes(app);
  contactRoutes(app, contacts);
  createBookingPage({ db, tenants: accounts, scheduling, contacts, box, clock, baseUrl, limits: config.bookingPageLimits }).routes(app);
  channels.routes(app);
  registerBackpressure(app, {
    depths: channels.queueDepths, thresholds: config.backpressure, clock,
    routes: ['POST /v1/webhooks/:channelId', 'POST /v1/chat/:tenantSlug/conversations/:id/messages'],
  });
  notifications.routes(app);
  audit.routes(app);
  const tickets = createTickets(db, {
    conversations: conversations.service, contacts, tenants: accounts, catalogue: scheduling.catalogue, events, clock, notifications: notifications.service,
  });
  tickets.routes(app);
  const webhooks = createWebhooks({ db, box, jobs, events, clock, settings: config.webhooks, ...(resolve ? { resolve } : {}) });
  webhooks.routes(app);
  const leads = createLeads(db, {
    clock, events, tenant: (tenantId) => accounts.tenant(tenantId),
    qualificationKeys: async (tenantId) => (await conversations.service.profile(tenantId)).qualification.map((q) => q.key),
    takeOver: (tenantId, conversationId, minutes) => conversations.service.takeOver(tenantId, conversationId, minutes),
    staff: async (tenantId, ids) => (ids?.length === 0 ? [] : await scheduling.catalogue.resources(tenantId, ids)).filter((r) => r.kind === 'staff')
      .map((r) => ({ id: r.id, active: r.active, timeZone: r.schedule.timeZone, weekly: r.schedule.weekly, overrides: r.schedule.overrides })),
    bookingCustomer: (tenantId, id) => scheduling.bookings.get(tenantId, id).then((b) => b.customer, () => undefined),
    searchContacts: (tenantId, text) => contacts.search(tenantId, text, 20),
    contactNames: (tenantId, ids) => contacts.names(tenantId, ids),
  });
  events.subscribe(leads.subscription.consumer, leads.subscription.types, leads.subscription.handler);
  leads.routes(app);
  conversations.desk.useBreaches((tenantId) => leads.service.conversationsInBreach(tenantId));
  const sequences = createSequences(db, {
    clock, events, contacts, tenant: (tenantId) => accounts.tenant(tenantId),
    notifications: { notify: (tx, request) => notifications.service.notify(tx, request), notices: (tenantId, keys) => notifications.service.byKeys(tenantId, keys) },
    leadContact: (tenantId, id) => leads.service.get(tenantId, id).then((l) => l.contactId, () => undefined),
    bookingCustomer: (tenantId, id) => scheduling.bookings.get(tenantId, id).then((b) => b.customer, () => undefined),
  });
  sequences.routes(app);
  const retention = createRetention(db);
  retention.routes(app);
  const compliance = createCompliance(db, clock, events, () => audit.service.flushed());
  compliance.routes(app);
  const live = createLive({ db, databaseUrl, authenticate, onError: (err) => app.log.warn({ err }, 'live stream: reading events failed') });
  live.routes(app);
  createAnalytics(db, {
    clock, tenant: (tenantId) => accounts.tenant(tenantId),
    bookings: (tenantId, from, to) => scheduling.bookings.list(tenantId, { from, to, limit: 500 }),
    services: (tenantId) => scheduling.catalogue.services(tenantId),
    resources: async (tenantId, ids) => (ids.length ? scheduling.catalogue.resources(tenantId, ids) : []),
    contactNames: async (tenantId, ids) => (ids.length ? contacts.names(tenantId, ids) : new Map()),
  }).routes(app);

  const sweeper = setInterval(() => {
    accounts.listTenants()
      .then((tenants) => scheduling.holds.sweepExpired(tenants.map((t) => t.id)))
      .catch((err) => app.log.warn({ err }, 'hold sweep failed'));
    conversations.service.sweepPending(STRANDED_AFTER_MS).catch((err) => app.log.warn({ err }, 'pending message sweep failed'));
  }, 60_000);
  sweeper.unref();
  let leadSweeper: NodeJS.Timeout | undefined;
  let sequenceSweeper: NodeJS.Timeout | undefined;
  let retentionSweeper: NodeJS.Timeout | undefined;
  let closing: Promise<void> | undefined;

  return {
    app, db, accounts, staff, scheduling, conversations, channels, jobs, events, tickets, notifications, audit, leads, sequences, contacts, retention, compliance,
    checkSecretKey: () => checkSecretKey(db, box),
    encryptPersonalFields: () => encryptToCurrentKey(db, ENCRYPTED_TABLES),
    rotateKeys: async () => ({ fields: await encryptToCurrentKey(db, ENCRYPTED_TABLES, { force: true }), secrets: await resealSecrets(db, box, SEALED_COLUMNS) }),
    async startWorkers() {
      await checkSecretKey(db, box);
      await jobs.start();
      await channels.startWorkers();
      await webhooks.startWorkers();
      await events.start();
      leadSweeper = setInterval(() => {
        accounts.listTenants().then((tenants) => leads.sweep(tenants.map((t) => t.id), clock.now()))
          .catch((err) => app.log.warn({ err }, 'lead SLA sweep failed'));
      }, 30_000);
      leadSweeper.unref();
      sequenceSweeper = setInterval(() => {
        accounts.listTenants().then((tenants) => sequences.sweep(tenants.map((t) => t.id), clock.now()))
          .catch((err) => app.log.warn({ err }, 'sequence sweep failed'));
      }, 5_000);
      sequenceSweeper.unref();
      // Retention: an in-process check every 5 minutes rather than a pg-boss cron, since the hour is each tenant's own;
      // an advisory lock and one run row per tenant and local day keep several processes from running a day twice.
      retentionSweeper = setInterval(() => {
        accounts.listTenants().then((tenants) => retention.sweep(tenants.map((t) => t.id), clock.now()))
          .catch((err) => app.log.warn({ err }, 'retention run failed'));
      }, 5 * 60_000);
      retentionSweeper.unref();
      await notifications.startWorkers();
    },
    close() {
      closing ??= (async () => {
        clearInterval(sweeper);
        clearInterval(leadSweeper);
        clearInterval(sequenceSweeper);
        clearInterval(retentionSweeper);
        closeEventStreams(app);
        await app.close();
        await audit.service.flushed();
        await channels.stop();
        await notifications.stop();
        await events.stop();
        await jobs.stop();
        await listener.close();
        await live.close();
        await db.close();
      })();
      return closing;
    },
  };
}
