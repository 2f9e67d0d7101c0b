import { useState, type FormEvent } from 'react';
import type { Booking, Resource } from '@frontdesk/contracts';
import { useReschedule } from '../api/calendar';
import { useI18n } from '../i18n/i18n';
import type { Formatters } from '../i18n/format';
import { changes, rescheduleBody } from '../calendar/drag';
import { describeReasons, reasonsOf, type Names } from '../calendar/reasons';
import { Dialog, Refusal } from './calendar-dialog';
import { startOf, whenOf, WhenFields, type When } from './calendar-fields';
import { BookingStatusActions } from './calendar-status';

interface Props {
  booking: Booking;
  /** The resource whose column it was opened from (the one a move replaces). */
  resourceId: string;
  resources: Resource[];
  service: { name: string; durationMinutes: number } | undefined;
  timeZone: string;
  fmt: Formatters;
  names: Names;
  canWrite: boolean;
  onClose(): void;
  onMoved(booking: Booking): void;
  /** Its status changed (completed, no-show, cancelled): what to tell the staff member. */
  onChanged(text: string): void;
}

/** A booking's details, the keyboard's way to move it or change its length, and its status (completed, no-show, cancelled). */
export function BookingDialog(p: Props) {
  const { t, describe } = useI18n();
  const words = t.calendar.details;
  const b = p.booking;
  const [when, setWhen] = useState<When>(() => whenOf(Date.parse(b.start), Date.parse(b.end), p.resourceId, p.timeZone));
  const [unchanged, setUnchanged] = useState(false);
  const reschedule = useReschedule();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const start = startOf(when, p.timeZone);
    const drop = { fromResourceId: p.resourceId, toResourceId: when.resourceId, start, end: start + when.minutes * 60_000 };
    setUnchanged(!changes(b, drop));
    if (!changes(b, drop)) return;
    reschedule.mutate({ id: b.id, body: rescheduleBody(b, drop, p.service?.durationMinutes ?? when.minutes) }, { onSuccess: p.onMoved });
  };

  return (
    <Dialog title={words.title(b.customer.name)} onClose={p.onClose}>
      <dl className="cal-facts">
        <dt>{words.service}</dt><dd>{p.service?.name ?? ''}</dd>
        <dt>{words.when}</dt><dd>{`${p.fmt.shortDay(Date.parse(b.start))}, ${p.fmt.timeRange(b.start, b.end)}`}</dd>
        {b.customer.phone && <><dt>{words.phone}</dt><dd>{b.customer.phone}</dd></>}
        <dt>{words.status}</dt><dd>{t.status[b.status]}</dd>
      </dl>
      {p.canWrite && b.status !== 'cancelled' && (
        <form onSubmit={submit}>
          <h3>{words.move}</h3>
          <WhenFields when={when} onChange={(w) => { setWhen(w); setUnchanged(false); }} resources={p.resources} withLength />
          {unchanged && <p className="hint" role="status">{words.unchanged}</p>}
          {reschedule.error && (
            <Refusal lead={`${t.calendar.notMoved(b.customer.name)} ${describe(reschedule.error)}`}
              lines={describeReasons(reasonsOf(reschedule.error), t.calendar, p.names)} />
          )}
          <div className="actions">
            <button type="submit" disabled={reschedule.isPending}>{reschedule.isPending ? t.calendar.moving : words.save}</button>
          </div>
        </form>
      )}
      {p.canWrite && <BookingStatusActions booking={b} onChanged={p.onChanged} />}
    </Dialog>
  );
}
