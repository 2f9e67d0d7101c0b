import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { resolveAdminKey } from './provision';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'frontdesk-key-'));

describe('the platform admin key', () => {
  it('comes from FRONTDESK_ADMIN_KEY when set, and nothing is written', () => {
    const dir = tempDir();
    const key = 'configured-admin-key-0123456789';
    expect(resolveAdminKey(loadConfig({ FRONTDESK_DATA_DIR: dir, FRONTDESK_ADMIN_KEY: key }))).toEqual({ key });
    expect(fs.existsSync(path.join(dir, 'admin-key'))).toBe(false);
  });

  it('is generated once into the data directory, readable only by its owner, and reused', () => {
    const dir = tempDir();
    const first = resolveAdminKey(loadConfig({ FRONTDESK_DATA_DIR: dir }));
    const again = resolveAdminKey(loadConfig({ FRONTDESK_DATA_DIR: dir }));
    expect(first.key).toMatch(/^fd_admin_[A-Za-z0-9_-]{32}$/);
    expect(again.key).toBe(first.key);
    expect(fs.statSync(first.file!).mode & 0o777).toBe(0o600);
  });

  it('must be configured in production', () => {
    expect(() => resolveAdminKey(loadConfig({ FRONTDESK_DATA_DIR: tempDir(), NODE_ENV: 'production' })))
      .toThrow(/FRONTDESK_ADMIN_KEY must be set in production/);
  });
});
