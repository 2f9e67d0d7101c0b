import { useEffect, useMemo, useState } from 'react';
import type { Booking } from '@frontdesk/contracts';
import { useBookings, useServices, useTenant, useTenantFormat } from '../api/tenant';
import { useI18n } from '../i18n/i18n';
import type { Formatters } from '../i18n/format';
import { dayAround, weekAround } from '../time/zoned';
import { startingWithin, summarizeWeek } from '../home/summary';
import { ErrorText, Loading } from './notice';
import { AtRiskCard } from './customer-at-risk';

/** The current minute (today rolls over at the tenant's midnight without a reload). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Today's bookings on the tenant's clock, and this week's numbers. */
export function HomePage() {
  const { t } = useI18n();
  const tenant = useTenant();
  const fmt = useTenantFormat(tenant.data);
  const now = useNow();
  const zone = tenant.data?.timeZone;
  const minute = Math.floor(now / 60_000);
  const day = useMemo(() => (zone ? dayAround(minute * 60_000, zone) : undefined), [zone, minute]);
  const week = useMemo(() => (zone ? weekAround(minute * 60_000, zone) : undefined), [zone, minute]);
  const bookings = useBookings(week);
  const services = useServices();

  if (tenant.isError) return <ErrorText error={tenant.error} />;
  if (!tenant.data || !fmt || !day || !week) return <Loading />;
  const today = bookings.data ? startingWithin(bookings.data, day) : [];
  const summary = bookings.data ? summarizeWeek(bookings.data, week, tenant.data.currency) : undefined;

  return (
    <>
      <h1 className="page-title">{t.home.today}</h1>
      <p className="subtitle">
        <span className="today-date">{fmt.longDay(now)}</span> · <span className="zone">{t.home.zoneNote(fmt.zone(now))}</span>
      </p>
      <ErrorText error={bookings.error ?? services.error} />
      <section className="card" aria-labelledby="today-heading">
        <h2 id="today-heading">{bookings.data ? t.home.bookingsToday(today.length) : t.common.loading}</h2>
        {bookings.data && today.length === 0 && <p>{t.home.noBookings}</p>}
        {today.length > 0 && (
          <ol className="bookings">
            {today.map((b) => <BookingRow key={b.id} booking={b} fmt={fmt} service={services.data?.get(b.serviceId)} />)}
          </ol>
        )}
      </section>
      <section className="card" aria-labelledby="week-heading">
        <h2 id="week-heading">{t.home.week}</h2>
        <p className="subtitle">{t.home.weekRange(fmt.shortDay(week.from), fmt.shortDay(week.to - 1))}</p>
        {summary && (
          <dl className="stats">
            <Stat label={t.home.counts.booked} value={String(summary.booked)} />
            <Stat label={t.home.counts.confirmed} value={String(summary.confirmed)} />
            <Stat label={t.home.counts.cancelled} value={String(summary.cancelled)} />
            <Stat label={t.home.counts.noShow} value={String(summary.noShow)} />
            <Stat label={t.home.counts.revenue} value={fmt.money(summary.value)} />
          </dl>
        )}
      </section>
      <AtRiskCard limit={5} onHome headingId="home-at-risk-heading" />
    </>
  );
}

function BookingRow({ booking, fmt, service }: { booking: Booking; fmt: Formatters; service: string | undefined }) {
  const { t } = useI18n();
  return (
    <li className={`booking status-${booking.status}`}>
      <span className="when">{fmt.timeRange(booking.start, booking.end)}</span>
      <span className="customer">{booking.customer.name}</span>
      <span className="what">{service ?? ''}</span>
      <span className="status">{t.status[booking.status]}</span>
      <span className="price">{fmt.money(booking.price)}</span>
    </li>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return <div className="stat"><dt>{label}</dt><dd>{value}</dd></div>;
}
