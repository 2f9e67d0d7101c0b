/**
 * Who may do what. Pure: the role matrix, the API-key scopes and the check itself.
 * Every `/v1` route names one rule in `route-rules.ts`; a route without one is refused.
 */
export const PERMISSIONS = [
  'tenant.read',
  'catalogue.read', 'catalogue.write',
  'bookings.read', 'bookings.write',
  'conversations.read', 'conversations.reply',
  'contacts.read', 'contacts.write',
  'leads.read', 'leads.write',
  'tickets.read', 'tickets.write',
  'settings.read', 'settings.write',
  'channels.manage', 'apikeys.manage', 'billing.manage', 'team.manage',
  'audit.read',
  'privacy.export', 'privacy.request', 'privacy.approve',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['owner', 'manager', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A route's rule: a tenant permission; `platform` (the platform admin key or an operator);
 * `member` (anyone signed in to a tenant: a staff user or a tenant key, e.g. "who am I");
 * `signed-in` (any session or key, tenant or not); `public` (no credentials; the route checks
 * its own secret, such as a chat token or a provider's signature).
 */
export type RouteRule = Permission | 'platform' | 'member' | 'signed-in' | 'public';

const READ: Permission[] = [
  'tenant.read', 'catalogue.read', 'bookings.read', 'conversations.read', 'contacts.read', 'leads.read', 'tickets.read', 'settings.read',
];
const AGENT: Permission[] = [...READ, 'bookings.write', 'conversations.reply', 'contacts.write', 'leads.write', 'tickets.write', 'privacy.request'];
const MANAGER: Permission[] = [...AGENT, 'catalogue.write', 'settings.write', 'team.manage', 'audit.read', 'privacy.export', 'privacy.approve'];
const OWNER: Permission[] = [...MANAGER, 'channels.manage', 'apikeys.manage', 'billing.manage'];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set(OWNER),
  manager: new Set(MANAGER),
  agent: new Set(AGENT),
  viewer: new Set(READ),
};

/** Roles ranked: a member may give or change only roles at or below their own. */
export const roleRank = (role: Role): number => ROLES.length - ROLES.indexOf(role);

/** An API key's scopes: `*` (everything a tenant may do) or a list of permissions. */
export type Scopes = readonly (Permission | '*')[];

export type Principal =
  | { kind: 'admin'; userId?: string }
  | { kind: 'tenant'; tenantId: string; keyId: string; scopes: Scopes }
  | { kind: 'staff'; tenantId: string; userId: string; role: Role; sessionId: string }
  /** Signed in, but working in no tenant (none yet, or their membership was removed). */
  | { kind: 'user'; userId: string; sessionId: string };

export type Decision = 'allow' | 'unauthenticated' | 'forbidden';

/** The tenant a principal acts in: a tenant key's, or a staff member's open tenant; none for the platform or a person with none open. */
export const tenantOf = (p: Principal | undefined): string | undefined => (p?.kind === 'tenant' || p?.kind === 'staff' ? p.tenantId : undefined);

export function permits(principal: Principal, permission: Permission): boolean {
  switch (principal.kind) {
    case 'admin': case 'user': return false;
    case 'tenant': return principal.scopes.includes('*') || principal.scopes.includes(permission);
    case 'staff': return ROLE_PERMISSIONS[principal.role].has(permission);
  }
}

/** Whether a principal (or nobody) may call a route with this rule. A route with no rule is refused. */
export function authorize(principal: Principal | undefined, rule: RouteRule | undefined): Decision {
  if (rule === 'public') return 'allow';
  if (!principal) return 'unauthenticated';
  if (rule === undefined) return 'forbidden';
  if (rule === 'signed-in') return 'allow';
  if (rule === 'platform') return principal.kind === 'admin' ? 'allow' : 'forbidden';
  if (rule === 'member') return tenantOf(principal) ? 'allow' : 'forbidden';
  return permits(principal, rule) ? 'allow' : 'forbidden';
}

export const isPermission = (s: string): s is Permission => (PERMISSIONS as readonly string[]).includes(s);
