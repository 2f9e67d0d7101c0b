import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../api/test/harness/app';
import { serveDashboard } from '../../api/src/platform/http/dashboard';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
const get = (url: string) => app.app.inject({ method: 'GET', url });

describe('the API serves the built dashboard at /app/', () => {
  it('answers every /app/ path with the page, never cached, under the strict policy', async () => {
    for (const url of ['/app/', '/app/calendar', '/app/invitations/abc', '/app/a/deep/link?x=1']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<div id="root"></div>');
    }
    const res = await get('/app/');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'(;|$)/); // no inline script allowed, and none needed
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // every script is a file
  });

  it('serves the hashed files for a year and a missing one as a 404 problem', async () => {
    const page = (await get('/app/')).body;
    const assets = [...page.matchAll(/(?:src|href)="(\/app\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const res = await get(asset);
      expect(res.statusCode, asset).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['content-type']).toMatch(asset.endsWith('.js') ? /javascript/ : /text\/css/);
    }
    const missing = await get('/app/assets/app-nothere.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await get('/app/assets/../../package.json')).statusCode).not.toBe(200);
  });

  it('sends /app and the invitation link the API hands out to the app', async () => {
    const app1 = await get('/app');
    expect(app1.statusCode).toBe(302);
    expect(app1.headers.location).toBe('/app/');
    const invitation = await get('/accept-invitation');
    expect(invitation.statusCode).toBe(302);
    expect(invitation.headers.location).toBe('/app/invitations');
  });

  it('says how to build it when it is not built', async () => {
    const server = Fastify();
    await serveDashboard(server, { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'no-dashboard-')) });
    const res = await server.inject({ url: '/app/' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build -w @frontdesk/dashboard');
    await server.close();
  });
});
