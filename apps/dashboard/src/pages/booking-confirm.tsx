import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'wouter';
import { icsPath, managePath, type Booked, type Profile, type Slot } from '../booking/api';
import type { Details } from '../booking/details';
import { useBookingI18n, type Clocks } from '../booking/i18n';
import { Problem, whenText } from './booking-frame';
import { priceText } from './booking-steps';

type Service = Profile['services'][number];

interface ConfirmProps {
  service: Service; resourceName: string | undefined; slot: Slot; details: Details; clocks: Clocks;
  busy: boolean; error: unknown; onConfirm(): void;
}

/** Everything chosen, once more, and the button that books. */
export function ConfirmStep({ service, resourceName, slot, details, clocks, busy, error, onConfirm }: ConfirmProps) {
  const { t } = useBookingI18n();
  return (
    <>
      <dl className="summary">
        <Row label={t.confirm.service} value={`${service.name} · ${t.service.minutes(service.durationMinutes)}`} />
        <Row label={t.confirm.with} value={resourceName ?? t.confirm.anyone} />
        <Row label={t.confirm.when} value={<WhenLines clocks={clocks} start={slot.start} />} />
        <Row label={t.confirm.price} value={priceText(service.price, clocks, t.service.free)} />
        <Row label={t.confirm.contact} value={[details.name, details.phone, details.email].map((s) => s.trim()).filter(Boolean).join(' · ')} />
      </dl>
      <Problem error={error} />
      <div className="actions">
        <button type="button" onClick={onConfirm} disabled={busy}>{busy ? t.confirm.busy : t.confirm.submit}</button>
      </div>
    </>
  );
}

/** A time on the visitor's clock, and on the business's when that reads differently. */
export function WhenLines({ clocks, start }: { clocks: Clocks; start: string }) {
  const { t } = useBookingI18n();
  const visitor = whenText(clocks, t, start);
  const business = t.when(clocks.business.longDay(Date.parse(start)), clocks.business.time(start));
  return (
    <>
      <span className="when-visitor">{visitor}</span>
      {!clocks.sameZone && <span className="when-business">{t.time.atBusiness(business)}</span>}
    </>
  );
}

export function Row({ label, value }: { label: string; value: ReactNode }) {
  return <div className="row"><dt>{label}</dt><dd>{value}</dd></div>;
}

/** Booked: what, when, the calendar file and the link to change or cancel it (shown only now). */
export function Done({ booked, clocks, onAgain }: { booked: Booked; clocks: Clocks; onAgain(): void }) {
  const { t } = useBookingI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const link = `${window.location.origin}${managePath(booked.manageToken)}`;
  return (
    <section className="card done" aria-labelledby="done-title">
      <h2 id="done-title" ref={heading} tabIndex={-1}>{t.done.title}</h2>
      <dl className="summary">
        <Row label={t.confirm.service} value={booked.service.name} />
        {booked.resources.length > 0 && <Row label={t.confirm.with} value={booked.resources.map((r) => r.name).join(', ')} />}
        <Row label={t.confirm.when} value={<WhenLines clocks={clocks} start={booked.start} />} />
        <Row label={t.confirm.price} value={priceText(booked.price, clocks, t.service.free)} />
      </dl>
      <p>{t.done.sent}</p>
      <p className="actions start">
        <a className="button" href={icsPath(booked.manageToken)} download="booking.ics">{t.done.calendar}</a>
        <Link className="button secondary" href={managePath(booked.manageToken)}>{t.done.manage}</Link>
      </p>
      <label htmlFor="book-link">{t.done.linkLabel}</label>
      <input id="book-link" readOnly value={link} aria-describedby="book-link-help" onFocus={(e) => e.target.select()} />
      <p className="hint" id="book-link-help">{t.done.keepLink}</p>
      <div className="actions start">
        <button type="button" className="secondary" onClick={onAgain}>{t.done.another}</button>
      </div>
    </section>
  );
}
