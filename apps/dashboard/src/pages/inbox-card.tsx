import { Link } from 'wouter';
import { useCustomer, useCustomerBookings } from '../api/customers';
import { useContactLead, useLead, useStaff, type LeadDetail } from '../api/leads';
import { useServices } from '../api/tenant';
import { useI18n } from '../i18n/i18n';
import type { Formatters } from '../i18n/format';
import { splitBookings } from '../inbox/work';
import { TemperatureBadge } from './lead-bits';
import { ErrorText, Loading } from './notice';

/** Beside the thread: who the customer is, their lead (stage, temperature, score and why) and their bookings. */
export function ContactCard({ contactId, fmt }: { contactId: string | null; fmt: Formatters }) {
  const { t } = useI18n();
  return (
    <aside className="card inbox-card" aria-labelledby="card-heading">
      <h2 id="card-heading">{t.inboxWork.card}</h2>
      {contactId ? <CardBody contactId={contactId} fmt={fmt} /> : <p>{t.inboxWork.noContact}</p>}
    </aside>
  );
}

function CardBody({ contactId, fmt }: { contactId: string; fmt: Formatters }) {
  const { t } = useI18n();
  const w = t.inboxWork;
  const contact = useCustomer(contactId);
  const lead = useContactLead(contactId);
  if (contact.isError) return <ErrorText error={contact.error} />;
  if (!contact.data) return <Loading />;
  const c = contact.data;
  return (
    <>
      <h3>{w.contact}</h3>
      <dl className="facts">
        <dt>{t.customers.details.name}</dt><dd>{c.name ?? w.unnamed}</dd>
        {c.phone && <><dt>{w.phone}</dt><dd>{c.phone}</dd></>}
        {c.email && <><dt>{w.email}</dt><dd>{c.email}</dd></>}
      </dl>
      <h3>{w.channels}</h3>
      {c.identities.length === 0 ? <p>{w.noChannels}</p> : (
        <ul className="plain-list">{c.identities.map((i) => <li key={`${i.channelId}-${i.handle}`}>{i.handle}</li>)}</ul>
      )}
      <Link href={`/customers/${contactId}`}>{w.openCustomer}</Link>
      <h3>{w.lead}</h3>
      <ErrorText error={lead.error} />
      {lead.data === undefined ? (lead.error ? null : <Loading />) : lead.data === null ? <p>{w.noLead}</p>
        : <LeadPart leadId={lead.data.id} contactId={contactId} bookingIds={lead.data.bookingIds} fmt={fmt} />}
    </>
  );
}

function LeadPart({ leadId, contactId, bookingIds, fmt }: { leadId: string; contactId: string; bookingIds: readonly string[]; fmt: Formatters }) {
  const { t } = useI18n();
  const w = t.inboxWork;
  const lead = useLead(leadId);
  const staff = useStaff();
  if (lead.isError) return <ErrorText error={lead.error} />;
  if (!lead.data) return <Loading />;
  const l = lead.data;
  return (
    <>
      <p className="lead-facts">
        <span>{w.stage}: <strong>{t.leads.stages[l.stage]}</strong></span>
        <TemperatureBadge temperature={l.temperature} />
        {l.score && <span className="score">{t.leads.score(l.score.value)}</span>}
        <span>{w.owner}: {l.ownerId ? staff.data?.get(l.ownerId) ?? '' : t.leads.nobody}</span>
      </p>
      <Why lead={l} />
      <Link href={`/leads/${leadId}`}>{w.openLead}</Link>
      <Bookings contactId={contactId} bookingIds={bookingIds} fmt={fmt} />
    </>
  );
}

function Why({ lead }: { lead: LeadDetail }) {
  const { t } = useI18n();
  if (!lead.score) return <p className="hint">{t.leads.detail.noScore}</p>;
  return (
    <details className="why" open>
      <summary>{t.inboxWork.why}</summary>
      <ul className="factors">
        {lead.score.factors.map((f) => (
          <li key={f.factor}>
            <span className="factor-name">{t.leads.detail.factors[f.factor]}</span>{' '}
            <span className="factor-score">{t.leads.detail.factor(Math.round(f.score), f.weight)}</span>
            {f.signals.length > 0 && <ul className="signals">{f.signals.map((s) => <li key={s.signal}>{t.leads.detail.points(s.points)} {s.detail}</li>)}</ul>}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Bookings({ contactId, bookingIds, fmt }: { contactId: string; bookingIds: readonly string[]; fmt: Formatters }) {
  const { t } = useI18n();
  const w = t.inboxWork;
  const bookings = useCustomerBookings(contactId, bookingIds);
  const services = useServices();
  if (bookings.error) return <ErrorText error={bookings.error} />;
  if (!bookings.data) return <Loading />;
  const { upcoming, past } = splitBookings(bookings.data, Date.now());
  const list = (items: typeof upcoming, className: string) => (items.length === 0 ? <p>{w.noBookings}</p> : (
    <ul className={`plain-list ${className}`}>
      {items.map((b) => (
        <li key={b.id}>
          {fmt.dateTime(b.start)} · {services.data?.get(b.serviceId) ?? ''} · {t.status[b.status]} · {fmt.money(b.price)}
          {b.deposit && ` · ${w.deposit(fmt.money(b.deposit))}`}
        </li>
      ))}
    </ul>
  ));
  return (
    <>
      <h3>{w.upcoming}</h3>
      {list(upcoming, 'bookings-upcoming')}
      <h3>{w.past}</h3>
      {list(past, 'bookings-past')}
    </>
  );
}
