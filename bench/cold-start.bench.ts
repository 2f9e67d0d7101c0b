// Time from `frontdesk start` to the first 200 on /healthz: empty data dir, then existing data.
// Run: npx tsx bench/cold-start.bench.ts
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/api');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function timeToFirst200(dataDir: string): Promise<number> {
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'start'], {
    cwd: apiDir, env: { ...process.env, FRONTDESK_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    for (;;) {
      if (performance.now() - started > 60_000) throw new Error('no 200 within 60 s');
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200, () => false);
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const empty: number[] = [];
const existing: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'frontdesk-cold-'));
  fs.chmodSync(dir, 0o755);
  empty.push(await timeToFirst200(dir));
  existing.push(await timeToFirst200(dir));
  fs.rmSync(dir, { recursive: true, force: true });
}
const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
console.log(JSON.stringify({ benchmark: 'cold start to first 200', runs: RUNS, emptyDataDirMs: median(empty), existingDataMs: median(existing), samples: { empty: empty.map(Math.round), existing: existing.map(Math.round) } }));
