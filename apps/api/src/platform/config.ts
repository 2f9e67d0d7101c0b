import path from 'node:path';
import { z } from 'zod';

const base64Key = z.string().trim().transform((v, ctx) => {
  const key = Buffer.from(v, 'base64');
  if (key.length !== 32) ctx.addIssue({ code: 'custom', message: 'must be 32 random bytes in base64 (openssl rand -base64 32)' });
  return key;
});

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.url().optional(),
  FRONTDESK_DATA_DIR: z.string().default('./data'),
  FRONTDESK_DASHBOARD_DIR: z.string().optional(),
  FRONTDESK_ADMIN_KEY: z.string().min(24, 'use at least 24 characters').optional(),
  FRONTDESK_SECRET_KEY: base64Key.optional(),
  FRONTDESK_PREVIOUS_SECRET_KEYS: z.string().optional().transform((v, ctx) => (v ? v.split(',').map((k) => k.trim()) : []).map((k) => {
    const parsed = base64Key.safeParse(k);
    if (!parsed.success) ctx.addIssue({ code: 'custom', message: 'each key must be 32 bytes in base64' });
    return parsed.data ?? Buffer.alloc(0);
  })),
  FRONTDESK_PUBLIC_URL: z.url().optional(),
  FRONTDESK_SEED_BLUEPRINTS: z.enum(['true', 'false']).default('true'),
  FRONTDESK_WORKERS: z.enum(['true', 'false']).default('true'),
  FRONTDESK_DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(20),
  FRONTDESK_CHAT_STARTS_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  FRONTDESK_CHAT_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  FRONTDESK_BOOKING_PAGE_CHANGES_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  FRONTDESK_BURST_WINDOW_MS: z.coerce.number().int().min(0).max(30_000).default(1200),
  FRONTDESK_SEND_IN_DOUBT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(120_000),
  FRONTDESK_LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(8000),
  FRONTDESK_LLM_BREAKER_FAILURES: z.coerce.number().int().min(1).max(100).default(3),
  FRONTDESK_LLM_BREAKER_COOLDOWN_MS: z.coerce.number().int().min(1000).default(60_000),
  FRONTDESK_WEBHOOKS_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  FRONTDESK_WEBHOOKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  FRONTDESK_WEBHOOKS_RETRY_BASE_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  FRONTDESK_OUTBOUND_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  FRONTDESK_RATE_LIMIT_KEY_PER_MINUTE: z.coerce.number().int().min(0).default(1200),
  FRONTDESK_RATE_LIMIT_TENANT_PER_MINUTE: z.coerce.number().int().min(0).default(6000),
  FRONTDESK_RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(0).default(1200),
  FRONTDESK_RATE_LIMIT_SIGN_IN_PER_MINUTE: z.coerce.number().int().min(0).default(100),
  FRONTDESK_RATE_LIMIT_WEBHOOKS_PER_MINUTE: z.coerce.number().int().min(0).default(30_000),
  REDIS_URL: z.url().optional(),
  FRONTDESK_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(256 * 1024),
  FRONTDESK_BACKPRESSURE_INBOUND: z.coerce.number().int().min(0).default(50_000),
  FRONTDESK_BACKPRESSURE_OUTBOX: z.coerce.number().int().min(0).default(50_000),
  FRONTDESK_DASHBOARD_ORIGINS: z.string().optional().transform((v, ctx) => (v ? v.split(',').map((o) => o.trim()).filter(Boolean) : []).map((o) => {
    const origin = URL.canParse(o) ? new URL(o).origin : 'null';
    if (origin === 'null') ctx.addIssue({ code: 'custom', message: `${o} is not an http(s) origin` });
    return origin;
  })),
  FRONTDESK_SMTP_URL: z.url().optional(),
  FRONTDESK_MAIL_FROM: z.string().default('Frontdesk <no-reply@localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Where the dashboard's production build is (default apps/dashboard/dist). */
  dashboardDir?: string;
  adminKey: string | undefined;
  /** Seals stored provider secrets; previous keys still open what they sealed (rotation). */
  secretKey: Buffer | undefined;
  previousSecretKeys: Buffer[];
  publicUrl: string | undefined;
  seedBlueprints: boolean;
  /** Run the job workers (channels in and out) in this process; false serves HTTP only (API and workers scaled apart). */
  workers: boolean;
  dbPoolMax: number;
  /** Public web chat: new conversations per minute per IP, messages per minute per conversation. */
  chatLimits: { startsPerMinute: number; messagesPerMinute: number };
  /** Public booking page: bookings, cancellations and moves per minute per IP. */
  bookingPageLimits: { changesPerMinute: number };
  /** Customer messages this close together are read as one ("oi" / "quero marcar" / "amanhã 15h"). */
  burstWindowMs: number;
  /** A send interrupted by a crash and not settled by a provider receipt within this long is sent again. */
  sendInDoubtMs: number;
  /** The optional LLM: a completion's default timeout (the turn holds its conversation locked meanwhile), and its circuit breaker. */
  llm: { defaultTimeoutMs: number; breaker: { failures: number; cooldownMs: number } };
  /** Outgoing webhooks: private/loopback destinations allowed?, one attempt's deadline, the first retry's delay (each next ×4). */
  webhooks: { allowPrivate: boolean; timeoutMs: number; retryBaseMs: number };
  /** Requests to tenant-configured provider URLs (LLM, channel APIs) may reach private and loopback networks? */
  outboundAllowPrivate: boolean;
  /** Requests per minute (0 = no limit) per API key or staff session, per tenant, per address on public routes, sign-in and webhooks. */
  rateLimits: { perKey: number; perTenant: number; perIp: number; signInPerIp: number; webhooksPerIp: number };
  /** Shares rate-limit counters between servers; counters stay in memory without it. */
  redisUrl: string | undefined;
  /** The largest request body accepted (provider webhooks keep their own 1 MiB). */
  bodyLimitBytes: number;
  /** Webhook intake and chat messages answer 503 while this many inbound events or sends wait (0 = never). */
  backpressure: { inbound: number; outbox: number };
  /** Origins that may call /v1 from a browser with credentials (the dashboard); empty = the public URL's origin. */
  dashboardOrigins: string[];
  /** The platform's own mail (invitations, password resets): an smtp:// or smtps:// URL, and the sender. */
  mail: { smtpUrl: string | undefined; from: string };
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  production: boolean;
}

