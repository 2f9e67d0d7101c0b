import { z } from 'zod';
import { Id, Slug } from './common';

export const StaffRole = z.enum(['owner', 'manager', 'agent', 'viewer']);
export type StaffRole = z.infer<typeof StaffRole>;

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email());
/** At least 10 characters; long passphrases welcome (scrypt reads every byte, so a ceiling keeps it cheap). */
export const Password = z.string().min(10, 'must be at least 10 characters').max(200);
const TotpCode = z.string().regex(/^\d{6}$/, 'must be the 6 digits your authenticator app shows');

export const LoginRequest = z.object({
  email: Email,
  password: z.string().min(1).max(200),
  totpCode: TotpCode.optional(),
  tenant: Slug.optional().describe('the tenant to open (default: the first one)'),
});

export const Membership = z.object({ tenantId: Id, tenantSlug: z.string(), tenantName: z.string(), role: StaffRole });
export const StaffUser = z.object({
  id: Id, email: z.string(), name: z.string(), totpEnabled: z.boolean(), operator: z.boolean(),
});
export const SessionView = z.object({
  user: StaffUser,
  memberships: z.array(Membership),
  activeTenant: Membership.nullable(),
  csrfToken: z.string().describe('send it as X-CSRF-Token with every POST, PUT, PATCH and DELETE made with the session cookie'),
  expiresAt: z.string(),
});
export type SessionView = z.infer<typeof SessionView>;

export const SwitchTenant = z.object({ tenant: Slug });
export const PasswordChange = z.object({ currentPassword: z.string().min(1).max(200), newPassword: Password });
export const PasswordResetRequest = z.object({ email: Email });
export const PasswordResetConfirm = z.object({ token: z.string().min(20).max(200), newPassword: Password });
export const TotpSetup = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const TotpConfirm = z.object({ code: TotpCode });
export const TotpDisable = z.object({ code: TotpCode, password: z.string().min(1).max(200) });

export const InvitationCreate = z.object({ email: Email, role: StaffRole });
export const Invitation = z.object({
  id: Id, email: z.string(), role: StaffRole, expiresAt: z.string(), createdAt: z.string(),
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
});
export const InvitationIssued = Invitation.extend({
  acceptUrl: z.string().describe('the link for the invited person; also e-mailed when the platform has an SMTP server'),
  emailed: z.boolean(),
});
export const InvitationPreview = z.object({
  tenantName: z.string(), email: z.string(), role: StaffRole, accountExists: z.boolean(),
});
export const InvitationAccept = z.object({
  name: z.string().trim().min(1).max(200).optional().describe('required for a new account'),
  password: z.string().min(1).max(200).describe('a new password (10+ characters) or, for an existing account, its password'),
  totpCode: TotpCode.optional(),
});

export const TeamMember = z.object({ userId: Id, email: z.string(), name: z.string(), role: StaffRole, since: z.string() });
export const TeamMemberUpdate = z.object({ role: StaffRole });

export const ApiKeyScopes = z.array(z.string().min(1).max(50)).min(1).max(40)
  .describe('"*" for everything a tenant may do, or permissions such as bookings.read');
export const ApiKeyCreateScoped = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: ApiKeyScopes.default(['*']),
});
export const ApiKeyView = z.object({
  id: Id, name: z.string(), prefix: z.string(), scopes: z.array(z.string()), createdAt: z.string(), revokedAt: z.string().nullable(),
});
