import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES } from '../../../api/src/platform/auth/permissions';
import { roleCan, rolePermissions } from './permissions';

describe("the dashboard's copy of the role table", () => {
  it('is the API’s, role by role', () => {
    expect(Object.keys(rolePermissions).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) expect([...rolePermissions[role]].sort(), role).toEqual([...ROLE_PERMISSIONS[role]].sort());
    expect(PERMISSIONS.length).toBeGreaterThan(0);
  });

  it('lets a viewer read only, an agent ask for an erasure, and a manager approve it and export', () => {
    expect(roleCan('viewer', 'leads.read')).toBe(true);
    expect(roleCan('viewer', 'leads.write')).toBe(false);
    expect(roleCan('viewer', 'contacts.write')).toBe(false);
    expect(roleCan('agent', 'privacy.request')).toBe(true);
    expect(roleCan('agent', 'privacy.approve')).toBe(false);
    expect(roleCan('agent', 'privacy.export')).toBe(false);
    expect(roleCan('manager', 'privacy.approve')).toBe(true);
    expect(roleCan('manager', 'privacy.export')).toBe(true);
    expect(roleCan(undefined, 'leads.read')).toBe(false);
  });
});
