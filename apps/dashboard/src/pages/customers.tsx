import { useEffect, useId, useState } from 'react';
import { Link, useParams } from 'wouter';
import { useAtRisk, useCustomerSearch, type AtRiskCustomer, type Contact } from '../api/customers';
import { useI18n } from '../i18n/i18n';
import { searchable, searchKind } from '../customers/search';
import { riskById } from '../customers/at-risk';
import { AtRiskBadge, AtRiskCard } from './customer-at-risk';
import { CustomerProfile } from './customer-profile';
import { ErrorText, Loading } from './notice';
import './leads.css';
import './customers.css';

/** Find a customer (by name words, phone digits or the whole e-mail); `/customers/:id` is one profile. */
export function CustomersPage() {
  const { id } = useParams<{ id?: string }>();
  if (id) return <CustomerProfile id={id} />;
  return <CustomerSearch />;
}

/** What the person typed, once they pause. */
function useSettled(value: string, ms = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function CustomerSearch() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const query = useSettled(text.trim());
  const kind = searchKind(query);
  const sent = searchable(kind) ? query : '';
  const results = useCustomerSearch(sent, kind === 'empty' || searchable(kind));
  const inputId = useId();
  const hint = t.customers.searchHints[kind];
  const risk = riskById(useAtRisk().data);

  return (
    <>
      <h1 className="page-title">{t.nav.customers}</h1>
      <div role="search" className="card customer-search">
        <label htmlFor={inputId}>{t.customers.search}</label>
        <input id={inputId} type="search" value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${inputId}-help`} autoComplete="off" />
        <p id={`${inputId}-help`} className="hint">{hint ?? t.customers.searchHelp}</p>
      </div>
      <section className="card" aria-labelledby="results-heading" aria-busy={results.isFetching}>
        <h2 id="results-heading">{!sent ? t.customers.recent : results.data ? t.customers.results(results.data.length) : t.common.loading}</h2>
        <ErrorText error={results.error} />
        {!results.data ? <Loading /> : results.data.length === 0 ? <p>{t.customers.none}</p> : (
          <ul className="customer-list">{results.data.map((c) => <CustomerRow key={c.id} contact={c} risk={risk.get(c.id)} />)}</ul>
        )}
      </section>
      {!sent && <AtRiskCard />}
    </>
  );
}

function CustomerRow({ contact, risk }: { contact: Contact; risk: AtRiskCustomer | undefined }) {
  const { t } = useI18n();
  return (
    <li>
      <Link href={`/customers/${contact.id}`} className="customer-row">
        <span className="name">{contact.name ?? t.customers.unnamed}</span>
        <span className="handles">{[contact.phone, contact.email].filter(Boolean).join(' · ')}</span>
        {contact.optedOut && <span className="badge">{t.customers.optedOut}</span>}
        {risk && <AtRiskBadge item={risk} />}
      </Link>
    </li>
  );
}
