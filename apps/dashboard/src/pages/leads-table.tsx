import { Link } from 'wouter';
import { useI18n } from '../i18n/i18n';
import type { Formatters } from '../i18n/format';
import { ClockBadge, StageSelect, TemperatureBadge } from './lead-bits';
import type { LeadView } from './leads';

/** The same leads as rows, newest first: every column readable at a glance, the stage changeable in place. */
export function LeadsTable({ view, fmt }: { view: LeadView; fmt: Formatters }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap" role="region" aria-label={t.leads.views.table} tabIndex={0}>
      <table className="lead-table">
        <thead>
          <tr>
            <th scope="col">{t.leads.customer}</th><th scope="col">{t.leads.stage}</th><th scope="col">{t.leads.temperature}</th>
            <th scope="col">{t.leads.owner}</th><th scope="col">{t.leads.sla}</th><th scope="col">{t.leads.source}</th><th scope="col">{t.leads.created}</th>
          </tr>
        </thead>
        <tbody>
          {view.leads.map((lead) => {
            const name = view.nameOf(lead);
            return (
              <tr key={lead.id} data-lead={lead.id}>
                <th scope="row"><Link href={`/leads/${lead.id}`}>{name}</Link></th>
                <td>{view.move ? <StageSelect stage={lead.stage} label={t.leads.moveTo(name)} onChange={(stage) => view.move!(lead, stage)} />
                  : t.leads.stages[lead.stage]}</td>
                <td><TemperatureBadge temperature={lead.temperature} />{lead.scoreValue !== null && <span className="score"> {lead.scoreValue}</span>}</td>
                <td>{view.ownerName(lead.ownerId)}</td>
                <td><ClockBadge clock={lead.clock} /></td>
                <td>{view.channelName(lead.source.channel)}</td>
                <td>{fmt.dateTime(lead.createdAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
