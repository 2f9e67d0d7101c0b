import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useLogout, type Session } from '../api/session';
import { useLiveUpdates } from '../api/live';
import { useI18n } from '../i18n/i18n';
import type { Messages } from '../i18n/en';
import { LanguagePicker } from './language-picker';
import { TenantSwitcher } from './tenant-switcher';

const pages: { path: string; key: keyof Messages['nav'] }[] = [
  { path: '/', key: 'home' }, { path: '/inbox', key: 'inbox' }, { path: '/calendar', key: 'calendar' },
  { path: '/leads', key: 'leads' }, { path: '/customers', key: 'customers' }, { path: '/settings', key: 'settings' },
];

/** Navigation, the business being worked in, the language, and who is signed in. */
export function Shell({ session, children }: { session: Session; children: ReactNode }) {
  const { t } = useI18n();
  const logout = useLogout();
  useLiveUpdates(session.activeTenant?.tenantId);
  const role = session.activeTenant ? t.roles[session.activeTenant.role] : '';
  return (
    <div className="shell">
      <a className="skip" href="#main">{t.shell.skip}</a>
      <header className="topbar">
        <span className="brand">Frontdesk</span>
        <TenantSwitcher session={session} />
        <div className="who">
          <span className="person">{role ? t.shell.signedInAs(session.user.name, role) : session.user.name}</span>
          <LanguagePicker />
          <button type="button" className="secondary" onClick={() => logout.mutate()} disabled={logout.isPending}>{t.shell.signOut}</button>
        </div>
      </header>
      <nav className="nav" aria-label={t.shell.menu}>
        <ul>{pages.map((p) => <NavItem key={p.key} path={p.path} label={t.nav[p.key]} />)}</ul>
      </nav>
      <main className="content" id="main" tabIndex={-1}>
        {session.activeTenant ? children : <p className="card">{t.shell.noTenant}</p>}
      </main>
    </div>
  );
}

function NavItem({ path, label }: { path: string; label: string }) {
  const [location] = useLocation();
  const active = path === '/' ? location === '/' : location === path || location.startsWith(`${path}/`);
  return (
    <li><Link href={path} aria-current={active ? 'page' : undefined}>{label}</Link></li>
  );
}
