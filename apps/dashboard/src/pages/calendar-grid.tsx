import { useLayoutEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { Booking, Hold } from '@frontdesk/contracts';
import type { Formatters } from '../i18n/format';
import { changes, movedTop, resizedBottom, STEP, type Drop } from '../calendar/drag';
import { onResource, place } from '../calendar/layout';
import { firstOpenY, type GridColumn } from '../calendar/view';
import { CalendarColumn, type ColumnActions, type DragPreview, type Ghost } from './calendar-column';

/** Pixels per minute: an hour is 60 px tall. */
export const SCALE = 1;
const DRAG_THRESHOLD_PX = 4;
const NO_GHOSTS: Ghost[] = [];

export interface GridProps {
  columns: GridColumn[];
  /** Several days side by side (the week view): each day's first column is labelled with the day. */
  week: boolean;
  axis: { y: number; label: string }[];
  bookings: Booking[];
  holds: Hold[];
  serviceName(id: string): string;
  fmt: Formatters;
  /** Bookings being saved, drawn where they were dropped until the calendar is read again. */
  saving: DragPreview[];
  canWrite: boolean;
  onDrop(booking: Booking, drop: Drop, preview: DragPreview): void;
  onOpenBooking(booking: Booking, resourceId: string): void;
  onOpenSlot(resourceId: string, start: number): void;
  /** Changes when the day or view changes: the grid scrolls to the first open hour then. */
  scrollKey: string;
}

interface Gesture {
  booking: Booking; mode: 'move' | 'resize'; from: GridColumn; grab: number; length: number;
  x: number; y: number; started: boolean; pointerId: number;
}

/** The column under the pointer, and the pointer's minutes from its top. */
function columnAt(x: number, y: number, columns: GridColumn[]): { column: GridColumn; y: number } | undefined {
  const el = document.elementsFromPoint(x, y).find((e): e is HTMLElement => e instanceof HTMLElement && e.dataset.column !== undefined);
  const column = el && columns.find((c) => c.key === el.dataset.column);
  return column && { column, y: (y - el.getBoundingClientRect().top) / SCALE };
}

/** The scrolling grid: hours down the side, one column per resource (and day), bookings to drag. */
export function CalendarGrid(props: GridProps) {
  const { columns, scrollKey } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const gesture = useRef<Gesture | undefined>(undefined);
  const suppressClick = useRef(false);
  const [preview, setShown] = useState<DragPreview | undefined>();
  // The drop reads the last position from here: the pointer can be released before React re-renders.
  const latest = useRef<DragPreview | undefined>(undefined);
  const setPreview = (next: DragPreview | undefined) => {
    latest.current = next;
    setShown(next);
  };

  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = firstOpenY(columns) * SCALE;
    // Only when the day or the view changes (scrollKey), not on every live refresh.
  }, [scrollKey]);

  const begin = (e: ReactPointerEvent, booking: Booking, from: GridColumn) => {
    if (!props.canWrite || e.button !== 0) return;
    const top = from.column.yOf(Date.parse(booking.start));
    const at = columnAt(e.clientX, e.clientY, columns);
    gesture.current = {
      booking, from, mode: (e.target as HTMLElement).classList.contains('cal-resize') ? 'resize' : 'move',
      grab: (at?.y ?? top) - top, length: from.column.yOf(Date.parse(booking.end)) - top,
      x: e.clientX, y: e.clientY, started: false, pointerId: e.pointerId,
    };
  };

  const follow = (e: ReactPointerEvent) => {
    const g = gesture.current;
    if (!g || e.pointerId !== g.pointerId) return;
    if (!g.started && Math.hypot(e.clientX - g.x, e.clientY - g.y) < DRAG_THRESHOLD_PX) return;
    if (!g.started) scroller.current?.setPointerCapture?.(e.pointerId);
    g.started = true;
    const at = columnAt(e.clientX, e.clientY, columns);
    const top = g.from.column.yOf(Date.parse(g.booking.start));
    if (g.mode === 'resize') {
      const pointerY = at?.column === g.from ? at.y : top + g.length + (e.clientY - g.y) / SCALE;
      setPreview({ bookingId: g.booking.id, columnKey: g.from.key, top, bottom: resizedBottom(pointerY, top, g.from.column) });
    } else if (at) {
      const moved = movedTop(at.y, g.grab, g.length, at.column.column);
      setPreview({ bookingId: g.booking.id, columnKey: at.column.key, top: moved, bottom: moved + Math.max(g.length, STEP) });
    }
  };

  const finish = (e: ReactPointerEvent) => {
    const g = gesture.current;
    if (!g || e.pointerId !== g.pointerId) return;
    gesture.current = undefined;
    const shown = latest.current;
    setPreview(undefined);
    if (!g.started) return; // a click: the booking's button opens it
    suppressClick.current = true;
    setTimeout(() => { suppressClick.current = false; }, 0);
    const target = shown && columns.find((c) => c.key === shown.columnKey);
    if (!shown || !target) return;
    const drop: Drop = {
      fromResourceId: g.from.resource.id, toResourceId: target.resource.id,
      start: target.column.at(shown.top), end: target.column.at(shown.bottom),
    };
    if (changes(g.booking, drop)) props.onDrop(g.booking, drop, shown);
  };

  const byId = useMemo(() => new Map(props.bookings.map((b) => [b.id, b])), [props.bookings]);
  // Placing is the costly part (500 bookings in 70 columns): only when the bookings or the view change, not on each pointer move.
  const placed = useMemo(() => new Map(columns.map((c) => [c.key, {
    bookings: place(onResource(props.bookings, c.resource.id), c.column),
    holds: place(onResource(props.holds, c.resource.id), c.column),
  }])), [columns, props.bookings, props.holds]);
  const ghosts = [...props.saving.map((s) => ({ ...s, saving: true })), ...(preview ? [{ ...preview, saving: false }] : [])];
  const moving = ghosts.map((g) => g.bookingId).join(' ');
  const ghostsIn = (key: string): Ghost[] => {
    const here = ghosts.flatMap((g) => {
      const booking = byId.get(g.bookingId);
      return g.columnKey === key && booking ? [{ booking, top: g.top, bottom: g.bottom, saving: g.saving }] : [];
    });
    return here.length ? here : NO_GHOSTS;
  };
  // Stable callbacks for the memoised columns; they read this render's handlers.
  const handlers = useRef({ begin, open: props.onOpenBooking, openSlot: props.onOpenSlot });
  handlers.current = { begin, open: props.onOpenBooking, openSlot: props.onOpenSlot };
  const actions = useMemo<ColumnActions>(() => ({
    pointerDown: (e, b, c) => handlers.current.begin(e, b, c),
    open: (b, c) => {
      if (!suppressClick.current) handlers.current.open(b, c.resource.id);
    },
    openSlot: (start, c) => {
      if (!suppressClick.current) handlers.current.openSlot(c.resource.id, start);
    },
  }), []);

  const height = (columns[0]?.column.height ?? 1440) * SCALE;
  return (
    <div className="cal-scroll" ref={scroller} onPointerMove={follow} onPointerUp={finish} onPointerCancel={finish}>
      <div className="cal-grid" style={{ gridTemplateColumns: `4.5rem repeat(${columns.length}, minmax(${props.week ? 5.5 : 8}rem, 1fr))` }}>
        <div className="cal-corner" />
        {columns.map((c) => (
          <div key={c.key} className={`cal-head${c.firstOfDay ? ' first' : ''}`} title={c.resource.name}>
            {props.week && <span className="cal-day">{c.firstOfDay ? props.fmt.shortDay(c.column.from) : '\u00a0'}</span>}
            <span className="cal-resource">{c.resource.name}</span>
          </div>
        ))}
        <div className="cal-axis" style={{ height }} aria-hidden="true">
          {props.axis.map((m, i) => <span key={i} className="cal-hour" style={{ top: m.y * SCALE }}>{m.label}</span>)}
        </div>
        {columns.map((c) => (
          <CalendarColumn
            key={c.key} column={c} height={height} scale={SCALE} fmt={props.fmt} serviceName={props.serviceName} canWrite={props.canWrite}
            placed={placed.get(c.key)!.bookings} holds={placed.get(c.key)!.holds} ghosts={ghostsIn(c.key)} moving={moving} actions={actions}
          />
        ))}
      </div>
    </div>
  );
}
