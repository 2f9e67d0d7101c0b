// `npm start` runs this first: builds the dashboard when dist/ is missing or older than its sources.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Both pages: the staff dashboard and the public booking page (an older build may lack the second).
const built = ['index.html', 'book.html'].map((page) => path.join(root, 'dist', page));

function newestSource(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestSource(path.join(entry, name))));
}

const sources = ['src', 'index.html', 'book.html', 'vite.config.ts', 'package.json'].map((p) => path.join(root, p));
const builtAt = Math.min(...built.map((page) => (fs.existsSync(page) ? fs.statSync(page).mtimeMs : -1)));
if (builtAt >= Math.max(...sources.map(newestSource))) process.exit(0);

process.stdout.write('[frontdesk] building the dashboard…\n');
const { build } = await import('vite');
await build({ root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
