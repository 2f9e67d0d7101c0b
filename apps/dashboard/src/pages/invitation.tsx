import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useParams } from 'wouter';
import type { InvitationPreview } from '@frontdesk/contracts';
import type { z } from 'zod';
import { api } from '../api/client';
import { useAcceptInvitation } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { LanguagePicker } from '../shell/language-picker';
import { ErrorText, Loading, Notice } from './notice';

type Preview = z.infer<typeof InvitationPreview>;

/** The link's token: in the path (/app/invitations/<token>) or, as the API hands it out, in the fragment. */
function useInvitationToken(): string | undefined {
  const params = useParams<{ token?: string }>();
  return params.token ?? (new URLSearchParams(location.hash.slice(1)).get('token') || undefined);
}

export function InvitationPage() {
  const { t, describe } = useI18n();
  const token = useInvitationToken();
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api<Preview>(`/v1/invitations/${encodeURIComponent(token!)}`),
    enabled: token !== undefined,
    retry: false,
  });
  if (!token) return <Notice title={t.invitation.noToken} />;
  if (preview.isPending) return <Loading />;
  if (preview.isError) return <Notice title={describe(preview.error)} />;
  return <AcceptForm token={token} preview={preview.data} />;
}

function AcceptForm({ token, preview }: { token: string; preview: Preview }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const accept = useAcceptInvitation(token);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const isNew = !preview.accountExists;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    accept.mutate(isNew ? { name, password } : { password }, { onSuccess: () => navigate('/', { replace: true }) });
  };

  return (
    <main className="center-page" id="main">
      <div className="card auth">
        <h1>{t.invitation.title}</h1>
        <p>{t.invitation.intro(preview.tenantName, t.roles[preview.role])}</p>
        {!isNew && <p>{t.invitation.existing}</p>}
        <form onSubmit={submit}>
          <label htmlFor="invite-email">{t.invitation.email}</label>
          <input id="invite-email" type="email" autoComplete="username" value={preview.email} readOnly />
          {isNew && (
            <>
              <label htmlFor="name">{t.invitation.name}</label>
              <input id="name" name="name" autoComplete="name" required autoFocus value={name} onChange={(e) => setName(e.target.value)} />
            </>
          )}
          <label htmlFor="password">{isNew ? t.invitation.newPassword : t.invitation.password}</label>
          <input id="password" name="password" type="password" required minLength={isNew ? 10 : 1} maxLength={200}
            autoComplete={isNew ? 'new-password' : 'current-password'} autoFocus={!isNew}
            value={password} onChange={(e) => setPassword(e.target.value)} />
          <ErrorText error={accept.error} />
          <div className="actions">
            <button type="submit" disabled={accept.isPending}>{accept.isPending ? t.invitation.busy : t.invitation.accept}</button>
          </div>
        </form>
      </div>
      <LanguagePicker />
    </main>
  );
}
