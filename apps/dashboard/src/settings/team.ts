import type { Role } from '../api/permissions';

/** Who may give which role: the API's rule (a role at or below your own), so the page offers only those. */
export const roleOrder: readonly Role[] = ['owner', 'manager', 'agent', 'viewer'];
const rank = (role: Role) => roleOrder.length - roleOrder.indexOf(role);

export function assignableRoles(mine: Role | undefined): Role[] {
  return mine ? roleOrder.filter((r) => rank(r) <= rank(mine)) : [];
}

/** Whether someone with role `mine` may change or remove a member who has `theirs`. */
export function mayManage(mine: Role | undefined, theirs: Role): boolean {
  return mine !== undefined && rank(theirs) <= rank(mine);
}

/** The business's only owner: the API refuses to demote or remove them, so the page says why up front. */
export function isLastOwner(members: readonly { role: Role }[], member: { role: Role }): boolean {
  return member.role === 'owner' && members.filter((m) => m.role === 'owner').length === 1;
}
