import { useMemo } from 'react';
import type { Slot } from '../booking/api';
import { businessClockDiffers, dateAsUtcNoon, MAX_PAGES, type DayWindow } from '../booking/days';
import { useBookingI18n, type Clocks } from '../booking/i18n';
import { Loading, Problem } from './booking-frame';

interface DayListProps {
  window: DayWindow;
  byDay: Map<string, Slot[]> | undefined;
  selected: string | undefined;
  page: number;
  onPage(page: number): void;
  onPick(date: string): void;
  locale: string;
  error: unknown;
  retry(): void;
}

/** Two weeks of the visitor's days, each with how many free times it has. */
export function DayList({ window, byDay, selected, page, onPage, onPick, locale, error, retry }: DayListProps) {
  const { t } = useBookingI18n();
  const label = useMemo(() => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }), [locale]);
  const full = useMemo(() => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }), [locale]);
  const any = byDay && window.dates.some((d) => (byDay.get(d)?.length ?? 0) > 0);
  return (
    <>
      {error ? <Problem error={error} retry={retry} /> : !byDay ? <Loading /> : (
        <ul className="days">
          {window.dates.map((date) => {
            const count = byDay.get(date)?.length ?? 0;
            return (
              <li key={date}>
                <button type="button" className="day" disabled={count === 0} aria-pressed={date === selected} onClick={() => onPick(date)}>
                  <span className="sr-only">{full.format(dateAsUtcNoon(date))}</span>
                  <span className="day-name" aria-hidden="true">{label.format(dateAsUtcNoon(date))}</span>
                  <span className="day-count">{count ? t.day.times(count) : t.day.noTimes}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {byDay && !any && <p className="hint">{t.day.none}</p>}
      <div className="day-pages">
        {page > 0 && <button type="button" className="secondary" onClick={() => onPage(page - 1)}>{t.day.earlier}</button>}
        {page < MAX_PAGES - 1 && <button type="button" className="secondary" onClick={() => onPage(page + 1)}>{t.day.later}</button>}
      </div>
    </>
  );
}

interface TimeListProps { slots: Slot[]; selected: string | undefined; onPick(slot: Slot): void; clocks: Clocks }

/** The free times of one day on the visitor's clock, the business's clock under each when it reads differently. */
export function TimeList({ slots, selected, onPick, clocks }: TimeListProps) {
  const { t } = useBookingI18n();
  if (slots.length === 0) return <p className="hint">{t.time.none}</p>;
  return (
    <ul className="times">
      {slots.map((slot) => (
        <li key={slot.start}>
          <button type="button" className="time" aria-pressed={slot.start === selected} onClick={() => onPick(slot)}>
            <span className="time-visitor">{clocks.visitor.time(slot.start)}</span>
            {businessClockDiffers(slot) && <span className="time-business">{t.time.atBusiness(clocks.business.time(slot.start))}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
