import { useState, type FormEvent } from 'react';
import type { Booking, Resource, Service } from '@frontdesk/contracts';
import { slotResources, useCreateBooking, useExplain } from '../api/calendar';
import { useI18n } from '../i18n/i18n';
import type { Formatters } from '../i18n/format';
import { describeReasons, reasonsOf, type Names } from '../calendar/reasons';
import { Dialog, Refusal } from './calendar-dialog';
import { startOf, whenOf, WhenFields, type When } from './calendar-fields';

interface Props {
  start: number;
  resourceId: string;
  resources: Resource[];
  services: Service[];
  timeZone: string;
  fmt: Formatters;
  names: Names;
  canWrite: boolean;
  onClose(): void;
  onBooked(booking: Booking): void;
}

const performs = (s: Service, resourceId: string) => s.active && s.requirements.some((g) => g.resourceIds.includes(resourceId));

/** A chosen time: whether it can be booked (and why not), and the form to book it. */
export function NewBookingDialog(p: Props) {
  const { t, describe } = useI18n();
  const words = t.calendar.create;
  const [when, setWhen] = useState<When>(() => whenOf(p.start, p.start, p.resourceId, p.timeZone));
  const offered = p.services.filter((s) => performs(s, when.resourceId));
  const [chosen, setChosen] = useState('');
  const service = offered.find((s) => s.id === chosen) ?? offered[0];
  const start = startOf(when, p.timeZone);
  const explain = useExplain(service ? { serviceId: service.id, start, resourceId: when.resourceId } : undefined);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const create = useCreateBooking();
  const resourceName = p.names.resource(when.resourceId) ?? '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!service) return;
    // A service that needs several resources at once (a van and its crew) takes the free ones with this one.
    const resourceIds = service.requirements.length === 1 ? [when.resourceId] : await slotResources(service.id, start, when.resourceId).catch(() => undefined);
    create.mutate({ serviceId: service.id, start: new Date(start).toISOString(), ...(resourceIds ? { resourceIds } : {}),
      customer: { name: name.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}) } }, { onSuccess: p.onBooked });
  };

  const reasons = explain.data && !explain.data.bookable ? describeReasons(explain.data.reasons, t.calendar, p.names) : [];
  return (
    <Dialog title={words.title(p.fmt.dateTime(start), resourceName)} onClose={p.onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <WhenFields when={when} onChange={setWhen} resources={p.resources} withLength={false} />
        {offered.length === 0 ? <p>{words.noService}</p> : (
          <>
            <label htmlFor="cal-service">{words.service}</label>
            <select id="cal-service" value={service?.id} onChange={(e) => setChosen(e.target.value)}>
              {offered.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </>
        )}
        <div className="cal-explain" role="status">
          {explain.isFetching && !explain.data ? <p>{words.checking}</p>
            : explain.data?.bookable ? <p className="ok">{words.bookable}</p>
              : explain.data ? <><p>{words.notBookable}</p><ul>{reasons.map((r) => <li key={r}>{r}</li>)}</ul></> : null}
        </div>
        {explain.error && <p className="error" role="alert">{describe(explain.error)}</p>}
        {p.canWrite && service && (
          <>
            <label htmlFor="cal-name">{words.name}</label>
            <input id="cal-name" required maxLength={200} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
            <label htmlFor="cal-phone">{words.phone}</label>
            <input id="cal-phone" type="tel" autoComplete="off" pattern="\+[1-9][0-9]{6,14}" value={phone} onChange={(e) => setPhone(e.target.value)} />
            {create.error && <Refusal lead={describe(create.error)} lines={describeReasons(reasonsOf(create.error), t.calendar, p.names)} />}
            <div className="actions">
              <button type="submit" disabled={create.isPending}>{create.isPending ? words.booking : words.book}</button>
            </div>
          </>
        )}
      </form>
    </Dialog>
  );
}
