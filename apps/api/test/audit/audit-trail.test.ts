import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startTestApp, type TestApp } from '../harness/app';
import { until } from '../harness/wait';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'frontdesk-audit-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
let app: TestApp;
let tenant: { id: string; key: string };
let other: { id: string; key: string };

async function entries(key: string) {
  const res = await app.app.inject({ url: '/v1/audit', headers: app.auth(key) });
  expect(res.statusCode).toBe(200);
  return res.json().items as { id: number; action: string; actor: { kind: string; keyId?: string }; target: Record<string, string>;
    request: Record<string, unknown>; status: number; ip: string; at: string }[];
}
/** `frontdesk audit verify` against this test's database. */
async function verifyCli(): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'audit', 'verify'],
      { cwd: apiDir, env: { ...process.env, DATABASE_URL: app.databaseUrl, FRONTDESK_DATA_DIR: dataDir, FRONTDESK_SEED_BLUEPRINTS: 'false' } });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

beforeAll(async () => {
  app = await startTestApp();
  app.clock.set(Date.parse('2026-11-23T10:00:00Z'));
  tenant = await createTenant(app);
  other = await createTenant(app);
});

describe('the audit trail', () => {
  it('records who changed what, from where and when; secrets redacted; reads are not changes', async () => {
    const headers = app.auth(tenant.key);
    const made = await app.app.inject({ method: 'POST', url: '/v1/resources', headers, payload: { name: 'Ana', kind: 'staff', timeZone: 'America/Sao_Paulo' } });
    expect(made.statusCode).toBe(201);
    await app.app.inject({ method: 'PATCH', url: `/v1/resources/${made.json().id}`, headers, payload: { name: 'Ana Lima' } });
    await app.app.inject({ method: 'POST', url: '/v1/channels', headers, payload: { type: 'telegram', config: { botToken: '123:SECRET-BOT-TOKEN', secretToken: 'hook-secret-1' } } });
    await app.app.inject({ url: '/v1/resources', headers });
    // A refused change is not a change.
    expect((await app.app.inject({ method: 'POST', url: '/v1/resources', headers, payload: { name: '' } })).statusCode).toBe(400);

    const items = await until(async () => { const e = await entries(tenant.key); return e.length >= 3 && e; });
    expect(items.map((e) => e.action)).toEqual(['POST /v1/channels', 'PATCH /v1/resources/:id', 'POST /v1/resources']);
    const patch = items[1]!;
    expect(patch).toMatchObject({ actor: { kind: 'api_key' }, target: { id: made.json().id }, request: { name: 'Ana Lima' }, status: 200,
      at: '2026-11-23T10:00:00.000Z', ip: '127.0.0.1' });
    // What changed: the object before and after (a creation has only an after, its answer).
    expect((patch as unknown as { before: { name: string } }).before).toMatchObject({ id: made.json().id, name: 'Ana' });
    expect((patch as unknown as { after: { name: string } }).after).toMatchObject({ id: made.json().id, name: 'Ana Lima' });
    expect(items[2]).toMatchObject({ after: { id: made.json().id, name: 'Ana' } });
    expect(items[2]).not.toHaveProperty('before');
    expect(JSON.stringify(items[0])).not.toContain('SECRET-BOT-TOKEN');
    expect(JSON.stringify(items[0])).not.toContain('hook-secret-1');
    expect(await entries(other.key)).toEqual([]); // another tenant sees none of it
  });

  it('is append-only, and `frontdesk audit verify` finds a modified or a deleted entry', async () => {
    expect(await app.audit.service.verify()).toMatchObject({ ok: true });
    const ok = await verifyCli();
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Audit trail intact: \d+ entries checked/);

    await expect(app.db.query(`UPDATE audit_log SET status = 500`)).rejects.toThrow(/append-only/);
    await expect(app.db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);

    // Someone with the database's owner rights goes around the trigger.
    const [patch] = await app.db.query<{ id: number }>(`SELECT id FROM audit_log WHERE action = 'PATCH /v1/resources/:id'`);
    await app.db.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await app.db.query(`UPDATE audit_log SET request = '{"name":"Someone else"}' WHERE id = $1`, [patch!.id]);
    expect(await app.audit.service.verify()).toMatchObject({ ok: false, broken: { id: patch!.id, reason: 'modified' } });
    const modified = await verifyCli();
    expect(modified.code).toBe(1);
    expect(modified.out).toContain(`BROKEN at entry ${patch!.id}: it was modified`);

    await app.db.query(`DELETE FROM audit_log WHERE id = $1`, [patch!.id]);
    const [next] = await app.db.query<{ id: number }>(`SELECT min(id)::int AS id FROM audit_log WHERE id > $1`, [patch!.id]);
    expect(await app.audit.service.verify()).toMatchObject({ ok: false, broken: { id: next!.id, reason: 'missing_before' } });
    await app.db.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
  });
});
