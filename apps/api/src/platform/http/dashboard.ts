import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Where `vite build` of apps/dashboard writes (the API serves it; nothing is built at request time). */
export const dashboardDist = fileURLToPath(new URL('../../../../dashboard/dist', import.meta.url));

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frontdesk</title></head>
<body><h1>The dashboard is not built</h1><p>Run <code>npm run build -w @frontdesk/dashboard</code> (or <code>npm start</code>, which builds it).</p></body></html>`;

/**
 * The staff dashboard (a single-page app) at /app/: hashed files under /app/assets/ cached for a
 * year, and index.html — never cached — for every other /app/ path, so the app's own router
 * answers deep links. The invitation link the API hands out (/accept-invitation#token=…) opens
 * the app's invitation page; the browser keeps the fragment across the redirect, so the token
 * never reaches a server log. index.html is read per request: a rebuild needs no restart.
 * The public booking page (`/book/<tenant>`, `/book/manage/<token>`) is the build's second page,
 * book.html, served the same way under the same strict policy.
 */
export async function serveDashboard(app: FastifyInstance, options: { dir?: string } = {}): Promise<void> {
  const dir = options.dir ?? dashboardDist;
  await app.register(async (scope) => {
    await scope.register(fastifyStatic, {
      root: path.join(dir, 'assets'), prefix: '/app/assets/', decorateReply: false, index: false,
      immutable: true, maxAge: '365d', cacheControl: true,
    });
    const serve = (file: string) => async (_request: unknown, reply: FastifyReply) => {
      const html = await fs.readFile(path.join(dir, file), 'utf8').catch(() => undefined);
      return reply.code(html ? 200 : 503).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html ?? NOT_BUILT);
    };
    const page = serve('index.html');
    const hide = { schema: { hide: true } };
    scope.get('/app', hide, async (_request, reply) => reply.redirect('/app/'));
    scope.get('/app/', hide, page);
    scope.get('/app/*', hide, page);
    scope.get('/book/*', hide, serve('book.html'));
    scope.get('/accept-invitation', hide, async (_request, reply) => reply.redirect('/app/invitations'));
  });
}
