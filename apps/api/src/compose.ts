import { accountsRoutes, accountsService } from './modules/accounts';
import { createScheduling } from './modules/scheduling';
import { createConversations } from './modules/conversations';
import type { Config } from './platform/config';
import { connectDatabase, type Database } from './platform/db/database';
import { migrationsPending } from './platform/db/migrate';
import { createAuthenticator } from './platform/auth/bearer';
import { createHttpServer, type ZodApp } from './platform/http/server';
import { AppError } from './shared/errors';

export const VERSION = '0.1.0';

export interface AppParts {
  app: ZodApp;
  db: Database;
  accounts: ReturnType<typeof accountsService>;
  scheduling: ReturnType<typeof createScheduling>;
  conversations: ReturnType<typeof createConversations>;
  close(): Promise<void>;
}

export interface ComposeOptions {
  config: Config;
  databaseUrl: string;
  adminKey: string;
  clock?: { now(): number };
}

/** The composition root: the only place that knows every module. */
export async function composeApp({ config, databaseUrl, adminKey, clock = { now: () => Date.now() } }: ComposeOptions): Promise<AppParts> {
  const db = connectDatabase(databaseUrl, config.dbPoolMax);
  const accounts = accountsService(db);
  const scheduling = createScheduling(db, accounts, clock);
  const app = await createHttpServer({
    logLevel: config.logLevel,
    version: VERSION,
    authenticate: createAuthenticator(adminKey, accounts),
  });
  const baseUrl = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;

  app.get('/healthz', { schema: { tags: ['operations'], security: [] } }, async () => ({ status: 'ok', version: VERSION }));
  app.get('/readyz', { schema: { tags: ['operations'], security: [] } }, async () => {
    const pending = await migrationsPending(db.pool).catch(() => -1);
    if (pending !== 0) throw new AppError('NOT_READY', pending < 0 ? 'The database is unreachable' : `${pending} migrations pending`);
    return { status: 'ready' };
  });
  const conversations = createConversations(db, { scheduling, tenants: accounts, clock }, config.chatLimits);
  accountsRoutes(app, accounts);
  scheduling.routes(app, baseUrl);
  conversations.routes(app);

  const sweeper = setInterval(() => {
    accounts.listTenants()
      .then((tenants) => scheduling.holds.sweepExpired(tenants.map((t) => t.id)))
      .catch((err) => app.log.warn({ err }, 'hold sweep failed'));
  }, 60_000);
  sweeper.unref();

  return {
    app, db, accounts, scheduling, conversations,
    async close() {
      clearInterval(sweeper);
      await app.close();
      await db.close();
    },
  };
}
