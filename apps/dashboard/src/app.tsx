import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { useSession } from './api/session';
import { useI18n } from './i18n/i18n';
import { SignInPage } from './pages/sign-in';
import { InvitationPage } from './pages/invitation';
import { HomePage } from './pages/home';
import { CalendarPage } from './pages/calendar';
import { Shell } from './shell/shell';
import { Notice, Loading } from './pages/notice';

// Pages loaded when first opened: the first page (home or calendar) does not wait for their code.
const InboxPage = lazy(() => import('./pages/inbox').then((m) => ({ default: m.InboxPage })));
const LeadsPage = lazy(() => import('./pages/leads').then((m) => ({ default: m.LeadsPage })));
const CustomersPage = lazy(() => import('./pages/customers').then((m) => ({ default: m.CustomersPage })));
const SettingsPage = lazy(() => import('./pages/settings').then((m) => ({ default: m.SettingsPage })));

/** Invitations open for anyone; everything else asks who you are first, then shows the shell. */
export function App() {
  return (
    <Switch>
      <Route path="/invitations/:token"><InvitationPage /></Route>
      <Route path="/invitations"><InvitationPage /></Route>
      <Route><SignedIn /></Route>
    </Switch>
  );
}

function SignedIn() {
  const session = useSession();
  const { t, describe } = useI18n();
  if (session.isPending) return <Loading />;
  if (session.isError) return <Notice title={describe(session.error)} action={{ label: t.common.retry, run: () => void session.refetch() }} />;
  if (!session.data) return <SignInPage />;
  return (
    <Shell session={session.data}>
      <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/"><HomePage /></Route>
        <Route path="/inbox"><InboxPage /></Route>
        <Route path="/inbox/:id"><InboxPage /></Route>
        <Route path="/calendar"><CalendarPage /></Route>
        <Route path="/leads"><LeadsPage /></Route>
        <Route path="/leads/:id"><LeadsPage /></Route>
        <Route path="/customers"><CustomersPage /></Route>
        <Route path="/customers/:id"><CustomersPage /></Route>
        <Route path="/settings"><SettingsPage /></Route>
        <Route path="/settings/:section"><SettingsPage /></Route>
        <Route><h1 className="page-title">{t.notFound}</h1></Route>
      </Switch>
      </Suspense>
    </Shell>
  );
}
