import type { Database } from '../../platform/db/database';
import type { ZodApp } from '../../platform/http/server';
import type { SecretBox } from '../../platform/crypto/secrets';
import type { Mailer } from '../../platform/mail/mailer';
import type { AccountsService } from './service';
import { authRoutes } from './auth-routes';
import { credentialService } from './credentials';
import { sessionService } from './sessions';
import { teamService } from './team';
import { teamRoutes } from './team-routes';
import { staffRepository } from './staff-repository';
import type { Role } from '../../platform/auth/permissions';

export { accountsService, type AccountsService } from './service';
export { accountsRoutes } from './routes';
export type { SessionService } from './sessions';
export type { TeamService } from './team';

export interface StaffDeps {
  db: Database; box: SecretBox; clock: { now(): number }; mailer: Mailer; publicBase: string;
  onMailError: (err: unknown) => void;
}

/** Staff accounts: sign-in and sessions, passwords and second factor, the team and its invitations. */
export function createStaff(deps: StaffDeps) {
  const sessions = sessionService(deps);
  const credentials = credentialService(deps);
  const team = teamService({ ...deps, sessions });
  return {
    sessions, credentials, team,
    /** For the authenticator: a session cookie's principal (the client address is not checked: phones roam). */
    verifySession: (token: string) => sessions.verifySession(token),
    /** A platform operator (or an existing person made one); answers a link to set their password. */
    async createOperator(input: { email: string; name: string }): Promise<string> {
      const repo = staffRepository(deps.db);
      const email = input.email.trim().toLowerCase();
      const user = await repo.userByEmail(email) ?? await repo.insertUser({ email, name: input.name, passwordHash: null });
      await repo.makeOperator(user.id);
      return credentials.issueResetLink(user.id);
    },
    /** An invitation link made from the command line (the platform invites a tenant's first owner). */
    invite: (tenantId: string, email: string, role: Role) => team.invite(tenantId, { kind: 'admin' }, { email: email.trim().toLowerCase(), role }),
    routes(app: ZodApp, accounts: AccountsService): void {
      authRoutes(app, { sessions, credentials, team, secureCookies: deps.publicBase.startsWith('https://') });
      teamRoutes(app, team, accounts);
    },
  };
}
export type Staff = ReturnType<typeof createStaff>;
