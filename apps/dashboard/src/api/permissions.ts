import { useSession } from './session';

/**
 * What each staff role may do: the same table as the API's (apps/api/src/platform/auth/permissions.ts;
 * permissions.test.ts fails while they differ). The session names the role; the page hides or
 * disables what the API would refuse, so a viewer sees no change buttons. The API checks anyway.
 */
export type Permission =
  | 'tenant.read' | 'catalogue.read' | 'catalogue.write' | 'bookings.read' | 'bookings.write'
  | 'conversations.read' | 'conversations.reply' | 'contacts.read' | 'contacts.write' | 'leads.read' | 'leads.write'
  | 'tickets.read' | 'tickets.write' | 'settings.read' | 'settings.write'
  | 'channels.manage' | 'apikeys.manage' | 'billing.manage' | 'team.manage' | 'audit.read'
  | 'privacy.export' | 'privacy.request' | 'privacy.approve';
export type Role = 'owner' | 'manager' | 'agent' | 'viewer';

const READ: Permission[] = [
  'tenant.read', 'catalogue.read', 'bookings.read', 'conversations.read', 'contacts.read', 'leads.read', 'tickets.read', 'settings.read',
];
const AGENT: Permission[] = [...READ, 'bookings.write', 'conversations.reply', 'contacts.write', 'leads.write', 'tickets.write', 'privacy.request'];
const MANAGER: Permission[] = [...AGENT, 'catalogue.write', 'settings.write', 'team.manage', 'audit.read', 'privacy.export', 'privacy.approve'];
const OWNER: Permission[] = [...MANAGER, 'channels.manage', 'apikeys.manage', 'billing.manage'];

export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set(OWNER), manager: new Set(MANAGER), agent: new Set(AGENT), viewer: new Set(READ),
};

export function roleCan(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && rolePermissions[role].has(permission);
}

/** `can('leads.write')` for the signed-in person in the business they are working in. */
export function useCan(): (permission: Permission) => boolean {
  const role = useSession().data?.activeTenant?.role as Role | undefined;
  return (permission) => roleCan(role, permission);
}
