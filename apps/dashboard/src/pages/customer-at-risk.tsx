import { Link } from 'wouter';
import { useAtRisk, type AtRiskCustomer } from '../api/customers';
import { useTenant, useTenantFormat } from '../api/tenant';
import { useI18n } from '../i18n/i18n';
import { riskReason } from '../customers/at-risk';
import { ErrorText, Loading } from './notice';
import './customers.css';

/** The reason a customer is at risk, in words (empty until the tenant's formats are known). */
export function useRiskReason(): (item: AtRiskCustomer) => string {
  const { t } = useI18n();
  const fmt = useTenantFormat(useTenant().data);
  return (item) => (fmt ? riskReason(item, t.customers.atRisk, fmt) : '');
}

/** The "at risk" badge, its reason as the accessible description next to it. */
export function AtRiskBadge({ item }: { item: AtRiskCustomer }) {
  const { t } = useI18n();
  const reason = useRiskReason();
  return (
    <>
      <span className="badge at-risk">{t.customers.atRisk.badge}</span>
      <span className="at-risk-reason">{reason(item)}</span>
    </>
  );
}

/** Customers at risk, each a link to the profile with why (Customers page; Home shows the first few). */
export function AtRiskCard({ limit, headingId = 'at-risk-heading', onHome = false }: { limit?: number; headingId?: string; onHome?: boolean }) {
  const { t } = useI18n();
  const words = t.customers.atRisk;
  const risk = useAtRisk();
  const reason = useRiskReason();
  const items = risk.data ?? [];
  const shown = limit === undefined ? items : items.slice(0, limit);
  return (
    <section className="card at-risk-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{onHome && risk.data ? words.homeTitle(items.length) : words.title}</h2>
      {!onHome && <p className="hint">{words.help}</p>}
      <ErrorText error={risk.error} />
      {!risk.data ? (risk.error ? null : <Loading />) : items.length === 0 ? <p>{words.none}</p> : (
        <ul className="plain-list at-risk-list">
          {shown.map((i) => (
            <li key={i.contactId}>
              <Link href={`/customers/${i.contactId}`}>{i.name ?? t.customers.unnamed}</Link>
              <span className="at-risk-reason">{reason(i)}</span>
            </li>
          ))}
        </ul>
      )}
      {onHome && items.length > shown.length && <Link href="/customers">{words.seeAll}</Link>}
    </section>
  );
}
