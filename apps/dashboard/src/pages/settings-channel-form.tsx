import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useChannelActions, type Channel, type ChannelType } from '../api/settings-access';
import { useI18n } from '../i18n/i18n';
import {
  blankValues, channelFields, channelTypes, configToCreate, configToUpdate, editValues, randomToken, type ChannelField, type FormValues,
} from '../settings/channel-fields';
import { ErrorText } from './notice';

/** What a new channel was connected with: the made-up secrets to paste into the provider, shown this once. */
export interface Connected { channel: Channel; generated: [key: string, value: string][] }

/** The config keys the API named as invalid ("config.botToken" → botToken). */
const invalidKeys = (err: unknown) => new Set(err instanceof ApiError ? err.fields.map((f) => f.path.replace(/^config\./, '')) : []);

/** Connect a channel (pick the provider, fill its fields), or edit one (secrets blank: a blank one keeps its value). */
export function ChannelForm({ editing, onDone, onCancel }: { editing?: Channel; onDone(connected?: Connected): void; onCancel?(): void }) {
  const { t } = useI18n();
  const w = t.settings.access.channels;
  const { connect, update } = useChannelActions();
  const [type, setType] = useState<ChannelType>(editing?.type ?? 'whatsapp_cloud');
  const [name, setName] = useState(editing?.name ?? '');
  const [values, setValues] = useState<FormValues>(() => (editing ? editValues(editing.type, editing.config) : blankValues('whatsapp_cloud', randomToken)));
  const mutation = editing ? update : connect;
  const bad = invalidKeys(mutation.error);
  const prefix = editing ? `edit-${editing.id}` : 'channel';

  const pick = (next: ChannelType) => {
    setType(next);
    setValues(blankValues(next, randomToken));
    connect.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (editing) {
      const config = configToUpdate(type, editing.config, values);
      update.mutate({ id: editing.id, ...(name.trim() && name.trim() !== editing.name ? { name: name.trim() } : {}), ...(Object.keys(config).length ? { config } : {}) },
        { onSuccess: () => onDone() });
      return;
    }
    const generated = channelFields[type].filter((f) => f.generate).map((f) => [f.key, String(values[f.key] ?? '').trim()] as [string, string]);
    connect.mutate({ type, ...(name.trim() ? { name: name.trim() } : {}), config: configToCreate(type, values) },
      { onSuccess: (channel) => onDone({ channel, generated: generated.filter(([, v]) => v) }) });
  };

  const input = (f: ChannelField) => {
    const id = `${prefix}-${f.key}`;
    const label = `${w.fields[f.key as keyof typeof w.fields]}${f.optional ? ` ${t.settings.access.optional}` : ''}`;
    const hint = f.kind !== 'secret' ? undefined : editing ? w.keepSecret : f.generate ? w.generatedHint : w.secretHint;
    const common = { id, 'aria-invalid': bad.has(f.key) || undefined, 'aria-describedby': hint ? `${id}-hint` : undefined };
    if (f.kind === 'boolean') {
      return (
        <label key={f.key} className="check" htmlFor={id}>
          <input {...common} type="checkbox" checked={values[f.key] === true} onChange={(e) => setValues({ ...values, [f.key]: e.target.checked })} />
          {label}
        </label>
      );
    }
    const type = f.kind === 'secret' && !(f.generate && !editing) ? 'password' : f.kind === 'number' ? 'text' : f.kind;
    return (
      <div key={f.key}>
        <label htmlFor={id}>{label}</label>
        <input {...common} type={type} value={String(values[f.key] ?? '')} placeholder={f.placeholder} autoComplete={f.kind === 'secret' ? 'new-password' : 'off'}
          spellCheck={false} inputMode={f.kind === 'number' ? 'numeric' : undefined} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} />
        {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
      </div>
    );
  };

  return (
    <form onSubmit={submit} className={editing ? 'channel-edit' : 'channel-connect'}>
      {!editing && (
        <>
          <label htmlFor="channel-type">{w.provider}</label>
          <select id="channel-type" value={type} onChange={(e) => pick(e.target.value as ChannelType)}>
            {channelTypes.map((c) => <option key={c} value={c}>{w.types[c]}</option>)}
          </select>
        </>
      )}
      <label htmlFor={`${prefix}-name`}>{editing ? w.name : `${w.name} ${t.settings.access.optional}`}</label>
      <input id={`${prefix}-name`} value={name} maxLength={100} placeholder={w.types[type]} onChange={(e) => setName(e.target.value)} />
      {channelFields[type].map(input)}
      <ErrorText error={mutation.error} />
      {bad.size > 0 && <p className="error">{[...bad].map((k) => w.fields[k as keyof typeof w.fields] ?? k).join(', ')}</p>}
      <div className="actions">
        {editing && <button type="button" className="secondary" onClick={onCancel}>{t.settings.access.cancel}</button>}
        <button type="submit" disabled={mutation.isPending}>
          {editing ? (update.isPending ? w.saving : w.save) : (connect.isPending ? w.connecting : w.submit)}
        </button>
      </div>
    </form>
  );
}
