import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/**
 * The staff dashboard, served by the API server at /app/ (apps/api/src/platform/http/dashboard.ts).
 * Every built file lives under /app/assets/ with a content hash, so it can be cached for a year.
 * The public booking page (/book/:tenantSlug, /book/manage/:token) is a second input (book.html):
 * its own entry chunk, sharing only libraries (React, TanStack Query, wouter) with the dashboard.
 */
export default defineConfig({
  root: here('.'),
  base: '/app/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    rollupOptions: {
      input: { app: here('index.html'), book: here('book.html') },
      // "use client" in TanStack Query's modules means nothing to a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    // `npm run dev -w @frontdesk/dashboard` next to a running `npm start`: /v1 goes to the API.
    proxy: { '/v1': 'http://127.0.0.1:3000' },
  },
  plugins: [{
    // In development, /book/… opens the booking page (the API server does the same with the build).
    name: 'frontdesk-booking-page',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url?.startsWith('/book/')) req.url = '/app/book.html';
        next();
      });
    },
  }],
});
