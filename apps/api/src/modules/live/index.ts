import type { FastifyRequest } from 'fastify';
import type { Database } from '../../platform/db/database';
import { createChannelListener } from '../../platform/db/channel-listener';
import type { Principal } from '../../platform/auth/permissions';
import type { ZodApp } from '../../platform/http/server';
import { liveRoutes } from './routes';
import { followTenant } from './stream';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface LiveDeps {
  db: Database;
  databaseUrl: string;
  /** The HTTP server's own authenticator: an open stream asks it again now and then. */
  authenticate(request: FastifyRequest): Promise<Principal>;
  onError(err: unknown): void;
}

/** The staff live stream: each tenant's events log followed over Server-Sent Events (GET /v1/stream). */
export function createLive(deps: LiveDeps) {
  // A trigger on events NOTIFYs `frontdesk_stream` with the tenant's id (migration 0023).
  const listener = createChannelListener<string>({
    url: deps.databaseUrl, channel: 'frontdesk_stream', applicationName: 'frontdesk-stream', onError: deps.onError,
    parse: (payload) => (UUID.test(payload) ? { key: payload, notice: payload } : undefined),
  });
  return {
    routes(app: ZodApp): void {
      liveRoutes(app, {
        authenticate: deps.authenticate,
        follow: (f) => followTenant({ ...f, db: deps.db, listener, onError: deps.onError }),
      });
    },
    close: () => listener.close(),
  };
}
export type Live = ReturnType<typeof createLive>;
