import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'wouter';
import type { Booking } from '@frontdesk/contracts';
import { useCalendarBookings, useCatalogue, useHolds, useReschedule } from '../api/calendar';
import { useCan } from '../api/permissions';
import { useTenant, useTenantFormat } from '../api/tenant';
import { useI18n } from '../i18n/i18n';
import { formatLocale, formatters } from '../i18n/format';
import { rescheduleBody, type Drop } from '../calendar/drag';
import { describeReasons, reasonsOf, type Names } from '../calendar/reasons';
import { dayColumn, hourMarks } from '../calendar/timeline';
import { gridColumns, pickDate, shownResources, viewRange, type ViewKind } from '../calendar/view';
import { ErrorText, Loading } from './notice';
import { CalendarGrid } from './calendar-grid';
import { CalendarToolbar } from './calendar-toolbar';
import type { DragPreview } from './calendar-column';
import { BookingDialog } from './calendar-booking';
import { NewBookingDialog } from './calendar-new';
import { Refusal } from './calendar-dialog';
import './calendar.css';

type Opened = { kind: 'booking'; booking: Booking; resourceId: string } | { kind: 'slot'; start: number; resourceId: string };
type Outcome = { ok: true; text: string } | { ok: false; lead: string; lines: string[] };

/** Day and week views per location, one column per resource; drag to move, click to book or ask why not. */
export function CalendarPage() {
  const { t, language, describe } = useI18n();
  const can = useCan();
  const tenant = useTenant();
  const fmt = useTenantFormat(tenant.data);
  const catalogue = useCatalogue();
  const [params, setParams] = useSearchParams();
  const zone = tenant.data?.timeZone;
  const view: ViewKind = params.get('view') === 'week' ? 'week' : 'day';
  const date = zone ? pickDate(params.get('date'), Date.now(), zone) : undefined;
  const range = useMemo(() => (zone && date ? viewRange(view, date, zone) : undefined), [view, date, zone]);
  const days = useMemo(() => (range && zone ? range.dates.map((d) => dayColumn(d, zone)) : undefined), [range, zone]);
  const bookings = useCalendarBookings(days);
  const holds = useHolds(range);
  const reschedule = useReschedule();
  const [locationId, setLocationId] = useState('all');
  const [resourceId, setResourceId] = useState('all');
  const [opened, setOpened] = useState<Opened>();
  const [saving, setSaving] = useState<DragPreview[]>([]);
  const [outcome, setOutcome] = useState<Outcome>();

  const resources = useMemo(() => shownResources(catalogue.data?.resources ?? [], locationId, resourceId), [catalogue.data, locationId, resourceId]);
  const columns = useMemo(() => (range && zone && catalogue.data ? gridColumns(view, range.dates, zone, resources, catalogue.data.holidays) : []),
    [view, range, zone, resources, catalogue.data]);
  const active = useMemo(() => (bookings.data ?? []).filter((b) => b.status !== 'cancelled'), [bookings.data]);
  const services = useMemo(() => new Map((catalogue.data?.services ?? []).map((s) => [s.id, s])), [catalogue.data]);
  const serviceName = useCallback((id: string) => services.get(id)?.name ?? '', [services]);
  const axis = useMemo(() => {
    if (!fmt || !tenant.data || !columns[0]) return [];
    if (view === 'day') return hourMarks(columns[0].column).map((at) => ({ y: columns[0]!.column.yOf(at), label: fmt.time(at) }));
    const wall = formatters(formatLocale(language, tenant.data.locale), 'UTC');
    return Array.from({ length: 24 }, (_, h) => ({ y: h * 60, label: wall.time(Date.UTC(2000, 0, 1, h)) }));
  }, [fmt, tenant.data, columns, view, language]);

  if (tenant.isError || catalogue.isError) return <ErrorText error={tenant.error ?? catalogue.error} />;
  if (!tenant.data || !fmt || !zone || !date || !range || !catalogue.data) return <Loading />;

  const names: Names = {
    resource: (id) => catalogue.data.resources.find((r) => r.id === id)?.name,
    booking: (id) => {
      const b = bookings.data?.find((x) => x.id === id);
      return b && `${b.customer.name}, ${fmt.timeRange(b.start, b.end)}`;
    },
  };
  const canWrite = can('bookings.write');
  const movedText = (b: Booking) => t.calendar.moved(b.customer.name, `${fmt.shortDay(Date.parse(b.start))}, ${fmt.timeRange(b.start, b.end)}`);

  const drop = (booking: Booking, d: Drop, preview: DragPreview) => {
    setSaving((s) => [...s.filter((x) => x.bookingId !== booking.id), preview]);
    setOutcome(undefined);
    const body = rescheduleBody(booking, d, services.get(booking.serviceId)?.durationMinutes ?? (d.end - d.start) / 60_000);
    reschedule.mutate({ id: booking.id, body }, {
      onSuccess: (moved) => setOutcome({ ok: true, text: movedText(moved) }),
      onError: (err) => setOutcome({ ok: false, lead: `${t.calendar.notMoved(booking.customer.name)} ${describe(err)}`,
        lines: describeReasons(reasonsOf(err), t.calendar, names) }),
      onSettled: () => setSaving((s) => s.filter((x) => x.bookingId !== booking.id)),
    });
  };

  return (
    <div className="calendar">
      <h1 className="page-title">{t.nav.calendar}</h1>
      <CalendarToolbar
        view={view} date={date} range={range} fmt={fmt} timeZone={zone}
        locations={catalogue.data.locations} locationId={locationId} onLocation={setLocationId}
        resources={shownResources(catalogue.data.resources, locationId, 'all')} resourceId={resourceId} onResource={setResourceId}
        onGo={(next) => setParams((p) => { p.set('view', next.view); p.set('date', next.date); return p; })}
        onNew={canWrite && resources[0] ? () => setOpened({ kind: 'slot', resourceId: resources[0]!.id, start: columns[0]!.open[0]?.start ?? range.from }) : undefined}
      />
      <ErrorText error={bookings.error ?? holds.error} />
      <div className="cal-outcome" aria-live="polite">
        {outcome?.ok && <p className="ok" role="status">{outcome.text}</p>}
      </div>
      {outcome && !outcome.ok && <Refusal lead={outcome.lead} lines={outcome.lines} />}
      {resources.length === 0 ? <p className="card">{t.calendar.noResources}</p> : (
        <CalendarGrid
          columns={columns} week={view === 'week'} axis={axis} bookings={active} holds={holds.data ?? []} fmt={fmt}
          serviceName={serviceName} saving={saving} canWrite={canWrite}
          onDrop={drop} scrollKey={`${view}|${date}`}
          onOpenBooking={(booking, rid) => setOpened({ kind: 'booking', booking, resourceId: rid })}
          onOpenSlot={(rid, start) => setOpened({ kind: 'slot', resourceId: rid, start })}
        />
      )}
      {opened?.kind === 'booking' && (
        <BookingDialog booking={opened.booking} resourceId={opened.resourceId} resources={resources} service={services.get(opened.booking.serviceId)}
          timeZone={zone} fmt={fmt} names={names} canWrite={canWrite} onClose={() => setOpened(undefined)}
          onMoved={(b) => { setOpened(undefined); setOutcome({ ok: true, text: movedText(b) }); }}
          onChanged={(text) => { setOpened(undefined); setOutcome({ ok: true, text }); }} />
      )}
      {opened?.kind === 'slot' && (
        <NewBookingDialog start={opened.start} resourceId={opened.resourceId} resources={resources} services={catalogue.data.services}
          timeZone={zone} fmt={fmt} names={names} canWrite={canWrite} onClose={() => setOpened(undefined)}
          onBooked={(b) => {
            setOpened(undefined);
            setOutcome({ ok: true, text: t.calendar.create.booked(b.customer.name, `${fmt.shortDay(Date.parse(b.start))}, ${fmt.timeRange(b.start, b.end)}`) });
          }} />
      )}
    </div>
  );
}
