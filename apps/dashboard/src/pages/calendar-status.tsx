import { useId, useState, type FormEvent } from 'react';
import type { Booking } from '@frontdesk/contracts';
import { useCancelBooking, useSetStatus } from '../api/calendar';
import { useI18n } from '../i18n/i18n';
import { statusActions } from '../calendar/status';
import { Refusal } from './calendar-dialog';

/** In a booking's details: mark it completed or a no-show (once it has started), or cancel it with a reason. */
export function BookingStatusActions({ booking, onChanged }: { booking: Booking; onChanged(text: string): void }) {
  const { t, describe } = useI18n();
  const words = t.calendar.details;
  const setStatus = useSetStatus();
  const cancel = useCancelBooking();
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const actions = statusActions(booking, Date.now());
  if (!actions.complete && !actions.noShow && !actions.cancel) return null;

  const busy = setStatus.isPending || cancel.isPending;
  const error = setStatus.error ?? cancel.error;
  const done = (b: Booking) => onChanged(words.changed(b.customer.name, t.status[b.status]));
  const mark = (status: 'completed' | 'no_show') => {
    cancel.reset();
    setStatus.mutate({ id: booking.id, status }, { onSuccess: done });
  };
  const submitCancel = (e: FormEvent) => {
    e.preventDefault();
    setStatus.reset();
    cancel.mutate({ id: booking.id, reason: reason.trim() }, { onSuccess: done });
  };

  return (
    <section className="cal-status" aria-label={words.outcome}>
      <h3>{words.outcome}</h3>
      {actions.notStartedYet && <p className="hint">{words.afterStart}</p>}
      {(actions.complete || actions.noShow) && (
        <div className="actions">
          {actions.complete && <button type="button" disabled={busy} onClick={() => mark('completed')}>{words.complete}</button>}
          {actions.noShow && <button type="button" className="secondary" disabled={busy} onClick={() => mark('no_show')}>{words.noShow}</button>}
        </div>
      )}
      {actions.cancel && (
        <form onSubmit={submitCancel} className="cal-cancel">
          <label htmlFor={reasonId}>{words.reason}</label>
          <input id={reasonId} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} autoComplete="off" />
          <div className="actions">
            <button type="submit" className="danger" disabled={busy}>{cancel.isPending ? words.saving : words.cancel}</button>
          </div>
        </form>
      )}
      {error && <Refusal lead={`${words.notChanged(booking.customer.name)} ${describe(error)}`} lines={[]} />}
    </section>
  );
}
