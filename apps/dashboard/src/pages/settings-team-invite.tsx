import { useState, type FormEvent } from 'react';
import type { Role } from '../api/permissions';
import { useInvitations, useTeamActions, type InvitationIssued } from '../api/settings-access';
import { useTenant, useTenantFormat } from '../api/tenant';
import { useI18n } from '../i18n/i18n';
import { assignableRoles } from '../settings/team';
import { CopyField } from './settings-access-bits';
import { ErrorText, Loading } from './notice';

/** Invite by e-mail with a role (the link shown once, also e-mailed when the platform can), and the invitations so far. */
export function TeamInvitations({ myRole }: { myRole: Role | undefined }) {
  const { t } = useI18n();
  const w = t.settings.access.team;
  const invitations = useInvitations();
  const { invite, withdraw } = useTeamActions();
  const fmt = useTenantFormat(useTenant().data);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [issued, setIssued] = useState<InvitationIssued>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setIssued(undefined);
    invite.mutate({ email: email.trim(), role }, { onSuccess: (result) => { setIssued(result); setEmail(''); } });
  };

  return (
    <section className="card" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{w.invitationsTitle}</h2>
      <form onSubmit={submit} className="invite-form">
        <h3>{w.invite}</h3>
        <label htmlFor="invite-email">{w.email}</label>
        <input id="invite-email" type="email" required autoComplete="off" maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor="invite-role">{w.role}</label>
        <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {assignableRoles(myRole).map((r) => <option key={r} value={r}>{t.roles[r]}</option>)}
        </select>
        <ErrorText error={invite.error} />
        <div className="actions"><button type="submit" disabled={invite.isPending}>{invite.isPending ? w.sending : w.send}</button></div>
      </form>
      {issued && (
        <div className="once invite-issued" role="status">
          <p><strong>{w.invited(issued.email)}</strong> {w.linkOnce} {issued.emailed ? w.emailed : ''}</p>
          <CopyField id="invite-link" label={w.inviteLink} value={issued.acceptUrl} />
        </div>
      )}
      {invitations.isPending ? <Loading /> : <ErrorText error={invitations.error ?? withdraw.error} />}
      {invitations.data?.length === 0 && <p>{w.noInvitations}</p>}
      <ul className="access-list invitations">
        {invitations.data?.map((i) => (
          <li key={i.id} className="invitation" data-status={i.status}>
            <div className="access-item-head">
              <span className="item-name">{i.email}</span>
              <span className="item-meta">{t.roles[i.role]}</span>
              <span className={i.status === 'pending' ? 'state' : 'state off'}>{w.invitationStatus[i.status]}</span>
              {i.status === 'pending' && fmt && <span className="item-meta">{w.expires(fmt.dateTime(i.expiresAt))}</span>}
            </div>
            {i.status === 'pending' && (
              <div className="actions">
                <button type="button" className="secondary" disabled={withdraw.isPending} onClick={() => withdraw.mutate(i.id)}>{w.withdraw}</button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
