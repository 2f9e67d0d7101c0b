import { useId } from 'react';
import type { Location, Resource } from '@frontdesk/contracts';
import { useLiveStatus } from '../api/live';
import { useI18n } from '../i18n/i18n';
import type { Formatters } from '../i18n/format';
import { clockChanges, step, type ViewKind } from '../calendar/view';
import { localDateOf, type LocalDate, type Range } from '../time/zoned';

interface Props {
  view: ViewKind;
  date: LocalDate;
  range: Range & { dates: LocalDate[] };
  fmt: Formatters;
  timeZone: string;
  locations: Location[];
  locationId: string;
  onLocation(id: string): void;
  resources: Resource[];
  resourceId: string;
  onResource(id: string): void;
  onGo(next: { view: ViewKind; date: LocalDate }): void;
  onNew?: () => void;
}

/** Day or week, which day, which location and resources; the zone, a clock change, whether it is live. */
export function CalendarToolbar(p: Props) {
  const { t } = useI18n();
  const words = t.calendar;
  const live = useLiveStatus();
  const id = useId();
  const go = (view: ViewKind, date: LocalDate) => p.onGo({ view, date });
  const title = p.view === 'day' ? p.fmt.longDay(p.range.from) : `${p.fmt.shortDay(p.range.from)} – ${p.fmt.shortDay(p.range.to - 1)}`;
  return (
    <div className="cal-toolbar">
      <p className="subtitle">
        <span className="cal-title">{title}</span> · <span className="zone">{words.zoneNote(p.fmt.zone((p.range.from + p.range.to) / 2))}</span>
        {' · '}<span className={`cal-live ${live}`}>{words.live[live]}</span>
      </p>
      {clockChanges(p.range.dates, p.timeZone).map((c) => (
        <p key={c.date} className="badge cal-clock">{words.clockChange(p.fmt.shortDay(c.from), c.hours)}</p>
      ))}
      <div className="cal-controls">
        <div className="cal-views" role="group" aria-label={words.view}>
          {(['day', 'week'] as const).map((v) => (
            <button key={v} type="button" className={p.view === v ? '' : 'secondary'} aria-pressed={p.view === v} onClick={() => go(v, p.date)}>
              {words.views[v]}
            </button>
          ))}
        </div>
        <div className="cal-nav">
          <button type="button" className="secondary" onClick={() => go(p.view, step(p.view, p.date, -1))}>{words.previous[p.view]}</button>
          <button type="button" className="secondary" onClick={() => go(p.view, localDateOf(Date.now(), p.timeZone))}>{words.today}</button>
          <button type="button" className="secondary" onClick={() => go(p.view, step(p.view, p.date, 1))}>{words.next[p.view]}</button>
        </div>
        <div className="cal-pick">
          <label htmlFor={`${id}-date`}>{words.date}</label>
          <input id={`${id}-date`} type="date" value={p.date} onChange={(e) => e.target.value && go(p.view, e.target.value)} />
        </div>
        {p.locations.length > 1 && (
          <div className="cal-pick">
            <label htmlFor={`${id}-location`}>{words.location}</label>
            <select id={`${id}-location`} value={p.locationId} onChange={(e) => { p.onLocation(e.target.value); p.onResource('all'); }}>
              <option value="all">{words.allLocations}</option>
              {p.locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
            </select>
          </div>
        )}
        <div className="cal-pick">
          <label htmlFor={`${id}-resource`}>{words.show}</label>
          <select id={`${id}-resource`} value={p.resourceId} onChange={(e) => p.onResource(e.target.value)}>
            <option value="all">{words.everyone}</option>
            {p.resources.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </select>
        </div>
        {p.onNew && <button type="button" className="cal-new" onClick={p.onNew}>{words.newBooking}</button>}
      </div>
      <p className="hint">{words.help}</p>
    </div>
  );
}
