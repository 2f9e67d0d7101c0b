import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/** A modal dialog (the browser's own: focus stays inside, Escape closes, focus goes back after). */
export function Dialog({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="cal-dialog" aria-labelledby={titleId} onClose={onClose}>
      <div className="cal-dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="secondary" onClick={() => ref.current?.close()}>{t.calendar.close}</button>
      </div>
      {children}
    </dialog>
  );
}

/** Why a change was refused: the API's words for the code, then each reason the server gave. */
export function Refusal({ lead, lines }: { lead: string; lines: string[] }) {
  return (
    <div className="error cal-refusal" role="alert">
      <p>{lead}</p>
      {lines.length > 0 && <ul>{lines.map((l) => <li key={l}>{l}</li>)}</ul>}
    </div>
  );
}
