import type { Queryable } from '../../platform/db/database';
import type { Role } from '../../platform/auth/permissions';

export interface UserRow {
  id: string; email: string; name: string; password_hash: string | null;
  totp_secret: string | null; totp_enabled_at: Date | null; is_operator: boolean;
}
export interface MembershipRow { tenant_id: string; slug: string; tenant_name: string; role: Role }
export interface SessionRow {
  id: string; user_id: string; active_tenant_id: string | null; csrf_token: string; is_operator: boolean;
  role: Role | null; created_at: Date; expires_at: Date; last_seen_at: Date;
}

/** People, their memberships and sessions: all the SQL of staff accounts. */
export function staffRepository(db: Queryable) {
  return {
    async userByEmail(email: string): Promise<UserRow | undefined> {
      return (await db.query<UserRow & Record<string, unknown>>(`SELECT * FROM users WHERE email = $1`, [email]))[0];
    },
    async userById(id: string): Promise<UserRow | undefined> {
      return (await db.query<UserRow & Record<string, unknown>>(`SELECT * FROM users WHERE id = $1`, [id]))[0];
    },
    async makeOperator(userId: string): Promise<void> {
      await db.query(`UPDATE users SET is_operator = true, updated_at = now() WHERE id = $1`, [userId]);
    },
    async insertUser(u: { email: string; name: string; passwordHash: string | null; operator?: boolean }): Promise<UserRow> {
      const [row] = await db.query<UserRow & Record<string, unknown>>(
        `INSERT INTO users (email, name, password_hash, is_operator) VALUES ($1,$2,$3,$4) RETURNING *`,
        [u.email, u.name, u.passwordHash, u.operator ?? false]);
      return row!;
    },
    async setPassword(userId: string, hash: string): Promise<void> {
      await db.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [userId, hash]);
    },
    async setTotp(userId: string, sealedSecret: string | null, enabled: boolean): Promise<void> {
      await db.query(`UPDATE users SET totp_secret = $2, totp_enabled_at = CASE WHEN $3 THEN now() END, totp_last_step = NULL, updated_at = now() WHERE id = $1`,
        [userId, sealedSecret, enabled]);
    },
    /** Spends a code's time step: false when that step (or a later one) was already used — a replayed code. */
    async spendTotpStep(userId: string, step: number): Promise<boolean> {
      return (await db.query(`UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING 1`,
        [userId, step])).length > 0;
    },
    async memberships(userId: string): Promise<MembershipRow[]> {
      return db.query<MembershipRow & Record<string, unknown>>(
        `SELECT m.tenant_id, t.slug, t.name AS tenant_name, m.role FROM memberships m JOIN tenants t ON t.id = m.tenant_id
          WHERE m.user_id = $1 ORDER BY m.created_at, t.slug`, [userId]);
    },
    async role(tenantId: string, userId: string): Promise<Role | undefined> {
      return (await db.query<{ role: Role }>(`SELECT role FROM memberships WHERE tenant_id = $1 AND user_id = $2`, [tenantId, userId]))[0]?.role;
    },
    async upsertMembership(tenantId: string, userId: string, role: Role): Promise<void> {
      await db.query(`INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1,$2,$3)
        ON CONFLICT (tenant_id, user_id) DO UPDATE SET role = EXCLUDED.role`, [tenantId, userId, role]);
    },
    async deleteMembership(tenantId: string, userId: string): Promise<boolean> {
      return (await db.query(`DELETE FROM memberships WHERE tenant_id = $1 AND user_id = $2 RETURNING 1`, [tenantId, userId])).length > 0;
    },
    /** Locks the tenant's owners, so two concurrent demotions cannot both leave it ownerless. */
    async lockOwners(tenantId: string): Promise<string[]> {
      const rows = await db.query<{ user_id: string }>(
        `SELECT user_id FROM memberships WHERE tenant_id = $1 AND role = 'owner' ORDER BY user_id FOR UPDATE`, [tenantId]);
      return rows.map((r) => r.user_id);
    },
    async members(tenantId: string) {
      return db.query<{ user_id: string; email: string; name: string; role: Role; created_at: Date }>(
        `SELECT m.user_id, u.email, u.name, m.role, m.created_at FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE m.tenant_id = $1 ORDER BY m.created_at, u.email`, [tenantId]);
    },
    async insertSession(s: { tokenHash: string; userId: string; tenantId: string | null; csrf: string; ip?: string; userAgent?: string; now: Date; expiresAt: Date }) {
      const [row] = await db.query<{ id: string }>(
        `INSERT INTO sessions (token_hash, user_id, active_tenant_id, csrf_token, ip, user_agent, created_at, last_seen_at, expires_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$7,$8) RETURNING id`,
        [s.tokenHash, s.userId, s.tenantId, s.csrf, s.ip ?? null, s.userAgent?.slice(0, 300) ?? null, s.now, s.expiresAt]);
      return row!.id;
    },
    /** A live session with its person's role in the tenant they are working in (null: none). */
    async liveSession(tokenHash: string, now: Date): Promise<SessionRow | undefined> {
      return (await db.query<SessionRow & Record<string, unknown>>(
        `SELECT s.id, s.user_id, s.active_tenant_id, s.csrf_token, s.created_at, s.expires_at, s.last_seen_at, u.is_operator, m.role
           FROM sessions s JOIN users u ON u.id = s.user_id
           LEFT JOIN memberships m ON m.user_id = s.user_id AND m.tenant_id = s.active_tenant_id
          WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2`, [tokenHash, now], 'live-session'))[0];
    },
    async touchSession(id: string, now: Date, expiresAt: Date): Promise<void> {
      await db.query(`UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE id = $1`, [id, now, expiresAt]);
    },
    async setActiveTenant(sessionId: string, tenantId: string): Promise<void> {
      await db.query(`UPDATE sessions SET active_tenant_id = $2 WHERE id = $1`, [sessionId, tenantId]);
    },
    async revokeSession(id: string, now: Date): Promise<void> {
      await db.query(`UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [id, now]);
    },
    async revokeSessionByToken(tokenHash: string, now: Date): Promise<void> {
      await db.query(`UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL`, [tokenHash, now]);
    },
    /** Ends every session of a person (logout everywhere, a new password), but `keep`. */
    async revokeSessions(userId: string, now: Date, keep?: string): Promise<number> {
      return (await db.query(`UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $3 RETURNING 1`,
        [userId, now, keep ?? null])).length;
    },
    async insertPasswordReset(userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
      await db.query(`INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1,$2,$3)`, [userId, tokenHash, expiresAt]);
    },
    /** Marks a live reset link used and returns its person; a used or expired link gives nothing. */
    async consumePasswordReset(tokenHash: string, now: Date): Promise<string | undefined> {
      return (await db.query<{ user_id: string }>(
        `UPDATE password_resets SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id`,
        [tokenHash, now]))[0]?.user_id;
    },
  };
}
export type StaffRepository = ReturnType<typeof staffRepository>;
