/** JSON Lines readers for the evaluation folders (plain or gzip). */
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

export async function* readJsonl<T>(path: string): AsyncGenerator<T> {
  const file = createReadStream(path);
  const input = path.endsWith('.gz') ? file.pipe(createGunzip()) : file;
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    const t = line.trim();
    if (t) yield JSON.parse(t) as T;
  }
}

/** The file in `dir` if present (`.jsonl` or `.jsonl.gz`), else undefined. */
export function dataFile(dir: string, name: string): string | undefined {
  for (const candidate of [join(dir, name), join(dir, `${name}.gz`)]) if (existsSync(candidate)) return candidate;
  return undefined;
}
