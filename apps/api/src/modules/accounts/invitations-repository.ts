import type { Queryable } from '../../platform/db/database';
import type { Role } from '../../platform/auth/permissions';

export interface InvitationRow {
  tenant_id: string; id: string; email: string; role: Role; expires_at: Date; created_at: Date;
  accepted_at: Date | null; revoked_at: Date | null; tenant_name: string; tenant_slug: string;
}

const SELECT = `SELECT i.tenant_id, i.id, i.email, i.role, i.expires_at, i.created_at, i.accepted_at, i.revoked_at,
                       t.name AS tenant_name, t.slug AS tenant_slug
                  FROM invitations i JOIN tenants t ON t.id = i.tenant_id`;

export function invitationsRepository(db: Queryable) {
  return {
    async insert(i: { tenantId: string; email: string; role: Role; tokenHash: string; invitedBy: Record<string, string>; expiresAt: Date }) {
      const [row] = await db.query<{ id: string }>(
        `INSERT INTO invitations (tenant_id, email, role, token_hash, invited_by, expires_at) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
        [i.tenantId, i.email, i.role, i.tokenHash, JSON.stringify(i.invitedBy), i.expiresAt]);
      return (await this.byId(i.tenantId, row!.id))!;
    },
    async byId(tenantId: string, id: string): Promise<InvitationRow | undefined> {
      return (await db.query<InvitationRow & Record<string, unknown>>(`${SELECT} WHERE i.tenant_id = $1 AND i.id = $2`, [tenantId, id]))[0];
    },
    /** The invitation behind a link; `lock` holds it for the accepting transaction. */
    async byToken(tokenHash: string, lock = false): Promise<InvitationRow | undefined> {
      return (await db.query<InvitationRow & Record<string, unknown>>(
        `${SELECT} WHERE i.token_hash = $1${lock ? ' FOR UPDATE OF i' : ''}`, [tokenHash]))[0];
    },
    async list(tenantId: string): Promise<InvitationRow[]> {
      return db.query<InvitationRow & Record<string, unknown>>(`${SELECT} WHERE i.tenant_id = $1 ORDER BY i.created_at DESC`, [tenantId]);
    },
    async revoke(tenantId: string, id: string, now: Date): Promise<boolean> {
      return (await db.query(`UPDATE invitations SET revoked_at = $3 WHERE tenant_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING 1`,
        [tenantId, id, now])).length > 0;
    },
    async markAccepted(tenantId: string, id: string, userId: string, now: Date): Promise<void> {
      await db.query(`UPDATE invitations SET accepted_at = $3, accepted_by = $4 WHERE tenant_id = $1 AND id = $2`, [tenantId, id, now, userId]);
    },
  };
}
