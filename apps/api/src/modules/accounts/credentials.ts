import { AppError } from '../../shared/errors';
import { newSecret, sha256 } from '../../shared/ids';
import type { Database } from '../../platform/db/database';
import { hashPassword, verifyPassword } from '../../platform/auth/password';
import { newTotpSecret, totpStep } from '../../platform/auth/totp';
import type { SecretBox } from '../../platform/crypto/secrets';
import type { Mailer } from '../../platform/mail/mailer';
import { staffRepository, type UserRow } from './staff-repository';

const RESET_VALID_MS = 3600_000;

export interface CredentialDeps {
  db: Database; box: SecretBox; clock: { now(): number }; mailer: Mailer; publicBase: string;
  onMailError: (err: unknown) => void;
}

/** Passwords (change, reset by e-mail link) and the optional authenticator-app second factor. */
export function credentialService({ db, box, clock, mailer, publicBase, onMailError }: CredentialDeps) {
  const repo = staffRepository(db);
  const now = () => new Date(clock.now());

  async function user(userId: string): Promise<UserRow> {
    const u = await repo.userById(userId);
    if (!u) throw new AppError('UNAUTHENTICATED');
    return u;
  }

  /** A reset link for a person; the caller decides whether to mail or print it. */
  async function issueResetLink(userId: string): Promise<string> {
    const token = newSecret(32);
    await repo.insertPasswordReset(userId, sha256(token), new Date(clock.now() + RESET_VALID_MS));
    return `${publicBase}/reset-password#token=${token}`;
  }

  return {
    issueResetLink,
    /** A new password ends every other session of the person. */
    async changePassword(userId: string, sessionId: string | undefined, current: string, next: string): Promise<void> {
      const u = await user(userId);
      if (!(await verifyPassword(current, u.password_hash))) throw new AppError('AUTH_INVALID_CREDENTIALS', 'The current password is wrong');
      await db.transaction(async (tx) => {
        const r = staffRepository(tx);
        await r.setPassword(userId, await hashPassword(next));
        await r.revokeSessions(userId, now(), sessionId);
      });
    },
    /** Always answers the same, known address or not; mails a one-hour link when it is known. */
    async requestReset(email: string): Promise<void> {
      const u = await repo.userByEmail(email);
      if (!u || !mailer.configured) return;
      const link = await issueResetLink(u.id);
      mailer.send({
        to: u.email, subject: 'Reset your Frontdesk password',
        text: `Hello ${u.name},\n\nSomeone asked to reset your Frontdesk password. If it was you, open this link within an hour:\n\n${link}\n\nIf it was not you, ignore this e-mail; your password stays as it is.`,
      }).catch(onMailError);
    },
    /** Sets the new password from a live link (used once) and signs the person out everywhere. */
    async confirmReset(token: string, newPassword: string): Promise<void> {
      const hash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        const r = staffRepository(tx);
        const userId = await r.consumePasswordReset(sha256(token), now());
        if (!userId) throw new AppError('AUTH_TOKEN_INVALID');
        await r.setPassword(userId, hash);
        await r.revokeSessions(userId, now());
      });
    },
    /** A new secret, kept but not yet required until a first code confirms the app has it. */
    async setupTotp(userId: string): Promise<{ secret: string; otpauthUrl: string }> {
      const u = await user(userId);
      if (u.totp_enabled_at) throw new AppError('VALIDATION_FAILED', 'The authenticator is already on; turn it off first');
      const fresh = newTotpSecret(u.email);
      await repo.setTotp(userId, box.seal(fresh.secret), false);
      return fresh;
    },
    async enableTotp(userId: string, code: string): Promise<void> {
      const u = await user(userId);
      if (!u.totp_secret || u.totp_enabled_at) throw new AppError('VALIDATION_FAILED', 'Start with POST /v1/auth/totp/setup');
      const step = totpStep(box.open<string>(u.totp_secret), code, clock.now());
      if (step === undefined) throw new AppError('AUTH_MFA_INVALID');
      await repo.setTotp(userId, u.totp_secret, true);
      await repo.spendTotpStep(userId, step);
    },
    async disableTotp(userId: string, code: string, password: string): Promise<void> {
      const u = await user(userId);
      if (!(await verifyPassword(password, u.password_hash))) throw new AppError('AUTH_INVALID_CREDENTIALS');
      const step = u.totp_secret && u.totp_enabled_at ? totpStep(box.open<string>(u.totp_secret), code, clock.now()) : undefined;
      if (step === undefined || !(await repo.spendTotpStep(userId, step))) throw new AppError('AUTH_MFA_INVALID');
      await repo.setTotp(userId, null, false);
    },
  };
}
export type CredentialService = ReturnType<typeof credentialService>;
