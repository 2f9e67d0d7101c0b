import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';

export interface DataDirLock {
  release(): void;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One Frontdesk per data directory. The lock file holds our pid; a lock whose
 * process is gone was left by a crash and is taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'frontdesk.pid');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return { release: () => releaseIfOurs(file) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isProcessAlive(holder)) {
        throw new AppError(
          'DATA_DIR_IN_USE',
          `Another Frontdesk (pid ${holder}) is already using the data directory ${dataDir}. ` +
            'Stop it first, or set FRONTDESK_DATA_DIR to another directory.',
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new AppError('DATA_DIR_IN_USE', `Could not lock the data directory ${dataDir}`);
}

function releaseIfOurs(file: string): void {
  try {
    if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.rmSync(file);
  } catch {
    // already gone
  }
}
