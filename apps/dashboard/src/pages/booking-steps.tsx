import type { Profile } from '../booking/api';
import { useBookingI18n, type Clocks } from '../booking/i18n';

type Service = Profile['services'][number];

/** What can be booked: name, length, price (and deposit), each one button. */
export function ServiceList({ services, selected, onPick, clocks }: { services: Service[]; selected: string | undefined; onPick(id: string): void; clocks: Clocks }) {
  const { t } = useBookingI18n();
  if (services.length === 0) return <p className="hint">{t.service.none}</p>;
  return (
    <ul className="choices">
      {services.map((s) => (
        <li key={s.id}>
          <button type="button" className="choice" aria-pressed={s.id === selected} onClick={() => onPick(s.id)}>
            <span className="choice-title">{s.name}</span>
            <span className="choice-meta">
              {t.service.minutes(s.durationMinutes)} · {priceText(s.price, clocks, t.service.free)}
              {s.deposit && s.deposit.amount > 0 && <> · {t.service.deposit(clocks.visitor.money(s.deposit))}</>}
            </span>
            {s.description && <span className="choice-description">{s.description}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}

export function priceText(price: { amount: number; currency: string }, clocks: Clocks, free: string): string {
  return price.amount === 0 ? free : clocks.visitor.money(price);
}

/** Anyone available, or one of the people (or things) this service may be booked with. */
export function StaffList({ service, selected, onPick }: { service: Service; selected: string | null | undefined; onPick(id: string | null): void }) {
  const { t } = useBookingI18n();
  return (
    <ul className="choices">
      <li>
        <button type="button" className="choice" aria-pressed={selected === null} onClick={() => onPick(null)}>
          <span className="choice-title">{t.staff.anyone}</span>
          <span className="choice-meta">{t.staff.anyoneHelp}</span>
        </button>
      </li>
      {service.resources.map((r) => (
        <li key={r.id}>
          <button type="button" className="choice" aria-pressed={selected === r.id} onClick={() => onPick(r.id)}>
            <span className="choice-title">{r.name}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
