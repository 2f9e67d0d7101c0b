import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * vitest globalSetup: the dashboard's production build, once per run, before its browser tests.
 * Into a folder of this run's own (FRONTDESK_DASHBOARD_DIR, which the test apps serve), so two
 * runs side by side never see each other's half-written build; apps/dashboard/dist is left alone.
 * In its own process: vitest sets NODE_ENV=test, which would give React's development build.
 */
export default function buildDashboard(): () => void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'frontdesk-dashboard-'));
  const vite = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'],
    { cwd: root, env: { ...process.env, NODE_ENV: 'production' }, stdio: 'inherit' });
  process.env.FRONTDESK_DASHBOARD_DIR = outDir;
  return () => fs.rmSync(outDir, { recursive: true, force: true });
}
