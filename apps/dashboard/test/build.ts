import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * vitest globalSetup: the dashboard's production build, once per run, before its browser tests.
 * In its own process: vitest sets NODE_ENV=test, which would give React's development build.
 */
export default function buildDashboard(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const vite = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, env: { ...process.env, NODE_ENV: 'production' }, stdio: 'inherit' });
}
