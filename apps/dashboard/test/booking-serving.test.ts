import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../api/test/harness/app';
import { serveDashboard } from '../../api/src/platform/http/dashboard';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
const get = (url: string) => app.app.inject({ method: 'GET', url });
const scriptsOf = (html: string) => [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="(\/app\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);

describe('the API serves the public booking page at /book/', () => {
  it('answers the booking and manage links with the booking page, never cached, under the strict policy', async () => {
    for (const url of ['/book/barberpro-palermo', '/book/barberpro-palermo?service=x&staff=y', '/book/manage/abc123']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<div id="root"></div>');
      expect(res.body).toMatch(/src="\/app\/assets\/book-[\w-]+\.js"/);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toMatch(/script-src 'self'(;|$)/); // no inline script allowed, and none needed
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer'); // the manage link's token stays on this site
      expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });

  it("loads its own entry and the shared libraries, none of the staff dashboard's code, under 300 KB gzipped", async () => {
    const book = (await get('/book/kumon-vila-a')).body;
    const dashboard = (await get('/app/')).body;
    const scripts = scriptsOf(book);
    expect(scripts.some((s) => /\/book-[\w-]+\.js$/.test(s))).toBe(true);
    expect(scripts.some((s) => /\/app-[\w-]+\.js$/.test(s))).toBe(false);
    expect(scriptsOf(dashboard).some((s) => /\/book-[\w-]+\.js$/.test(s))).toBe(false);
    let gzipped = 0;
    for (const script of scripts) {
      const res = await get(script);
      expect(res.statusCode, script).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      // The staff session, the live stream and the inbox are the dashboard's; the booking page never calls them.
      for (const staffOnly of ['/v1/auth/session', '/v1/stream', '/v1/conversations']) expect(res.body, script).not.toContain(staffOnly);
      gzipped += gzipSync(res.rawPayload, { level: 9 }).length;
    }
    expect(gzipped).toBeLessThan(300 * 1024);
  });

  it('says how to build it when it is not built', async () => {
    const server = Fastify();
    await serveDashboard(server, { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'no-dashboard-')) });
    const res = await server.inject({ url: '/book/speedy-van' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build -w @frontdesk/dashboard');
    await server.close();
  });
});
