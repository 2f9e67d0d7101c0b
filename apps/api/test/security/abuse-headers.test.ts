import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import { launchBrowser } from '../browser/browser';

const DASHBOARD = 'https://dash.example.com';
let app: TestApp;
let tenant: { key: string; slug: string };
beforeAll(async () => {
  app = await startTestApp({ config: { dashboardOrigins: [DASHBOARD] } });
  tenant = await createTenant(app);
});

describe('security headers', () => {
  it('are on every answer: CSP without framing, nosniff, no referrer, no HSTS over http', async () => {
    for (const res of [await app.app.inject({ url: '/healthz' }), await app.app.inject({ url: '/v1/services' }), await app.app.inject({ url: '/nope' })]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('send HSTS when the public URL is https', async () => {
    const https = await startTestApp({ config: { publicUrl: 'https://desk.example.com' } });
    const res = await https.app.inject({ url: '/healthz' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('let any site frame the chat page and load the widget, allowing only the page’s own inline code', async () => {
    const page = await app.app.inject({ url: `/chat/${tenant.slug}` });
    expect(page.statusCode).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const script = /<script>([\s\S]*?)<\/script>/.exec(page.body)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(page.body)![1]!;
    expect(csp).toContain(`script-src 'self' ${hash(script)}`);
    expect(csp).toContain(`style-src 'self' ${hash(style)}`);
    expect(csp).not.toContain('frame-ancestors');
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['x-frame-options']).toBeUndefined();
    expect(page.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const widget = await app.app.inject({ url: '/chat/widget.js' });
    expect(widget.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });
});

describe('CORS', () => {
  const from = (origin: string, url = '/v1/services', method: 'GET' | 'OPTIONS' = 'GET', extra: Record<string, string> = {}) =>
    app.app.inject({ method, url, headers: { origin, ...app.auth(tenant.key), ...extra } });

  it('let the dashboard call /v1 with credentials, and give other origins nothing', async () => {
    const ok = await from(DASHBOARD);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe(DASHBOARD);
    expect(ok.headers['access-control-allow-credentials']).toBe('true');
    const preflight = await from(DASHBOARD, '/v1/bookings', 'OPTIONS', { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-csrf-token' });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
    expect(preflight.headers['access-control-allow-headers']).toContain('x-csrf-token');

    for (const res of [await from('https://evil.example'), await from('https://evil.example', '/v1/bookings', 'OPTIONS', { 'access-control-request-method': 'POST' })]) {
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  it('let any site call the public chat API, without credentials', async () => {
    const res = await app.app.inject({ method: 'POST', url: `/v1/chat/${tenant.slug}/conversations`, headers: { origin: 'https://shop.example' } });
    expect(res.statusCode).toBe(201);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await app.app.inject({ method: 'OPTIONS', url: `/v1/chat/${tenant.slug}/conversations/x/messages`,
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toContain('authorization');
  });

  it('allow the server’s own public URL when no dashboard origin is configured', async () => {
    const plain = await startTestApp({ config: { publicUrl: 'https://desk.example.com' } });
    const res = await plain.app.inject({ url: '/healthz', headers: { origin: 'https://desk.example.com' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined(); // not under /v1
    const api = await plain.app.inject({ url: '/v1/openapi.json', headers: { origin: 'https://desk.example.com' } });
    expect(api.headers['access-control-allow-origin']).toBe('https://desk.example.com');
  });
});

describe('the chat page under its policy, in Chromium', () => {
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    base = await app.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('runs, framed by another site, with no policy violation', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
    page.on('pageerror', (err) => violations.push(err.message));
    // about:blank is another origin than the server's: the widget frames the page cross-origin.
    await page.setContent(`<html><body><script src="${base}/chat/widget.js" data-tenant="${tenant.slug}"></script></body></html>`);
    await page.click('button[data-frontdesk="open"]');
    const frame = page.frameLocator('iframe[data-frontdesk="frame"]');
    await expect.poll(() => frame.locator('.msg.out').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await page.close();
  });
});
