import { Link } from 'wouter';
import { useAtRisk, useCustomer, useErasureRequests } from '../api/customers';
import { useContactLead } from '../api/leads';
import { useCan } from '../api/permissions';
import { useTenant, useTenantFormat } from '../api/tenant';
import { useI18n } from '../i18n/i18n';
import { erasureOf } from '../customers/profile';
import { CustomerDetails } from './customer-details';
import { CustomerPrivacy } from './customer-privacy';
import { useRiskReason } from './customer-at-risk';
import { CustomerBookings, CustomerConsents, CustomerHistory, CustomerIdentities, CustomerLead } from './customer-sections';
import { ErrorText, Loading } from './notice';

/** One customer: details (editable), channels, lead, bookings, history, consent, and their privacy requests. */
export function CustomerProfile({ id }: { id: string }) {
  const { t } = useI18n();
  const can = useCan();
  const contact = useCustomer(id);
  const lead = useContactLead(id);
  const erasures = useErasureRequests(can('privacy.request'));
  const fmt = useTenantFormat(useTenant().data);
  const risk = useAtRisk().data?.find((r) => r.contactId === id);
  const riskReason = useRiskReason();

  if (contact.isError) return <><Back /><ErrorText error={contact.error} /></>;
  if (!contact.data || !fmt) return <Loading />;
  const c = contact.data;
  const erasure = erasures.data ? erasureOf(erasures.data, id) : {};
  const erased = erasure.latest?.status === 'completed';

  return (
    <>
      <Back />
      <h1 className="page-title">
        {c.name ?? t.customers.unnamed}
        {c.optedOut && <span className="badge">{t.customers.optedOut}</span>}
        {erased && <span className="badge">{t.customers.erased}</span>}
        {risk && <span className="badge at-risk">{t.customers.atRisk.badge}</span>}
      </h1>
      {risk && <p className="at-risk-note">{riskReason(risk)}</p>}
      <div className="profile">
        <CustomerDetails contact={c} fmt={fmt} canEdit={can('contacts.write') && !erased} />
        <CustomerLead lead={lead.data} error={lead.error} />
        <CustomerBookings id={id} bookingIds={lead.data?.bookingIds ?? []} fmt={fmt} />
        <CustomerIdentities identities={c.identities} />
        <CustomerHistory id={id} fmt={fmt} />
        <CustomerConsents id={id} fmt={fmt} />
        {(can('privacy.export') || can('privacy.request')) && (
          <CustomerPrivacy id={id} fmt={fmt} erasure={erasure} error={erasures.error} />
        )}
      </div>
    </>
  );
}

function Back() {
  const { t } = useI18n();
  return <Link href="/customers" className="back-link">{t.customers.back}</Link>;
}
