import { useState } from 'react';
import { useCan } from '../api/permissions';
import { useApiKeyActions, useApiKeys, type ApiKeyIssued } from '../api/settings-access';
import { useTenant, useTenantFormat } from '../api/tenant';
import { useI18n } from '../i18n/i18n';
import { ConfirmButton, CopyField, useFocusOnMount } from './settings-access-bits';
import { ApiKeyForm } from './settings-api-key-form';
import { ErrorText, Loading } from './notice';

/** The business's API keys (owners only): create one with scopes (its secret shown once), and revoke. */
export function ApiKeysSettings() {
  const { t } = useI18n();
  const w = t.settings.access.apiKeys;
  const manage = useCan()('apikeys.manage');
  const keys = useApiKeys(manage);
  const { revoke } = useApiKeyActions();
  const fmt = useTenantFormat(useTenant().data);
  const [issued, setIssued] = useState<ApiKeyIssued>();
  const scopeWords = (scopes: string[]) => (scopes.includes('*') ? w.fullAccess : scopes.map((s) => w.scopes[s as keyof typeof w.scopes] ?? s).join(', '));

  return (
    <>
      <section className="card" aria-labelledby="settings-section">
        <h2 id="settings-section">{t.settings.sections['api-keys']}</h2>
        <p className="hint">{w.intro}</p>
        {!manage && <p className="owner-only">{w.ownerOnly}</p>}
      </section>
      {manage && issued && <KeyIssued issued={issued} onDone={() => setIssued(undefined)} />}
      {manage && (
        <section className="card" aria-labelledby="keys-heading">
          <h2 id="keys-heading">{w.listTitle}</h2>
          {keys.isPending ? <Loading /> : <ErrorText error={keys.error ?? revoke.error} />}
          {keys.data?.length === 0 && <p>{w.empty}</p>}
          <ul className="access-list api-keys">
            {keys.data?.map((k) => (
              <li key={k.id} className="api-key" data-revoked={k.revokedAt ? 'yes' : 'no'}>
                <div className="access-item-head">
                  <span className="item-name">{k.name}</span>
                  {fmt && <span className="item-meta">{k.revokedAt ? w.revokedOn(fmt.dateTime(k.revokedAt)) : w.created(fmt.dateTime(k.createdAt))}</span>}
                </div>
                <p className="hint scopes">{scopeWords(k.scopes)}</p>
                {!k.revokedAt && (
                  <div className="actions">
                    <ConfirmButton label={w.revoke} question={w.confirmRevoke(k.name)} yes={w.confirmYes} busy={revoke.isPending} onConfirm={() => revoke.mutate(k.id)} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {manage && !issued && (
        <section className="card" aria-labelledby="new-key-heading">
          <h2 id="new-key-heading">{w.create}</h2>
          <ApiKeyForm onIssued={setIssued} />
        </section>
      )}
    </>
  );
}

/** The new key's secret, this once, with the warning; the focus moves here from the form. */
function KeyIssued({ issued, onDone }: { issued: ApiKeyIssued; onDone(): void }) {
  const { t } = useI18n();
  const w = t.settings.access.apiKeys;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="card once key-issued" aria-labelledby="issued-heading">
      <h2 id="issued-heading" tabIndex={-1} ref={heading}>{w.createdTitle(issued.name)}</h2>
      <p className="warning">{w.secretOnce}</p>
      <CopyField id="issued-key" label={w.secretLabel} value={issued.key} />
      <div className="actions"><button type="button" onClick={onDone}>{w.done}</button></div>
    </section>
  );
}
