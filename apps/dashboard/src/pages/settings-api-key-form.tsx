import { useState, type FormEvent } from 'react';
import { rolePermissions, type Permission } from '../api/permissions';
import { useApiKeyActions, type ApiKeyIssued } from '../api/settings-access';
import { useI18n } from '../i18n/i18n';
import { ErrorText } from './notice';

/** Every permission a business has: what a key may be limited to. */
const allScopes = [...rolePermissions.owner];

/** A new key: a name and either everything or a chosen list of permissions. */
export function ApiKeyForm({ onIssued }: { onIssued(key: ApiKeyIssued): void }) {
  const { t } = useI18n();
  const w = t.settings.access.apiKeys;
  const { create } = useApiKeyActions();
  const [name, setName] = useState('');
  const [everything, setEverything] = useState(false);
  const [scopes, setScopes] = useState<Set<Permission>>(new Set());
  const [missing, setMissing] = useState(false);

  const toggle = (scope: Permission, on: boolean) => {
    const next = new Set(scopes);
    if (on) next.add(scope);
    else next.delete(scope);
    setScopes(next);
    setMissing(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!everything && scopes.size === 0) return setMissing(true);
    create.mutate({ name: name.trim(), scopes: everything ? ['*'] : allScopes.filter((s) => scopes.has(s)) }, { onSuccess: onIssued });
  };

  return (
    <form onSubmit={submit} className="key-form">
      <label htmlFor="key-name">{w.name}</label>
      <input id="key-name" required maxLength={100} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
      <fieldset className="plain">
        <legend>{w.scopesLegend}</legend>
        <label className="check"><input type="radio" name="key-reach" checked={everything} onChange={() => { setEverything(true); setMissing(false); }} />{w.everything}</label>
        <label className="check"><input type="radio" name="key-reach" checked={!everything} onChange={() => setEverything(false)} />{w.only}</label>
        {!everything && (
          <div className="scope-list">
            {allScopes.map((s) => (
              <label key={s} className="check">
                <input type="checkbox" checked={scopes.has(s)} onChange={(e) => toggle(s, e.target.checked)} />
                <span>{w.scopes[s]} <code>{s}</code></span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
      {missing && <p className="error" role="alert">{w.pickOne}</p>}
      <ErrorText error={create.error} />
      <div className="actions"><button type="submit" disabled={create.isPending}>{create.isPending ? w.creating : w.submit}</button></div>
    </form>
  );
}
