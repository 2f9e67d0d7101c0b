import { useState } from 'react';
import { useCan, type Role } from '../api/permissions';
import { useSession } from '../api/session';
import { useTeamActions, useTeamMembers, type TeamMember } from '../api/settings-access';
import { useTenant, useTenantFormat } from '../api/tenant';
import { useI18n } from '../i18n/i18n';
import { assignableRoles, isLastOwner, mayManage, roleOrder } from '../settings/team';
import { ConfirmButton } from './settings-access-bits';
import { TeamInvitations } from './settings-team-invite';
import { ErrorText, Loading } from './notice';

/** The team: what each role may do, the members with their roles, and (owners and managers) invitations. */
export function TeamSettings() {
  const { t } = useI18n();
  const w = t.settings.access.team;
  const manage = useCan()('team.manage');
  const session = useSession().data;
  const me = { id: session?.user.id, role: session?.activeTenant?.role as Role | undefined };
  const members = useTeamMembers();
  const { changeRole, remove } = useTeamActions();
  const fmt = useTenantFormat(useTenant().data);
  const [done, setDone] = useState<string>();
  const list = members.data ?? [];

  const setRole = (m: TeamMember, role: Role) => {
    setDone(undefined);
    remove.reset();
    changeRole.mutate({ userId: m.userId, role }, { onSuccess: () => setDone(w.roleChanged(m.name, t.roles[role])) });
  };
  const drop = (m: TeamMember) => {
    setDone(undefined);
    changeRole.reset();
    remove.mutate(m.userId, { onSuccess: () => setDone(w.removed(m.name)) });
  };

  return (
    <>
      <section className="card" aria-labelledby="settings-section">
        <h2 id="settings-section">{t.settings.sections.team}</h2>
        <h3>{w.rolesTitle}</h3>
        <dl className="role-help">
          {roleOrder.map((r) => <div key={r}><dt>{t.roles[r]}</dt><dd>{w.roleHelp[r]}</dd></div>)}
        </dl>
        {!manage && <p className="hint">{w.cannotManage}</p>}
      </section>
      <section className="card" aria-labelledby="members-heading">
        <h2 id="members-heading">{w.membersTitle}</h2>
        {members.isPending ? <Loading /> : <ErrorText error={members.error} />}
        <ErrorText error={changeRole.error ?? remove.error} />
        {done && <p className="saved" role="status">{done}</p>}
        {list.length > 0 && (
          <table className="team-table">
            <thead><tr><th scope="col">{w.name}</th><th scope="col">{w.email}</th><th scope="col">{w.role}</th><th scope="col">{w.since}</th><th scope="col">{w.actions}</th></tr></thead>
            <tbody>
              {list.map((m) => {
                const editable = manage && mayManage(me.role, m.role);
                return (
                  <tr key={m.userId} className="member" data-email={m.email}>
                    <td className="member-name">{m.name}{m.userId === me.id ? ` ${w.you}` : ''}</td>
                    <td>{m.email}</td>
                    <td>
                      {editable ? (
                        <select aria-label={w.roleOf(m.name)} value={m.role} disabled={changeRole.isPending} onChange={(e) => setRole(m, e.target.value as Role)}>
                          {assignableRoles(me.role).map((r) => <option key={r} value={r}>{t.roles[r]}</option>)}
                        </select>
                      ) : <span className="member-role">{t.roles[m.role]}</span>}
                      {editable && isLastOwner(list, m) && <p className="hint">{w.onlyOwner}</p>}
                    </td>
                    <td>{fmt?.dateTime(m.since)}</td>
                    <td>
                      {editable && <ConfirmButton label={w.remove} question={w.confirmRemove(m.name)} yes={w.confirmYes} busy={remove.isPending} onConfirm={() => drop(m)} />}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      {manage && <TeamInvitations myRole={me.role} />}
    </>
  );
}
