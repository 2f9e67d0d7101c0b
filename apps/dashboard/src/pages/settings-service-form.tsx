import { useState, type FormEvent } from 'react';
import type { Tenant } from '@frontdesk/contracts';
import { saveService, useCatalogueWrite, type Resource, type Service } from '../api/catalogue';
import { formatLocale } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { moneyInput, parseMoney } from '../settings/money';
import { FieldProblem, FormEnd } from './settings-catalogue-parts';

interface Form { name: string; duration: string; price: string; deposit: string; resourceIds: string[]; active: boolean }

/** Adds or changes a service; money is typed as the staff member writes it ("R$ 150,00", "$ 12.000"). */
export function ServiceEditor({ service, resources, tenant, onDone }: { service?: Service; resources: Resource[]; tenant: Tenant; onDone(): void }) {
  const { t, language } = useI18n();
  const w = t.settings.catalogue;
  const locale = formatLocale(language, tenant.locale);
  const currency = tenant.currency;
  // A service that needs several things at once (a van and two crew) keeps its groups; this form edits one group.
  const groups = service?.requirements ?? [];
  const simple = groups.length <= 1;
  const [form, setForm] = useState<Form>(() => ({
    name: service?.name ?? '', duration: String(service?.durationMinutes ?? 30),
    price: service ? moneyInput(service.price.amount, locale, currency) : '',
    deposit: service?.deposit ? moneyInput(service.deposit.amount, locale, currency) : '',
    resourceIds: groups[0]?.resourceIds ?? [], active: service?.active ?? true,
  }));
  const [tried, setTried] = useState(false);
  const save = useCatalogueWrite(saveService);
  const key = service?.id ?? 'new';
  const example = moneyInput(1250_00, locale, currency);

  const price = parseMoney(form.price, locale, currency);
  const deposit = form.deposit.trim() ? parseMoney(form.deposit, locale, currency) : undefined;
  const problems = {
    price: price === null ? w.services.badMoney(example) : undefined,
    deposit: deposit === null ? w.services.badMoney(example) : deposit !== undefined && price !== null && deposit > price ? w.services.depositTooHigh : undefined,
    who: simple && form.resourceIds.length === 0 ? w.services.pickOne : undefined,
    duration: /^\d+$/.test(form.duration.trim()) && Number(form.duration) >= 1 && Number(form.duration) <= 1440 ? undefined : w.services.badDuration,
  };
  const shown = (field: keyof typeof problems) => (tried || (field !== 'who' && form[field].trim() !== '') ? problems[field] : undefined);
  const durationProblem = shown('duration');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.values(problems).some(Boolean) || price === null) return;
    save.mutate({
      id: service?.id, name: form.name, durationMinutes: Number(form.duration), active: form.active,
      price: { amount: price, currency }, deposit: deposit == null ? null : { amount: deposit, currency },
      ...(simple ? { resourceIds: form.resourceIds } : {}),
    }, { onSuccess: onDone });
  };
  const moneyField = (field: 'price' | 'deposit', label: string) => {
    const problem = shown(field);
    return (
      <>
        <label htmlFor={`service-${field}-${key}`}>{label}</label>
        <input id={`service-${field}-${key}`} inputMode="decimal" value={form[field]} required={field === 'price'} autoComplete="off"
          placeholder={field === 'price' ? example : w.services.noDeposit} onChange={(e) => setForm({ ...form, [field]: e.target.value })}
          aria-invalid={problem ? true : undefined} aria-describedby={`service-${field}-${key}-${problem ? 'error' : 'hint'}`} />
        {problem ? <FieldProblem id={`service-${field}-${key}-error`} text={problem} />
          : <p id={`service-${field}-${key}-hint`} className="hint">{w.services.moneyExample(example)}</p>}
      </>
    );
  };

  return (
    <form onSubmit={submit} className="catalogue-form nested" aria-labelledby={`service-form-${key}`} noValidate>
      <h3 id={`service-form-${key}`}>{service ? w.services.editTitle(service.name) : w.services.addTitle}</h3>
      <label htmlFor={`service-name-${key}`}>{w.name}</label>
      <input id={`service-name-${key}`} value={form.name} required maxLength={200} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      <label htmlFor={`service-duration-${key}`}>{w.services.duration}</label>
      <input id={`service-duration-${key}`} type="number" min={5} max={1440} step={5} required value={form.duration}
        onChange={(e) => setForm({ ...form, duration: e.target.value })} aria-invalid={durationProblem ? true : undefined}
        aria-describedby={durationProblem ? `service-duration-${key}-error` : undefined} />
      <FieldProblem id={`service-duration-${key}-error`} text={durationProblem} />
      {moneyField('price', w.services.price(currency))}
      {moneyField('deposit', w.services.deposit(currency))}
      {simple && (
        <fieldset className="service-who" aria-describedby={shown('who') ? `service-who-${key}-error` : undefined}>
          <legend>{w.services.who}</legend>
          {resources.filter((r) => r.active || form.resourceIds.includes(r.id)).map((r) => (
            <label key={r.id} className="check">
              <input type="checkbox" checked={form.resourceIds.includes(r.id)}
                onChange={(e) => setForm({ ...form, resourceIds: e.target.checked ? [...form.resourceIds, r.id] : form.resourceIds.filter((id) => id !== r.id) })} />
              {r.name}
            </label>
          ))}
          <FieldProblem id={`service-who-${key}-error`} text={shown('who')} />
        </fieldset>
      )}
      <label className="check">
        <input type="checkbox" checked={form.active} onChange={(e) => setForm({ ...form, active: e.target.checked })} />
        {w.services.active}
      </label>
      <FormEnd error={save.error} saving={save.isPending} onCancel={onDone} />
    </form>
  );
}
