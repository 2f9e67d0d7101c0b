import { AppError, notFound } from '../../shared/errors';
import { newSecret, sha256 } from '../../shared/ids';
import type { Database } from '../../platform/db/database';
import { roleRank, type Principal, type Role } from '../../platform/auth/permissions';
import { actorOf } from '../../platform/auth/bearer';
import { hashPassword } from '../../platform/auth/password';
import type { Mailer } from '../../platform/mail/mailer';
import { Password } from '@frontdesk/contracts';
import { invitationsRepository, type InvitationRow } from './invitations-repository';
import { staffRepository, type UserRow } from './staff-repository';
import type { SessionService } from './sessions';

const INVITATION_VALID_MS = 7 * 24 * 3600_000;

export interface TeamDeps {
  db: Database; clock: { now(): number }; mailer: Mailer; publicBase: string; sessions: SessionService;
  onMailError: (err: unknown) => void;
}

/** A tenant key that may manage the team acts with an owner's rank; a staff member with their own. */
const rankOf = (p: Principal): number => (p.kind === 'staff' ? roleRank(p.role) : roleRank('owner'));

function assertMayGrant(actor: Principal, ...roles: Role[]): void {
  if (roles.some((r) => roleRank(r) > rankOf(actor))) throw new AppError('TEAM_ROLE_TOO_HIGH');
}

function statusOf(i: InvitationRow, now: number) {
  if (i.accepted_at) return 'accepted' as const;
  if (i.revoked_at) return 'revoked' as const;
  return i.expires_at.getTime() <= now ? 'expired' as const : 'pending' as const;
}

/** Invitations by e-mail link, the tenant's members and their roles. */
export function teamService({ db, clock, mailer, publicBase, sessions, onMailError }: TeamDeps) {
  const invitations = invitationsRepository(db);
  const staff = staffRepository(db);
  const toView = (i: InvitationRow) => ({
    id: i.id, email: i.email, role: i.role, expiresAt: i.expires_at.toISOString(), createdAt: i.created_at.toISOString(), status: statusOf(i, clock.now()),
  });

  async function liveInvitation(token: string, lock = false, r = invitations): Promise<InvitationRow> {
    const found = await r.byToken(sha256(token), lock);
    if (!found || statusOf(found, clock.now()) !== 'pending') throw new AppError('AUTH_TOKEN_INVALID');
    return found;
  }

  return {
    async invite(tenantId: string, actor: Principal, input: { email: string; role: Role }) {
      assertMayGrant(actor, input.role);
      const existing = await staff.userByEmail(input.email);
      if (existing && await staff.role(tenantId, existing.id)) throw new AppError('TEAM_ALREADY_MEMBER');
      const token = newSecret(32);
      const row = await invitations.insert({ tenantId, email: input.email, role: input.role, tokenHash: sha256(token), invitedBy: actorOf(actor),
        expiresAt: new Date(clock.now() + INVITATION_VALID_MS) });
      const acceptUrl = `${publicBase}/accept-invitation#token=${token}`;
      if (mailer.configured) {
        mailer.send({ to: input.email, subject: `You are invited to ${row.tenant_name} on Frontdesk`,
          text: `Hello,\n\nYou are invited to join ${row.tenant_name} on Frontdesk as ${input.role}. Accept within 7 days:\n\n${acceptUrl}\n` })
          .catch(onMailError);
      }
      return { ...toView(row), acceptUrl, emailed: mailer.configured };
    },
    list: async (tenantId: string) => (await invitations.list(tenantId)).map(toView),
    async revoke(tenantId: string, id: string): Promise<void> {
      if (!(await invitations.revoke(tenantId, id, new Date(clock.now())))) throw notFound('Pending invitation');
    },
    async preview(token: string) {
      const i = await liveInvitation(token);
      return { tenantName: i.tenant_name, email: i.email, role: i.role, accountExists: (await staff.userByEmail(i.email)) !== undefined };
    },
    /** Joins the tenant: a new account (name + new password), or an existing one proving its password. Signs the person in. */
    async accept(token: string, input: { name?: string; password: string; totpCode?: string }, client: { ip?: string; userAgent?: string }) {
      const joined = await db.transaction(async (tx) => {
        const inv = await liveInvitation(token, true, invitationsRepository(tx));
        const r = staffRepository(tx);
        const user = await r.userByEmail(inv.email).then((u) => (u ? sessions.checkCredentials(u, input.password, input.totpCode) : newUser(r, inv.email, input)));
        if (await r.role(inv.tenant_id, user.id)) throw new AppError('TEAM_ALREADY_MEMBER');
        await r.upsertMembership(inv.tenant_id, user.id, inv.role);
        await invitationsRepository(tx).markAccepted(inv.tenant_id, inv.id, user.id, new Date(clock.now()));
        return { user, slug: inv.tenant_slug };
      });
      return sessions.open(joined.user, joined.slug, client);
    },
    async members(tenantId: string) {
      return (await staff.members(tenantId)).map((m) => ({ userId: m.user_id, email: m.email, name: m.name, role: m.role, since: m.created_at.toISOString() }));
    },
    async changeRole(tenantId: string, actor: Principal, userId: string, role: Role): Promise<void> {
      await db.transaction(async (tx) => {
        const r = staffRepository(tx);
        const owners = await r.lockOwners(tenantId);
        const current = await r.role(tenantId, userId);
        if (!current) throw notFound('Member');
        assertMayGrant(actor, current, role);
        if (current === 'owner' && role !== 'owner' && owners.length === 1) throw new AppError('TEAM_LAST_OWNER');
        await r.upsertMembership(tenantId, userId, role);
      });
    },
    async remove(tenantId: string, actor: Principal, userId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const r = staffRepository(tx);
        const owners = await r.lockOwners(tenantId);
        const current = await r.role(tenantId, userId);
        if (!current) throw notFound('Member');
        assertMayGrant(actor, current);
        if (current === 'owner' && owners.length === 1) throw new AppError('TEAM_LAST_OWNER');
        await r.deleteMembership(tenantId, userId);
      });
    },
  };
}
export type TeamService = ReturnType<typeof teamService>;

async function newUser(r: ReturnType<typeof staffRepository>, email: string, input: { name?: string; password: string }): Promise<UserRow> {
  if (!input.name) throw new AppError('VALIDATION_FAILED', 'name: required for a new account', { errors: [{ path: 'name', message: 'required for a new account' }] });
  const strong = Password.safeParse(input.password);
  if (!strong.success) throw new AppError('VALIDATION_FAILED', `password: ${strong.error.issues[0]!.message}`, { errors: [{ path: 'password', message: strong.error.issues[0]!.message }] });
  return r.insertUser({ email, name: input.name, passwordHash: await hashPassword(input.password) });
}