/** The only reader of process.env: validates everything once and lists every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.FRONTDESK_DATA_DIR),
    ...(e.FRONTDESK_DASHBOARD_DIR ? { dashboardDir: path.resolve(e.FRONTDESK_DASHBOARD_DIR) } : {}),
    adminKey: e.FRONTDESK_ADMIN_KEY,
    secretKey: e.FRONTDESK_SECRET_KEY,
    previousSecretKeys: e.FRONTDESK_PREVIOUS_SECRET_KEYS,
    publicUrl: e.FRONTDESK_PUBLIC_URL,
    seedBlueprints: e.FRONTDESK_SEED_BLUEPRINTS === 'true',
    workers: e.FRONTDESK_WORKERS === 'true',
    dbPoolMax: e.FRONTDESK_DB_POOL_MAX,
    chatLimits: { startsPerMinute: e.FRONTDESK_CHAT_STARTS_PER_MINUTE, messagesPerMinute: e.FRONTDESK_CHAT_MESSAGES_PER_MINUTE },
    bookingPageLimits: { changesPerMinute: e.FRONTDESK_BOOKING_PAGE_CHANGES_PER_MINUTE },
    burstWindowMs: e.FRONTDESK_BURST_WINDOW_MS,
    sendInDoubtMs: e.FRONTDESK_SEND_IN_DOUBT_MS,
    llm: {
      defaultTimeoutMs: e.FRONTDESK_LLM_TIMEOUT_MS,
      breaker: { failures: e.FRONTDESK_LLM_BREAKER_FAILURES, cooldownMs: e.FRONTDESK_LLM_BREAKER_COOLDOWN_MS },
    },
    webhooks: {
      allowPrivate: e.FRONTDESK_WEBHOOKS_ALLOW_PRIVATE === 'true',
      timeoutMs: e.FRONTDESK_WEBHOOKS_TIMEOUT_MS,
      retryBaseMs: e.FRONTDESK_WEBHOOKS_RETRY_BASE_MS,
    },
    mail: { smtpUrl: e.FRONTDESK_SMTP_URL, from: e.FRONTDESK_MAIL_FROM },
    outboundAllowPrivate: e.FRONTDESK_OUTBOUND_ALLOW_PRIVATE === 'true',
    rateLimits: {
      perKey: e.FRONTDESK_RATE_LIMIT_KEY_PER_MINUTE, perTenant: e.FRONTDESK_RATE_LIMIT_TENANT_PER_MINUTE, perIp: e.FRONTDESK_RATE_LIMIT_IP_PER_MINUTE,
      signInPerIp: e.FRONTDESK_RATE_LIMIT_SIGN_IN_PER_MINUTE, webhooksPerIp: e.FRONTDESK_RATE_LIMIT_WEBHOOKS_PER_MINUTE,
    },
    redisUrl: e.REDIS_URL,
    bodyLimitBytes: e.FRONTDESK_BODY_LIMIT_BYTES,
    backpressure: { inbound: e.FRONTDESK_BACKPRESSURE_INBOUND, outbox: e.FRONTDESK_BACKPRESSURE_OUTBOX },
    dashboardOrigins: e.FRONTDESK_DASHBOARD_ORIGINS,
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === 'production',
  };
}
