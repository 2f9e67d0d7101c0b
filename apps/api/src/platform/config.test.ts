import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('configuration', () => {
  it('has working defaults for a first start', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, seedBlueprints: true, workers: true, production: false });
    expect(c.dataDir).toBe(path.resolve('./data'));
  });

  it('reads every documented variable', () => {
    const c = loadConfig({
      PORT: '8080', HOST: '0.0.0.0', DATABASE_URL: 'postgres://u:p@db:5432/frontdesk', FRONTDESK_DATA_DIR: '/var/lib/frontdesk',
      FRONTDESK_ADMIN_KEY: 'a-very-long-admin-key-of-32-chars!', FRONTDESK_PUBLIC_URL: 'https://desk.example.com',
      FRONTDESK_SEED_BLUEPRINTS: 'false', FRONTDESK_WORKERS: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'production',
    });
    expect(c).toMatchObject({
      port: 8080, host: '0.0.0.0', databaseUrl: 'postgres://u:p@db:5432/frontdesk', dataDir: '/var/lib/frontdesk',
      adminKey: 'a-very-long-admin-key-of-32-chars!', publicUrl: 'https://desk.example.com', seedBlueprints: false,
      workers: false, logLevel: 'warn', production: true,
    });
  });

  it('reads the abuse-protection settings, with defaults that leave normal load alone', () => {
    expect(loadConfig({})).toMatchObject({
      outboundAllowPrivate: false, redisUrl: undefined, bodyLimitBytes: 262_144, dashboardOrigins: [],
      rateLimits: { perKey: 1200, perTenant: 6000, perIp: 1200, signInPerIp: 100, webhooksPerIp: 30_000 },
      backpressure: { inbound: 50_000, outbox: 50_000 },
    });
    const c = loadConfig({ FRONTDESK_DASHBOARD_ORIGINS: 'https://dash.example.com/app, http://localhost:5173', FRONTDESK_RATE_LIMIT_KEY_PER_MINUTE: '0',
      REDIS_URL: 'redis://127.0.0.1:6379', FRONTDESK_OUTBOUND_ALLOW_PRIVATE: 'true' });
    expect(c).toMatchObject({ dashboardOrigins: ['https://dash.example.com', 'http://localhost:5173'], redisUrl: 'redis://127.0.0.1:6379', outboundAllowPrivate: true });
    expect(c.rateLimits.perKey).toBe(0);
    expect(() => loadConfig({ FRONTDESK_DASHBOARD_ORIGINS: 'not a url', FRONTDESK_BODY_LIMIT_BYTES: '10' }))
      .toThrow(/FRONTDESK_BODY_LIMIT_BYTES[\s\S]*FRONTDESK_DASHBOARD_ORIGINS|FRONTDESK_DASHBOARD_ORIGINS[\s\S]*FRONTDESK_BODY_LIMIT_BYTES/);
  });

  it('keeps outgoing webhooks off private networks unless the operator allows them', () => {
    expect(loadConfig({}).webhooks).toEqual({ allowPrivate: false, timeoutMs: 10_000, retryBaseMs: 10_000 });
    expect(loadConfig({ FRONTDESK_WEBHOOKS_ALLOW_PRIVATE: 'true', FRONTDESK_WEBHOOKS_TIMEOUT_MS: '2500', FRONTDESK_WEBHOOKS_RETRY_BASE_MS: '500' }).webhooks)
      .toEqual({ allowPrivate: true, timeoutMs: 2500, retryBaseMs: 500 });
    expect(() => loadConfig({ FRONTDESK_WEBHOOKS_ALLOW_PRIVATE: 'yes', FRONTDESK_WEBHOOKS_TIMEOUT_MS: '5' }))
      .toThrow(/FRONTDESK_WEBHOOKS_ALLOW_PRIVATE[\s\S]*FRONTDESK_WEBHOOKS_TIMEOUT_MS/);
  });

  it('fails fast listing every problem at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url', FRONTDESK_ADMIN_KEY: 'short', FRONTDESK_WORKERS: 'no', LOG_LEVEL: 'loud' }))
      .toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*FRONTDESK_ADMIN_KEY[\s\S]*FRONTDESK_WORKERS[\s\S]*LOG_LEVEL/);
  });
});
