import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, seedTenant, startTestApp } from '../harness/app';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'frontdesk-cli-scenarios-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(work, name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

async function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; out: string }> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: apiDir, env: { ...inherited, ...env } });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

// Kumon asks for consent (LGPD) first; after "sim" it answers the question it kept.
const kumonPrice = (expected: string) => [
  'name: Quotes two subjects', 'blueprint: kumon-vila-a', 'now: 2026-11-25T13:00:00Z', 'steps:',
  '  - say: Quanto custa pra fazer matemática e inglês?', '    expect:', '      mentions: [LGPD]',
  '  - say: sim', '    expect:', `      mentions: ["${expected}"]`,
].join('\n');

describe('frontdesk scenarios', () => {
  it('runs in process on its own embedded database, prints what failed and exits 1', async () => {
    const dir = folder('failing', { 'price.yaml': kumonPrice('R$ 999,00'), 'pending/ignored.yaml': 'not: a scenario' });
    const { code, out } = await cli(['scenarios', dir]);
    expect(code, out).toBe(1);
    expect(out).toContain('Running 1 scenario in process');
    expect(out).toContain('✓ 1 » Quanto custa pra fazer matemática e inglês?');
    expect(out).toContain('✗ 2 » sim');
    expect(out).toContain('expected mentions "R$ 999,00"');
    expect(out).toMatch(/« Nossos preços: ⏎ Para 2 disciplinas: .*R\$\s750,00 por mês/);
    expect(out).toContain('1 scenario: 0 passed, 1 failed');
    expect(out).toMatch(/✗ .*price\.yaml \(step 2\) — Quotes two subjects/);
  });

  it('runs against a running instance with a key issued through the admin key, and exits 0 when all pass', async () => {
    const app = await startTestApp();
    await seedTenant(app, 'kumon-vila-a');
    await app.app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.app.server.address() as { port: number };
    const atItsTime = `${kumonPrice('R$ 750,00 por mês').replace('name: Quotes two subjects', 'name: Only at its time')}\ninProcessOnly: true\n`;
    const dir = folder('passing', { 'price.yaml': kumonPrice('R$ 750,00 por mês'), 'timed.yaml': atItsTime });
    const { code, out } = await cli(['scenarios', dir, '--url', `http://127.0.0.1:${address.port}`, '--admin-key', ADMIN_KEY]);
    expect(code, out).toBe(0);
    expect(out).toContain(`against http://127.0.0.1:${address.port} (real clock)`);
    expect(out).toContain('✓ 1 » Quanto custa pra fazer matemática e inglês?');
    expect(out).toContain('✓ 2 » sim');
    expect(out).toContain('skipped: needs its fixed clock (inProcessOnly)');
    expect(out).toContain('2 scenarios: 1 passed, 0 failed, 1 skipped');
  });

  it('refuses a scenario file with a mistake, naming the file and the field', async () => {
    const dir = folder('broken', { 'typo.yaml': 'name: x\nblueprint: kumon-vila-a\nsteps:\n  - say: oi\n    expect: { mention: [oi] }\n' });
    const { code, out } = await cli(['scenarios', dir]);
    expect(code).toBe(1);
    expect(out).toContain('typo.yaml:');
    expect(out).toContain('steps[0].expect: Unrecognized key: "mention"');
  });

  it('asks for a key per tenant when given only a URL', async () => {
    const dir = folder('no-key', { 'price.yaml': kumonPrice('R$ 750,00') });
    const { code, out } = await cli(['scenarios', dir, '--url', 'http://127.0.0.1:9']);
    expect(code).toBe(1);
    expect(out).toContain('No API key for kumon-vila-a: give --api-key kumon-vila-a=<key> or --admin-key <key>');
  });
});
