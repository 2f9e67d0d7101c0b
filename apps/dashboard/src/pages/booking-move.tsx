import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useFreeTimes, type ManagedBooking, type Slot } from '../booking/api';
import { dayWindow, slotsByDay } from '../booking/days';
import { useBookingI18n, type Clocks } from '../booking/i18n';
import { localDateOf } from '../time/zoned';
import { Problem, whenText, ZoneNote } from './booking-frame';
import { DayList, TimeList } from './booking-when';

interface MoveProps {
  token: string; booking: ManagedBooking; clocks: Clocks; zone: string | undefined; busy: boolean; error: string | null;
  onMove(start: string, resourceId: string | null): void;
  onClose(): void;
}

/** Another day and time for the booking (with the same person, or anyone), then one button that moves it. */
export function MovePanel({ token, booking, clocks, zone, busy, error, onMove, onClose }: MoveProps) {
  const { t } = useBookingI18n();
  const only = booking.resources.length === 1 ? booking.resources[0]! : undefined;
  const [resourceId, setResourceId] = useState<string | null>(only?.id ?? null);
  const [page, setPage] = useState(0);
  const [date, setDate] = useState<string>();
  const [slot, setSlot] = useState<Slot>();
  const days = dayWindow(localDateOf(Date.now(), clocks.visitorZone), page);
  const times = useFreeTimes({ token }, { resourceId, from: days.from, to: days.to, timeZone: zone });
  const byDay = useMemo(() => (times.data ? slotsByDay(times.data.slots.filter((s) => s.start !== booking.start)) : undefined), [times.data, booking.start]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const withId = useId();

  return (
    <div className="move" role="group" aria-labelledby="move-title">
      <h3 id="move-title" ref={heading} tabIndex={-1}>{t.manage.moveTitle}</h3>
      {only && (
        <div className="field">
          <label htmlFor={withId}>{t.manage.moveWith}</label>
          <select id={withId} value={resourceId ?? ''} onChange={(e) => {
            setResourceId(e.target.value || null);
            setSlot(undefined);
          }}>
            <option value={only.id}>{t.manage.moveKeep(only.name)}</option>
            <option value="">{t.staff.anyone}</option>
          </select>
        </div>
      )}
      <ZoneNote clocks={clocks} business={booking.business.name} at={Date.now()} />
      <DayList window={days} byDay={byDay} selected={date} page={page} onPage={setPage} locale={clocks.locale}
        onPick={(d) => {
          setDate(d);
          setSlot(undefined);
        }} error={times.error} retry={() => void times.refetch()} />
      {date && byDay && <TimeList slots={byDay.get(date) ?? []} selected={slot?.start} clocks={clocks} onPick={setSlot} />}
      {error && <Problem text={error} />}
      <div className="actions start">
        {slot && (
          <button type="button" disabled={busy} onClick={() => onMove(slot.start, resourceId)}>
            {busy ? t.manage.moving : t.manage.moveSubmit(whenText(clocks, t, slot.start))}
          </button>
        )}
        <button type="button" className="secondary" onClick={onClose}>{t.manage.keep}</button>
      </div>
    </div>
  );
}
