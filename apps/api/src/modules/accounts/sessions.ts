import type { SessionView } from '@frontdesk/contracts';
import { AppError } from '../../shared/errors';
import { newSecret, sha256 } from '../../shared/ids';
import type { Database } from '../../platform/db/database';
import type { Principal } from '../../platform/auth/permissions';
import { verifyPassword } from '../../platform/auth/password';
import { totpStep } from '../../platform/auth/totp';
import type { SecretBox } from '../../platform/crypto/secrets';
import { staffRepository, type MembershipRow, type SessionRow, type UserRow } from './staff-repository';

const IDLE_MS = 7 * 24 * 3600_000;
const ABSOLUTE_MS = 30 * 24 * 3600_000;
const TOUCH_EVERY_MS = 5 * 60_000;

export interface SessionDeps { db: Database; box: SecretBox; clock: { now(): number } }
export interface IssuedSession { token: string; view: SessionView }
interface Client { ip?: string; userAgent?: string }

const toMembership = (m: MembershipRow) => ({ tenantId: m.tenant_id, tenantSlug: m.slug, tenantName: m.tenant_name, role: m.role });
const expiry = (createdAt: number, now: number) => new Date(Math.min(now + IDLE_MS, createdAt + ABSOLUTE_MS));

/** Sign-in, sessions and what a session may see of its person. */
export function sessionService({ db, box, clock }: SessionDeps) {
  const repo = staffRepository(db);

  async function view(user: UserRow, sessionTenant: string | null, csrfToken: string, expiresAt: Date): Promise<SessionView> {
    const memberships = (await repo.memberships(user.id)).map(toMembership);
    return {
      user: { id: user.id, email: user.email, name: user.name, totpEnabled: user.totp_enabled_at !== null, operator: user.is_operator },
      memberships, activeTenant: memberships.find((m) => m.tenantId === sessionTenant) ?? null, csrfToken, expiresAt: expiresAt.toISOString(),
    };
  }

  /** A new session (never one the browser proposed: no fixation) for a person who proved who they are. */
  async function open(user: UserRow, tenantSlug: string | undefined, client: Client, previousToken?: string): Promise<IssuedSession> {
    const memberships = await repo.memberships(user.id);
    const chosen = tenantSlug ? memberships.find((m) => m.slug === tenantSlug) : memberships[0];
    if (tenantSlug && !chosen) throw new AppError('AUTH_NOT_A_MEMBER', `You are not a member of ${tenantSlug}`);
    const now = clock.now();
    if (previousToken) await repo.revokeSessionByToken(sha256(previousToken), new Date(now));
    const token = newSecret(32);
    const csrf = newSecret(24);
    const expiresAt = expiry(now, now);
    await repo.insertSession({ tokenHash: sha256(token), userId: user.id, tenantId: chosen?.tenant_id ?? null, csrf, ...client, now: new Date(now), expiresAt });
    return { token, view: await view(user, chosen?.tenant_id ?? null, csrf, expiresAt) };
  }

  /** The password, and the authenticator code when the person turned one on. */
  async function checkCredentials(user: UserRow | undefined, password: string, totpCode: string | undefined): Promise<UserRow> {
    const passwordOk = await verifyPassword(password, user?.password_hash);
    if (!user || !passwordOk) throw new AppError('AUTH_INVALID_CREDENTIALS');
    if (user.totp_enabled_at && user.totp_secret) {
      if (!totpCode) throw new AppError('AUTH_MFA_REQUIRED');
      const step = totpStep(box.open<string>(user.totp_secret), totpCode, clock.now());
      if (step === undefined || !(await repo.spendTotpStep(user.id, step))) throw new AppError('AUTH_MFA_INVALID');
    }
    return user;
  }

  function principalOf(row: SessionRow): Principal {
    if (row.active_tenant_id && row.role) return { kind: 'staff', tenantId: row.active_tenant_id, userId: row.user_id, role: row.role, sessionId: row.id };
    if (row.is_operator) return { kind: 'admin', userId: row.user_id };
    return { kind: 'user', userId: row.user_id, sessionId: row.id };
  }

  return {
    checkCredentials,
    open,
    async login(input: { email: string; password: string; totpCode?: string; tenant?: string }, client: Client, previousToken?: string) {
      const user = await checkCredentials(await repo.userByEmail(input.email), input.password, input.totpCode);
      return open(user, input.tenant, client, previousToken);
    },
    async verifySession(token: string): Promise<{ principal: Principal; csrfToken: string } | undefined> {
      const now = clock.now();
      const row = await repo.liveSession(sha256(token), new Date(now));
      if (!row) return undefined;
      if (now - row.last_seen_at.getTime() > TOUCH_EVERY_MS) await repo.touchSession(row.id, new Date(now), expiry(row.created_at.getTime(), now));
      return { principal: principalOf(row), csrfToken: row.csrf_token };
    },
    async current(token: string): Promise<SessionView> {
      const row = await repo.liveSession(sha256(token), new Date(clock.now()));
      const user = row && await repo.userById(row.user_id);
      if (!row || !user) throw new AppError('UNAUTHENTICATED', 'The session has ended; sign in again');
      return view(user, row.role ? row.active_tenant_id : null, row.csrf_token, row.expires_at);
    },
    async switchTenant(token: string, slug: string): Promise<SessionView> {
      const row = await repo.liveSession(sha256(token), new Date(clock.now()));
      if (!row) throw new AppError('UNAUTHENTICATED');
      const target = (await repo.memberships(row.user_id)).find((m) => m.slug === slug);
      if (!target) throw new AppError('AUTH_NOT_A_MEMBER', `You are not a member of ${slug}`);
      await repo.setActiveTenant(row.id, target.tenant_id);
      return this.current(token);
    },
    logout: (token: string) => repo.revokeSessionByToken(sha256(token), new Date(clock.now())),
    logoutEverywhere: (userId: string) => repo.revokeSessions(userId, new Date(clock.now())),
  };
}
export type SessionService = ReturnType<typeof sessionService>;
