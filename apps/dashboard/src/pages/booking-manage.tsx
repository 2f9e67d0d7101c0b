import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../api/client';
import { icsPath, PageError, useChange, useManagedBooking, type ManagedBooking } from '../booking/api';
import { browserZone, useBookingI18n, useClocks, type Clocks } from '../booking/i18n';
import { Row, WhenLines } from './booking-confirm';
import { Frame, Loading, Problem, retryable, whenText } from './booking-frame';
import { MovePanel } from './booking-move';
import { priceText } from './booking-steps';

/** `/book/manage/:token`: the booking behind the link; cancel or move it while the business's policy allows. */
export function ManagePage({ token }: { token: string }) {
  const { t } = useBookingI18n();
  const zone = browserZone();
  const booking = useManagedBooking(token, zone);
  const clocks = useClocks(booking.data?.business);
  if (booking.isError) {
    const gone = booking.error instanceof ApiError && booking.error.code === 'NOT_FOUND';
    return <Frame><Problem {...(gone ? { text: t.manageNotFound } : { error: booking.error, retry: retryable(booking.error) ? () => void booking.refetch() : undefined })} /></Frame>;
  }
  if (!booking.data || !clocks) return <Frame><Loading /></Frame>;
  return <Frame title={booking.data.business.name}><Manage booking={booking.data} token={token} zone={zone} clocks={clocks} /></Frame>;
}

type Mode = 'view' | 'cancel' | 'move';

function Manage({ booking, token, zone, clocks }: { booking: ManagedBooking; token: string; zone: string | undefined; clocks: Clocks }) {
  const { t, describe } = useBookingI18n();
  const change = useChange(token, zone);
  const [mode, setMode] = useState<Mode>('view');
  const [done, setDone] = useState<string>();
  const status = useRef<HTMLParagraphElement>(null);
  const ask = useRef<HTMLParagraphElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else if (mode !== 'move') (mode === 'cancel' ? ask : status).current?.focus(); // the move panel takes it itself
  }, [mode, done]);

  const active = booking.status === 'pending' || booking.status === 'confirmed';
  const deadline = whenText(clocks, t, booking.policy.changeDeadline);
  const tooLate = (err: unknown) => err instanceof PageError && err.code === 'BOOKING_CHANGE_TOO_LATE' && typeof err.extra.deadline === 'string'
    ? t.manage.tooLate(whenText(clocks, t, err.extra.deadline), booking.business.name) : describe(err);
  const finish = (message: string) => () => {
    setMode('view');
    setDone(message);
  };

  return (
    <section className="card" aria-labelledby="manage-title">
      <h2 id="manage-title">{t.manage.title}</h2>
      <p className={`status status-${booking.status}`} ref={status} tabIndex={-1} role={done ? 'status' : undefined}>
        {done ?? t.manage.status[booking.status]}
      </p>
      <dl className="summary">
        <Row label={t.confirm.service} value={`${booking.service.name} · ${t.service.minutes(booking.service.durationMinutes)}`} />
        {booking.resources.length > 0 && <Row label={t.confirm.with} value={booking.resources.map((r) => r.name).join(', ')} />}
        <Row label={t.confirm.when} value={<WhenLines clocks={clocks} start={booking.start} />} />
        <Row label={t.confirm.price} value={priceText(booking.price, clocks, t.service.free)} />
        <Row label={t.manage.customer} value={booking.customer.name} />
      </dl>
      {active && <p className="policy">{booking.policy.canChange ? t.manage.deadline(deadline) : t.manage.tooLate(deadline, booking.business.name)}</p>}
      {!active && booking.status === 'cancelled' && <p className="policy">{t.manage.cancelled}</p>}
      {mode === 'view' && change.error && <Problem text={tooLate(change.error)} />}

      {mode === 'cancel' && (
        <div className="confirm-box" role="group" aria-labelledby="cancel-ask">
          <p id="cancel-ask" ref={ask} tabIndex={-1}>{t.manage.cancelAsk}</p>
          <div className="actions start">
            <button type="button" className="danger" disabled={change.isPending}
              onClick={() => change.mutate({ cancel: true }, { onSuccess: finish(t.manage.cancelled), onError: () => setMode('view') })}>
              {change.isPending ? t.manage.cancelling : t.manage.cancelYes}
            </button>
            <button type="button" className="secondary" onClick={() => setMode('view')}>{t.manage.cancelNo}</button>
          </div>
        </div>
      )}
      {mode === 'move' && (
        <MovePanel token={token} booking={booking} clocks={clocks} zone={zone} busy={change.isPending} error={change.error && tooLate(change.error)}
          onMove={(start, resourceId) => change.mutate({ start, resourceId }, { onSuccess: finish(t.manage.moved) })}
          onClose={() => setMode('view')} />
      )}
      {mode === 'view' && (
        <div className="actions start">
          {active && booking.policy.canChange && <>
            <button type="button" onClick={() => { change.reset(); setMode('move'); }}>{t.manage.move}</button>
            <button type="button" className="secondary" onClick={() => { change.reset(); setMode('cancel'); }}>{t.manage.cancel}</button>
          </>}
          {active && <a className="button secondary" href={icsPath(token)} download="booking.ics">{t.manage.calendar}</a>}
          {!active && <Link className="button secondary" href={`/book/${encodeURIComponent(booking.business.slug)}`}>{t.manage.bookAgain}</Link>}
        </div>
      )}
    </section>
  );
}
