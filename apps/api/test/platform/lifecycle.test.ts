import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../src/platform/db/data-dir-lock';
import { createTestDatabase, targets } from '../harness/app';
import { startProcess, type Started } from './process';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'frontdesk-life-'));
fs.chmodSync(dataDir, 0o755);
const env = { FRONTDESK_DATA_DIR: dataDir };
const running: Started[] = [];
afterAll(() => {
  for (const p of running) p.child.kill('SIGKILL');
  const pid = postmasterPid();
  if (pid && isProcessAlive(pid)) process.kill(pid, 'SIGQUIT');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function postmasterPid(): number | undefined {
  const file = path.join(dataDir, 'pg', 'postmaster.pid');
  return fs.existsSync(file) ? Number.parseInt(fs.readFileSync(file, 'utf8'), 10) : undefined;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
const json = async (res: Response): Promise<any> => res.json();

async function start(): Promise<Started> {
  const p = await startProcess(env);
  running.push(p);
  return p;
}

describe('npm start on the embedded database', () => {
  let kumonKey = '';
  let bookingId = '';

  it('creates the database, loads the four blueprints and serves the API', async () => {
    const p = await start();
    expect((await fetch(`${p.url}/readyz`)).status).toBe(200);
    const adminKey = fs.readFileSync(path.join(dataDir, 'admin-key'), 'utf8').trim();
    const tenants = await json(await fetch(`${p.url}/v1/tenants`, { headers: { authorization: `Bearer ${adminKey}` } }));
    expect(tenants.items.map((t: { slug: string }) => t.slug).sort()).toEqual(['barberpro-palermo', 'flexoraa', 'kumon-vila-a', 'speedy-van']);
    kumonKey = /kumon-vila-a\s+(fd_\S+)/.exec(p.output())![1]!;
    expect(p.output()).toContain('/docs');

    // Each new business's first owner signs in through the printed invitation: name and password of their own choosing.
    const token = /barberpro-palermo\s+\S+\/accept-invitation#token=(\S+)/.exec(p.output())![1]!;
    const joined = await fetch(`${p.url}/v1/invitations/${token}/accept`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Lucía Gómez', password: 'a long passphrase here' }) });
    expect(joined.status).toBe(200);
    const session = await json(await fetch(`${p.url}/v1/auth/session`, { headers: { cookie: joined.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') } }));
    expect(session.activeTenant).toMatchObject({ tenantSlug: 'barberpro-palermo', role: 'owner' });

    const services = await json(await fetch(`${p.url}/v1/services`, { headers: { authorization: `Bearer ${kumonKey}` } }));
    const from = new Date(Date.now() + 3 * 86400_000).toISOString();
    const to = new Date(Date.now() + 10 * 86400_000).toISOString();
    const slots = (await json(await fetch(`${p.url}/v1/availability?serviceId=${services.items[0].id}&from=${from}&to=${to}`,
      { headers: { authorization: `Bearer ${kumonKey}` } }))).slots;
    expect(slots.length).toBeGreaterThan(0);
    const booked = await fetch(`${p.url}/v1/bookings`, {
      method: 'POST', headers: { authorization: `Bearer ${kumonKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: services.items[0].id, start: slots[0].start, customer: { name: 'Persisted' } }),
    });
    expect(booked.status).toBe(201);
    bookingId = (await json(booked)).id;
  });

  it('refuses a second instance on the same data directory with a clear message', async () => {
    const second = await startProcess(env).then(() => 'started', (err: { code: number; output: string }) => err);
    expect(second).not.toBe('started');
    expect((second as { code: number }).code).toBe(1);
    expect((second as { output: string }).output).toMatch(/Another Frontdesk \(pid \d+\) is already using the data directory/);
  });

  it('stops cleanly on SIGTERM: the database server stops too', async () => {
    const p = running.at(-1)!;
    const pgPid = postmasterPid()!;
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(isProcessAlive(pgPid)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'frontdesk.pid'))).toBe(false);
  });

  it('keeps the data across restarts and does not seed twice', async () => {
    const p = await start();
    expect(p.output()).not.toContain('Blueprint tenants created');
    const res = await fetch(`${p.url}/v1/bookings/${bookingId}`, { headers: { authorization: `Bearer ${kumonKey}` } });
    expect(res.status).toBe(200);
    expect((await json(res)).customer.name).toBe('Persisted');
  });

  it('recovers after a crash that left the database server running', async () => {
    const p = running.at(-1)!;
    const orphan = postmasterPid()!;
    p.child.kill('SIGKILL');
    await p.exited;
    expect(isProcessAlive(orphan)).toBe(true);
    const again = await start();
    expect((await fetch(`${again.url}/v1/bookings/${bookingId}`, { headers: { authorization: `Bearer ${kumonKey}` } })).status).toBe(200);
    expect(isProcessAlive(orphan)).toBe(false);
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  });
});

describe('npm start with DATABASE_URL', () => {
  const external = targets().find((t) => t.name === 'postgres');

  it.runIf(external)('migrates and seeds an external PostgreSQL once, even when two servers start together', async () => {
    const url = await createTestDatabase(external!);
    const dirs = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'frontdesk-ext-')));
    // Servers sharing a database share its keys (the secret key seals provider tokens).
    const env = (dir: string) => ({ DATABASE_URL: url, FRONTDESK_DATA_DIR: dir, FRONTDESK_ADMIN_KEY: 'external-admin-key-0123456789',
      FRONTDESK_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') });
    const [a, b] = await Promise.all(dirs.map((dir) => startProcess(env(dir))));
    running.push(a!, b!);
    expect(a!.output()).toContain('DATABASE_URL');
    const created = [a!, b!].map((p) => (p.output().match(/^ {4}[a-z-]+ +fd_/gm) ?? []).length);
    expect(created.sort()).toEqual([0, 4]);
    const tenants = await json(await fetch(`${b!.url}/v1/tenants`, { headers: { authorization: 'Bearer external-admin-key-0123456789' } }));
    expect(tenants.items).toHaveLength(4);
    expect((await fetch(`${a!.url}/readyz`)).status).toBe(200);
    for (const p of [a!, b!]) {
      p.child.kill('SIGTERM');
      expect(await p.exited).toBe(0);
    }
    // A server with another secret key would fail on every stored token: it refuses to start.
    await expect(startProcess({ ...env(dirs[0]!), FRONTDESK_SECRET_KEY: Buffer.alloc(32, 8).toString('base64') }))
      .rejects.toThrow(/sealed with another key: start every server with the same FRONTDESK_SECRET_KEY/);
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });
});
