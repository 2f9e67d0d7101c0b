import type { Config } from '../../../platform/config';
import { startInProcess } from './in-process';
import { remoteInstance, type Instance } from './instance';
import { loadScenarios } from './load';
import { formatResult, formatSummary, scenarios } from './report';
import { runScenarios } from './runner';

export interface ScenariosOptions { url?: string; apiKey: string[]; adminKey?: string }

/** `slug=key` pairs from repeated --api-key options. */
export function parseApiKeys(pairs: string[]): Record<string, string> {
  return Object.fromEntries(pairs.map((pair) => {
    const at = pair.indexOf('=');
    if (at < 1 || at === pair.length - 1) throw new Error(`--api-key wants <tenant slug>=<key>, got "${pair}"`);
    return [pair.slice(0, at), pair.slice(at + 1)];
  }));
}

/**
 * `frontdesk scenarios <dir>`: against `--url` when given, else in process. Prints each
 * scenario's report as it finishes and a summary; resolves to the exit code (1 if any failed).
 */
export async function scenariosCommand(dir: string, options: ScenariosOptions, config: () => Config, out: (line: string) => void): Promise<number> {
  const files = loadScenarios(dir);
  const instance: Instance & { stop?(): Promise<void> } = options.url
    ? remoteInstance(options.url, { apiKeys: parseApiKeys(options.apiKey), ...(options.adminKey ? { adminKey: options.adminKey } : {}) })
    : await startInProcess(config());
  out(`Running ${scenarios(files.length)} ${options.url ? `against ${instance.label} (real clock)` : 'in process'}\n`);
  try {
    const results = await runScenarios(instance, files, (r) => out(`${formatResult(r)}\n`));
    out(formatSummary(results));
    return results.every((r) => r.passed) ? 0 : 1;
  } finally {
    await instance.stop?.();
  }
}
