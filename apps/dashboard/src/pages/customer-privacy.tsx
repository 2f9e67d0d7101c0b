import { useState, type FormEvent } from 'react';
import { useCustomerActions, type ErasureRequest } from '../api/customers';
import { useCan } from '../api/permissions';
import { useI18n } from '../i18n/i18n';
import type { Formatters } from '../i18n/format';
import { ErrorText } from './notice';

/**
 * The customer's data rights: download everything (managers and owners), ask for an erasure
 * (agents and up), and approve or reject a waiting request (managers and owners).
 */
export function CustomerPrivacy({ id, fmt, erasure, error }: {
  id: string; fmt: Formatters; erasure: { pending?: ErasureRequest; latest?: ErasureRequest }; error: unknown;
}) {
  const { t } = useI18n();
  const can = useCan();
  const { requestErasure, decide } = useCustomerActions(id);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const w = t.customers.privacy;
  const { pending, latest } = erasure;
  const completed = latest?.status === 'completed' ? latest : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    requestErasure.mutate(reason.trim(), { onSuccess: () => { setAsking(false); setReason(''); } });
  };

  return (
    <section className="card privacy" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{w.title}</h2>
      {can('privacy.export') && (
        <>
          <p><a className="button-link" href={`/v1/contacts/${id}/export`} download>{w.export}</a></p>
          <p className="hint">{w.exportHelp}</p>
        </>
      )}
      <ErrorText error={error ?? requestErasure.error ?? decide.error} />
      {completed && <p className="erasure-state">{w.completed(completed.pseudonym ?? '', fmt.dateTime(completed.receipt?.completedAt ?? completed.decidedAt ?? completed.requestedAt))}</p>}
      {!pending && latest?.status === 'rejected' && <p className="erasure-state">{w.rejected(fmt.dateTime(latest.decidedAt ?? latest.requestedAt))}</p>}
      {pending && (
        <div className="erasure-pending">
          <p className="erasure-state">{w.pending(w.requester[pending.source] ?? pending.source, fmt.dateTime(pending.requestedAt))}</p>
          {pending.reason && <p>“{pending.reason}”</p>}
          {can('privacy.approve') ? (
            <>
              <p className="hint">{w.confirm}</p>
              <div className="actions">
                <button type="button" className="secondary" disabled={decide.isPending}
                  onClick={() => decide.mutate({ requestId: pending.id, approve: false })}>{w.reject}</button>
                <button type="button" className="danger" disabled={decide.isPending}
                  onClick={() => decide.mutate({ requestId: pending.id, approve: true })}>{w.approve}</button>
              </div>
            </>
          ) : <p className="hint">{w.waiting}</p>}
        </div>
      )}
      {!pending && !completed && can('privacy.request') && (asking ? (
        <form onSubmit={submit}>
          <label htmlFor="erasure-reason">{w.reason}</label>
          <input id="erasure-reason" maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setAsking(false)}>{t.customers.details.cancel}</button>
            <button type="submit" disabled={requestErasure.isPending}>{w.send}</button>
          </div>
        </form>
      ) : (
        <div className="actions"><button type="button" className="secondary" onClick={() => setAsking(true)}>{w.request}</button></div>
      ))}
    </section>
  );
}
