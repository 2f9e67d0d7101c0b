import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

/**
 * Security headers on every answer (helmet): a content security policy, nosniff, no referrer,
 * no framing, and HSTS when the public URL is https. The public chat pages (`/chat/…`) are the
 * exception: any website may frame them and load the widget script, and their policy allows
 * exactly the inline script and style each page carries (by hash), nothing else inline.
 */
export async function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'frame-ancestors': ["'none'"],
        // Over plain http (a local install) upgrading would break every page's requests.
        'upgrade-insecure-requests': options.https ? [] : null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.routeOptions.url?.startsWith('/chat/')) return payload;
    reply.header('cross-origin-resource-policy', 'cross-origin');
    const type = String(reply.getHeader('content-type') ?? '');
    if (typeof payload === 'string' && type.startsWith('text/html')) {
      reply.raw.removeHeader('x-frame-options');
      reply.header('content-security-policy', embeddablePagePolicy(payload, options.https));
    }
    return payload;
  });
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const inline = (html: string, tag: 'script' | 'style') =>
  [...html.matchAll(new RegExp(`<${tag}(?![^>]*\\bsrc=)[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => sha256(m[1]!));

/** A page's policy: its own origin for requests, its own inline blocks by hash, framable by any page. */
export function embeddablePagePolicy(html: string, https: boolean): string {
  const scripts = inline(html, 'script');
  const styles = inline(html, 'style');
  return [
    "default-src 'self'", "base-uri 'self'", "connect-src 'self'", "img-src 'self' data:", "font-src 'self' data:",
    "form-action 'self'", "object-src 'none'", "script-src-attr 'none'",
    `script-src 'self' ${scripts.join(' ')}`.trim(), `style-src 'self' ${styles.join(' ')}`.trim(),
    // No frame-ancestors at all: `*` would still refuse embedders without a network scheme (about:blank, file:).
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}
