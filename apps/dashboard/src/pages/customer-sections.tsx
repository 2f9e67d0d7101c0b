import { Link } from 'wouter';
import { useCustomerBookings, useCustomerConsents, useCustomerHistory, type ContactWithIdentities } from '../api/customers';
import { useStaff, type LeadSummary } from '../api/leads';
import { useServices } from '../api/tenant';
import { useI18n } from '../i18n/i18n';
import type { Formatters } from '../i18n/format';
import { ClockBadge, TemperatureBadge } from './lead-bits';
import { ErrorText, Loading } from './notice';

/** The customer's lead in brief: stage, temperature and score, owner, response clock. */
export function CustomerLead({ lead, error }: { lead: LeadSummary | null | undefined; error: unknown }) {
  const { t } = useI18n();
  const staff = useStaff();
  return (
    <section className="card lead-brief" aria-labelledby="lead-heading">
      <h2 id="lead-heading">{t.customers.lead.title}</h2>
      <ErrorText error={error} />
      {lead === undefined ? (error ? null : <Loading />) : lead === null ? <p>{t.customers.lead.none}</p> : (
        <>
          <p className="lead-facts">
            <strong>{t.leads.stages[lead.stage]}</strong>
            <TemperatureBadge temperature={lead.temperature} />
            {lead.scoreValue !== null && <span>{t.leads.score(lead.scoreValue)}</span>}
            <span>{t.leads.owner}: {lead.ownerId ? staff.data?.get(lead.ownerId) ?? '' : t.leads.nobody}</span>
            <ClockBadge clock={lead.clock} />
          </p>
          <Link href={`/leads/${lead.id}`}>{t.customers.lead.open}</Link>
        </>
      )}
    </section>
  );
}

export function CustomerBookings({ id, bookingIds, fmt }: { id: string; bookingIds: readonly string[]; fmt: Formatters }) {
  const { t } = useI18n();
  const bookings = useCustomerBookings(id, bookingIds);
  const services = useServices();
  return (
    <section className="card" aria-labelledby="bookings-heading">
      <h2 id="bookings-heading">{t.customers.bookings.title}</h2>
      <ErrorText error={bookings.error} />
      {!bookings.data ? <Loading /> : bookings.data.length === 0 ? <p>{t.customers.bookings.none}</p> : (
        <ul className="plain-list customer-bookings">
          {bookings.data.map((b) => (
            <li key={b.id} className={`status-${b.status}`}>
              <span className="when">{fmt.dateTime(b.start)}</span> {services.data?.get(b.serviceId) ?? ''} · {t.status[b.status]} · {fmt.money(b.price)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function CustomerIdentities({ identities }: { identities: ContactWithIdentities['identities'] }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="identities-heading">
      <h2 id="identities-heading">{t.customers.identities.title}</h2>
      {identities.length === 0 ? <p>{t.customers.identities.none}</p> : (
        <ul className="plain-list">
          {identities.map((i) => <li key={`${i.channelId}-${i.handle}`}>{i.handle} · {t.customers.identities.status[i.status] ?? i.status}</li>)}
        </ul>
      )}
    </section>
  );
}

export function CustomerHistory({ id, fmt }: { id: string; fmt: Formatters }) {
  const { t } = useI18n();
  const history = useCustomerHistory(id);
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">{t.customers.history.title}</h2>
      <ErrorText error={history.error} />
      {!history.data ? <Loading /> : history.data.items.length === 0 ? <p>{t.customers.history.none}</p> : (
        <ol className="plain-list">
          {history.data.items.map((e, i) => <li key={i}><span className="when">{fmt.dateTime(e.at)}</span> {t.customers.history.kinds[e.kind] ?? e.kind}</li>)}
        </ol>
      )}
    </section>
  );
}

export function CustomerConsents({ id, fmt }: { id: string; fmt: Formatters }) {
  const { t } = useI18n();
  const consents = useCustomerConsents(id);
  const w = t.customers.consents;
  return (
    <section className="card" aria-labelledby="consents-heading">
      <h2 id="consents-heading">{w.title}</h2>
      <ErrorText error={consents.error} />
      {!consents.data ? <Loading /> : consents.data.items.length === 0 ? <p>{w.none}</p> : (
        <ol className="plain-list">
          {consents.data.items.map((c) => (
            <li key={c.id}><span className="when">{fmt.dateTime(c.at)}</span> {w.entry(w.answers[c.answer] ?? c.answer, c.purposes.join(', '), c.channel)}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
