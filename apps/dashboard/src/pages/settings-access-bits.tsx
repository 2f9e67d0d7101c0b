import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import './settings-access.css';

/** Moves the keyboard focus to the element once it appears (a panel that replaced the form just used). */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

/** A value to paste elsewhere (a webhook address, a secret shown once): selectable text and a copy button. */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(value).then(() => setCopied(true), () => undefined);
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input id={id} readOnly value={value} spellCheck={false} onFocus={(e) => e.target.select()} />
        <button type="button" className="secondary" onClick={copy}>{t.settings.access.copy}</button>
      </div>
      <span className="copied" role="status">{copied ? t.settings.access.copied : ''}</span>
    </div>
  );
}

/** A destructive action asked twice: the button, then the question with yes and cancel. */
export function ConfirmButton({ label, question, yes, busy, onConfirm }: {
  label: string; question: string; yes: string; busy?: boolean; onConfirm(): void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking) return <button type="button" className="secondary" disabled={busy} onClick={() => setAsking(true)}>{label}</button>;
  return <Question label={label} question={question} yes={yes} busy={busy} cancel={t.settings.access.cancel}
    onCancel={() => setAsking(false)} onYes={() => { setAsking(false); onConfirm(); }} />;
}

function Question({ label, question, yes, cancel, busy, onCancel, onYes }: {
  label: string; question: string; yes: string; cancel: string; busy?: boolean; onCancel(): void; onYes(): void;
}) {
  const first = useFocusOnMount<HTMLButtonElement>();
  return (
    <div className="confirm" role="group" aria-label={label}>
      <p>{question}</p>
      <div className="actions">
        <button type="button" className="secondary" ref={first} onClick={onCancel}>{cancel}</button>
        <button type="button" className="danger" disabled={busy} onClick={onYes}>{yes}</button>
      </div>
    </div>
  );
}
