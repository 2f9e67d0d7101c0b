import { useState } from 'react';
import type { Tenant } from '@frontdesk/contracts';
import { useResources, useServiceList, type Resource, type Service } from '../api/catalogue';
import { useCan } from '../api/permissions';
import { useTenant, useTenantFormat } from '../api/tenant';
import { useI18n } from '../i18n/i18n';
import { ErrorText, Loading } from './notice';
import { ReadOnlyNote } from './settings-catalogue-parts';
import { ServiceEditor } from './settings-service-form';
import './settings-catalogue.css';

/** What customers can book: duration, price in the business's currency, deposit, who does it, whether it is offered. */
export function ServicesSettings() {
  const { t } = useI18n();
  const w = t.settings.catalogue.services;
  const services = useServiceList();
  const resources = useResources();
  const tenant = useTenant();
  const canEdit = useCan()('catalogue.write');
  const [editing, setEditing] = useState<Service | 'new'>();

  if (!services.data || !resources.data || !tenant.data) {
    return <section className="card"><ErrorText error={services.error ?? resources.error ?? tenant.error} /><Loading /></section>;
  }
  return (
    <section className="card catalogue-card" aria-labelledby="services-heading">
      <h2 id="services-heading">{w.title}</h2>
      {!canEdit && <ReadOnlyNote />}
      {services.data.length === 0 ? <p>{w.empty}</p>
        : <ServiceTable services={services.data} resources={resources.data} tenant={tenant.data} canEdit={canEdit} onEdit={setEditing} />}
      {canEdit && (editing
        ? <ServiceEditor key={editing === 'new' ? 'new' : editing.id} service={editing === 'new' ? undefined : editing} resources={resources.data}
            tenant={tenant.data} onDone={() => setEditing(undefined)} />
        : <div className="actions"><button type="button" onClick={() => setEditing('new')}>{w.addTitle}</button></div>)}
    </section>
  );
}

function ServiceTable({ services, resources, tenant, canEdit, onEdit }: {
  services: Service[]; resources: Resource[]; tenant: Tenant; canEdit: boolean; onEdit(s: Service): void;
}) {
  const { t } = useI18n();
  const w = t.settings.catalogue;
  const fmt = useTenantFormat(tenant)!;
  const names = new Map(resources.map((r) => [r.id, r.name]));
  const c = w.services.columns;
  return (
    <div className="table-scroll">
      <table className="catalogue-table">
        <thead>
          <tr><th scope="col">{c.name}</th><th scope="col">{c.duration}</th><th scope="col">{c.price}</th><th scope="col">{c.deposit}</th><th scope="col">{c.who}</th><th scope="col">{c.status}</th>{canEdit && <td />}</tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.id} className="service-row" data-id={s.id}>
              <th scope="row" className="row-name">{s.name}</th>
              <td>{w.services.minutes(s.durationMinutes)}</td>
              <td className="service-price">{fmt.money(s.price)}</td>
              <td>{s.deposit ? fmt.money(s.deposit) : w.none}</td>
              <td>{s.requirements.flatMap((g) => g.resourceIds).map((id) => names.get(id) ?? id).join(', ')}</td>
              <td>{s.active ? w.services.offered : w.services.inactive}</td>
              {canEdit && <td><button type="button" className="secondary small" onClick={() => onEdit(s)} aria-label={`${w.edit}: ${s.name}`}>{w.edit}</button></td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
