import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { ZodApp } from '../../platform/http/server';
import { openEventStream, type EventStream } from '../../platform/http/sse';
import { requireTenant } from '../../platform/auth/bearer';
import { permits, type Principal } from '../../platform/auth/permissions';
import { withoutTenant } from '../../platform/db/tenant-scope';
import { streamTypes } from './domain/frames';
import type { Follow } from './stream';

/** How often an open stream checks that its credentials still stand (sign-out, removal, a new role, a revoked key). */
const RECHECK_MS = 60_000;

export interface LiveRouteDeps {
  follow(f: Omit<Follow, 'db' | 'listener' | 'onError'>): Promise<void>;
  authenticate(request: FastifyRequest): Promise<Principal>;
}

const DESCRIPTION = `Server-Sent Events of the caller's tenant, from every process: \`change\` for each booking created,
rescheduled, cancelled or changing status, hold placed or released, message received or sent, conversation taken over,
handed back, handed off, assigned or tagged, lead change and SLA breach that the caller may read (\`data\`: {id, type, subjectId, at, data}
with ids and times only — read the object through the API). \`ready\` once caught up; \`reset\` when a Last-Event-ID cannot
be honoured (reload everything). Each event's id is a cursor: reconnecting with it as Last-Event-ID (or ?lastEventId=)
resumes without gaps, up to 1,000 events back. A comment every 15 s keeps the connection open.`;

/** The same caller with the same rights? */
function unchanged(a: Principal, b: Principal): boolean {
  if (a.kind === 'staff' && b.kind === 'staff') return a.tenantId === b.tenantId && a.role === b.role && a.sessionId === b.sessionId;
  if (a.kind === 'tenant' && b.kind === 'tenant') return a.keyId === b.keyId && a.scopes.join() === b.scopes.join();
  return false;
}

/** Ends the stream once its credentials no longer give what they gave when it opened; the client reconnects and is asked again. */
function watchCredentials(req: FastifyRequest, res: ServerResponse, events: EventStream, authenticate: LiveRouteDeps['authenticate']): void {
  const opened = req.principal!;
  const timer = setInterval(() => {
    void withoutTenant(() => authenticate(req)).then((now) => unchanged(opened, now), (err: { code?: string }) => err.code !== 'UNAUTHENTICATED')
      .then((ok) => {
        if (ok || events.closed) return;
        events.send('end', undefined, { reason: 'credentials-changed' });
        res.end();
      });
  }, RECHECK_MS);
  timer.unref();
  events.onClose(() => clearInterval(timer));
}

export function liveRoutes(app: ZodApp, deps: LiveRouteDeps): void {
  app.get('/v1/stream', {
    schema: {
      tags: ['live'], summary: "Live events of the caller's tenant (Server-Sent Events)", description: DESCRIPTION,
      querystring: z.object({ lastEventId: z.string().max(2000).optional().describe('a cursor kept from an earlier stream (the Last-Event-ID header wins)') }),
    },
  }, async (req, reply) => {
    const tenantId = requireTenant(req);
    const principal = req.principal!;
    const types = streamTypes((permission) => permits(principal, permission));
    const header = req.headers['last-event-id'];
    const lastEventId = (typeof header === 'string' ? header : undefined) ?? req.query.lastEventId;
    const events = openEventStream(req, reply);
    watchCredentials(req, reply.raw, events, deps.authenticate);
    try {
      await deps.follow({ stream: events, tenantId, types, lastEventId });
    } catch (err) {
      req.log.warn({ err }, 'live stream failed');
      events.send('error', undefined, { code: 'STREAM_UNAVAILABLE' });
      reply.raw.end();
    }
  });
}
