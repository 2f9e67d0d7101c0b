import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startProcess } from './process';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'frontdesk-cli-'));
fs.chmodSync(dataDir, 0o755);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const env = { ...process.env, FRONTDESK_DATA_DIR: dataDir };
async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: apiDir, env });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('the frontdesk command line', () => {
  it('migrates, creates a tenant and issues keys that the server accepts', async () => {
    expect(await cli('migrate')).toMatchObject({ code: 0, out: expect.stringContaining('up to date') });

    const created = await cli('tenant', 'create', '--name', 'Acme Cuts', '--slug', 'acme-cuts',
      '--time-zone', 'Europe/London', '--locale', 'en-GB', '--currency', 'GBP');
    expect(created.code).toBe(0);
    const firstKey = /API key \(shown once\): (fd_\S+)/.exec(created.out)![1]!;

    const issued = await cli('apikey', 'create', '--tenant', 'acme-cuts', '--name', 'zapier');
    expect(issued.code).toBe(0);
    const secondKey = issued.out.trim().split('\n').at(-1)!;
    expect(secondKey).toMatch(/^fd_[0-9a-f]{32}_/);

    expect(await cli('seed', '--blueprint', 'flexoraa')).toMatchObject({ code: 0, out: expect.stringContaining('Created flexoraa') });
    expect((await cli('seed', '--blueprint', 'flexoraa')).out).toContain('already exists');

    const invited = await cli('staff', 'invite', '--tenant', 'acme-cuts', '--email', 'Boss@Acme.test');
    expect(invited.out).toContain('Invitation for boss@acme.test as owner of acme-cuts');
    const token = /accept-invitation#token=([\w-]+)/.exec(invited.out)![1]!;
    expect((await cli('staff', 'invite', '--tenant', 'acme-cuts', '--email', 'x@acme.test', '--role', 'boss')).code).toBe(1);

    const server = await startProcess({ FRONTDESK_DATA_DIR: dataDir, FRONTDESK_SEED_BLUEPRINTS: 'false' });
    try {
      for (const key of [firstKey, secondKey]) {
        const me = await fetch(`${server.url}/v1/tenant`, { headers: { authorization: `Bearer ${key}` } });
        expect(me.status).toBe(200);
        expect(((await me.json()) as { slug: string }).slug).toBe('acme-cuts');
      }
      const accepted = await fetch(`${server.url}/v1/invitations/${token}/accept`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Boss', password: 'a long enough passphrase' }) });
      expect(accepted.status).toBe(200);
      const cookie = accepted.headers.get('set-cookie')!.split(';')[0]!;
      const me = await fetch(`${server.url}/v1/tenant`, { headers: { cookie } });
      expect(((await me.json()) as { slug: string }).slug).toBe('acme-cuts');
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 180_000);

  it('explains bad input and unknown names instead of crashing', async () => {
    const badZone = await cli('tenant', 'create', '--name', 'X', '--slug', 'x-shop', '--time-zone', 'Mars/Olympus', '--locale', 'en-GB', '--currency', 'GBP');
    expect(badZone.code).toBe(1);
    expect(badZone.out).toMatch(/time zone/i);
    const unknown = await cli('seed', '--blueprint', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('No blueprint "nope"');
    const noTenant = await cli('apikey', 'create', '--tenant', 'ghost');
    expect(noTenant.code).toBe(1);
    expect(noTenant.out).toContain('Tenant not found');
  });
});
