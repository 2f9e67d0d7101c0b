// Runs every benchmark in turn; each prints JSON lines. Record results in docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
for (const bench of ['availability.bench.ts', 'booking.bench.ts', 'assistant.bench.ts', 'cold-start.bench.ts', 'webhook.bench.ts', 'reminders.bench.ts', 'live-stream.bench.ts', 'calendar.bench.ts', 'field-encryption.bench.ts']) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, bench)], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
