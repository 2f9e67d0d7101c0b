import { useId } from 'react';
import { useSwitchTenant, type Session } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { ErrorText } from '../pages/notice';

/** One business: its name. Several: a picker that opens another (a new session view, everything re-read). */
export function TenantSwitcher({ session }: { session: Session }) {
  const { t } = useI18n();
  const id = useId();
  const switchTenant = useSwitchTenant();
  const active = session.activeTenant;
  if (session.memberships.length < 2) return <span className="tenant-name">{active?.tenantName ?? ''}</span>;
  return (
    <div className="picker tenant">
      <label htmlFor={id}>{t.shell.business}</label>
      <select id={id} value={active?.tenantSlug ?? ''} disabled={switchTenant.isPending}
        onChange={(e) => switchTenant.mutate(e.target.value)}>
        {!active && <option value="" disabled>—</option>}
        {session.memberships.map((m) => <option key={m.tenantId} value={m.tenantSlug}>{m.tenantName}</option>)}
      </select>
      <ErrorText error={switchTenant.error} />
    </div>
  );
}
