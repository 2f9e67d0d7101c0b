import { memo, type MouseEvent as ReactMouseEvent, type PointerEvent as ReactPointerEvent } from 'react';
import type { Booking, Hold } from '@frontdesk/contracts';
import { useI18n } from '../i18n/i18n';
import type { Formatters } from '../i18n/format';
import { STEP } from '../calendar/drag';
import type { Placed } from '../calendar/layout';
import type { GridColumn } from '../calendar/view';

/** Where a dragged (or saving) booking is drawn: its column and top/bottom in minutes. */
export interface DragPreview { bookingId: string; columnKey: string; top: number; bottom: number }
export interface Ghost { booking: Booking; top: number; bottom: number; saving: boolean }
/** What a column reports (the same object on every render, so unchanged columns are not drawn again). */
export interface ColumnActions {
  pointerDown(e: ReactPointerEvent, booking: Booking, column: GridColumn): void;
  open(booking: Booking, column: GridColumn): void;
  openSlot(start: number, column: GridColumn): void;
}

interface Props {
  column: GridColumn;
  height: number;
  scale: number;
  placed: Placed<Booking>[];
  holds: Placed<Hold>[];
  ghosts: Ghost[];
  /** The ids of the bookings being dragged or saved (space-separated): drawn faded where they were. */
  moving: string;
  fmt: Formatters;
  serviceName(id: string): string;
  canWrite: boolean;
  actions: ColumnActions;
}

const box = (top: number, height: number, scale: number, lane = 0, lanes = 1) => ({
  top: top * scale, height: height * scale, left: `calc(${(lane / lanes) * 100}% + 2px)`, width: `calc(${100 / lanes}% - 4px)`,
});

/** One resource on one day: closed hours shaded, holds hatched, bookings as buttons to open or drag. */
export const CalendarColumn = memo(function CalendarColumn(p: Props) {
  const { t } = useI18n();
  const { column: c, scale } = p;

  const clickSlot = (e: ReactMouseEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).closest('.cal-booking, .cal-hold')) return;
    const y = (e.clientY - e.currentTarget.getBoundingClientRect().top) / scale;
    p.actions.openSlot(c.column.at(Math.max(0, Math.floor(y / STEP) * STEP)), c);
  };

  return (
    <div className={`cal-col${c.firstOfDay ? ' first' : ''}`} data-column={c.key} style={{ height: p.height }} onClick={clickSlot}>
      {c.closed.map((i) => {
        const top = c.column.yOf(i.start);
        return <div key={i.start} className="cal-closed" style={{ top: top * scale, height: (c.column.yOf(i.end) - top) * scale }} aria-hidden="true" />;
      })}
      {p.holds.map((h) => (
        <div key={h.item.id} className="cal-hold" style={box(h.top, h.height, scale, h.lane, h.lanes)} title={t.calendar.held(p.fmt.time(h.item.expiresAt))}>
          {t.calendar.heldLabel}
        </div>
      ))}
      {p.placed.map(({ item: b, top, height, lane, lanes }) => (
        <button
          key={b.id} type="button" data-booking={b.id}
          className={`cal-booking status-${b.status}${p.moving.includes(b.id) ? ' moving' : ''}`}
          style={box(top, height, scale, lane, lanes)}
          onPointerDown={(e) => p.actions.pointerDown(e, b, c)}
          onClick={() => p.actions.open(b, c)}
        >
          <span className="cal-time">{p.fmt.timeRange(b.start, b.end)}</span>
          <span className="cal-sr">: </span>
          <span className="cal-name">{b.customer.name}</span>
          <span className="cal-sr">, </span>
          <span className="cal-service">{p.serviceName(b.serviceId)}</span>
          {p.canWrite && <span className="cal-resize" aria-hidden="true" />}
        </button>
      ))}
      {p.ghosts.map((g) => (
        <div key={g.booking.id} className={`cal-ghost${g.saving ? ' saving' : ''}`} data-ghost={g.booking.id} style={box(g.top, g.bottom - g.top, scale)} aria-hidden="true">
          <span className="cal-time">{p.fmt.timeRange(new Date(c.column.at(g.top)).toISOString(), new Date(c.column.at(g.bottom)).toISOString())}</span>
          <span className="cal-name">{g.booking.customer.name}</span>
          {g.saving && <span className="cal-service">{t.calendar.moving}</span>}
        </div>
      ))}
    </div>
  );
});
