import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { newSecret } from '../../shared/ids';
import { lockDataDir } from './data-dir-lock';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface ProvisionedDatabase {
  url: string;
  embedded: boolean;
  release(): Promise<void>;
}

interface Logger { info(msg: string): void; warn(msg: string): void }

/** DATABASE_URL if set; otherwise Frontdesk's own embedded PostgreSQL in the data directory (locked to one process). */
export async function provisionDatabase(config: Config, log: Logger): Promise<ProvisionedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, release: async () => undefined };
  const lock = lockDataDir(config.dataDir);
  try {
    const server = await startEmbeddedPostgres(config.dataDir, log);
    return {
      url: server.url('postgres'),
      embedded: true,
      async release() {
        await server.stop();
        lock.release();
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/** FRONTDESK_ADMIN_KEY, or a key generated once and kept in <dataDir>/admin-key (never in production). */
export function resolveAdminKey(config: Config): { key: string; file?: string } {
  if (config.adminKey) return { key: config.adminKey };
  if (config.production) throw new Error('FRONTDESK_ADMIN_KEY must be set in production');
  const file = path.join(config.dataDir, 'admin-key');
  fs.mkdirSync(config.dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, `fd_admin_${newSecret(24)}\n`, { mode: 0o600 });
  return { key: fs.readFileSync(file, 'utf8').trim(), file };
}

/** FRONTDESK_SECRET_KEY (32 bytes, base64), or one generated once into <dataDir>/secret-key (never in production). */
export function resolveSecretKey(config: Config): Buffer {
  if (config.secretKey) return config.secretKey;
  if (config.production) throw new Error('FRONTDESK_SECRET_KEY must be set in production (32 random bytes, base64)');
  const file = path.join(config.dataDir, 'secret-key');
  fs.mkdirSync(config.dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
}
