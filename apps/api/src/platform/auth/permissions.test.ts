import { describe, expect, it } from 'vitest';
import { authorize, PERMISSIONS, ROLE_PERMISSIONS, roleRank, type Principal } from './permissions';
import { ROUTE_RULES } from './route-rules';

const staff = (role: 'owner' | 'manager' | 'agent' | 'viewer'): Principal => ({ kind: 'staff', tenantId: 't', userId: 'u', role, sessionId: 's' });
const key = (...scopes: ('*' | (typeof PERMISSIONS)[number])[]): Principal => ({ kind: 'tenant', tenantId: 't', keyId: 'k', scopes });

describe('authorize', () => {
  it.each([
    [undefined, 'bookings.read', 'unauthenticated'],
    [undefined, 'public', 'allow'],
    [staff('viewer'), 'bookings.read', 'allow'],
    [staff('viewer'), 'bookings.write', 'forbidden'],
    [staff('agent'), 'conversations.reply', 'allow'],
    [staff('agent'), 'privacy.approve', 'forbidden'],
    [staff('manager'), 'privacy.approve', 'allow'],
    [staff('manager'), 'channels.manage', 'forbidden'],
    [staff('owner'), 'billing.manage', 'allow'],
    [staff('owner'), 'platform', 'forbidden'],
    [{ kind: 'admin' }, 'platform', 'allow'],
    [{ kind: 'admin' }, 'bookings.read', 'forbidden'],
    [{ kind: 'admin' }, 'member', 'forbidden'],
    [{ kind: 'user', userId: 'u', sessionId: 's' }, 'signed-in', 'allow'],
    [{ kind: 'user', userId: 'u', sessionId: 's' }, 'tenant.read', 'forbidden'],
    [key('*'), 'apikeys.manage', 'allow'],
    [key('bookings.read'), 'bookings.read', 'allow'],
    [key('bookings.read'), 'bookings.write', 'forbidden'],
    [staff('owner'), undefined, 'forbidden'],
  ] as const)('%o on %s → %s', (principal, rule, expected) => {
    expect(authorize(principal as Principal | undefined, rule)).toBe(expected);
  });

  it('ranks roles and nests their permissions: each role has everything of the one below', () => {
    expect([roleRank('owner'), roleRank('manager'), roleRank('agent'), roleRank('viewer')]).toEqual([4, 3, 2, 1]);
    const [owner, manager, agent, viewer] = (['owner', 'manager', 'agent', 'viewer'] as const).map((r) => ROLE_PERMISSIONS[r]);
    for (const [upper, lower] of [[owner, manager], [manager, agent], [agent, viewer]] as const) {
      for (const p of lower!) expect(upper!.has(p)).toBe(true);
    }
    expect(owner!.size).toBe(PERMISSIONS.length);
  });

  it('names only known permissions in the route table', () => {
    const known = new Set<string>([...PERMISSIONS, 'platform', 'member', 'signed-in', 'public']);
    expect(Object.entries(ROUTE_RULES).filter(([, rule]) => !known.has(rule))).toEqual([]);
  });
});
