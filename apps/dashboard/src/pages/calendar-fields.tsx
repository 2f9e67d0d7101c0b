import { useId } from 'react';
import type { Resource } from '@frontdesk/contracts';
import { useI18n } from '../i18n/i18n';
import type { LocalDate } from '../time/zoned';
import { wallMinutes, zonedInstant } from '../calendar/timeline';
import { localDateOf } from '../time/zoned';

/** A time on the tenant's clock as the form edits it: a date, a wall time, a resource (and a length). */
export interface When { date: LocalDate; time: string; resourceId: string; minutes: number }

const pad = (n: number) => String(n).padStart(2, '0');
export function whenOf(start: number, end: number, resourceId: string, timeZone: string): When {
  const m = wallMinutes(start, timeZone);
  return { date: localDateOf(start, timeZone), time: `${pad(Math.floor(m / 60))}:${pad(m % 60)}`, resourceId, minutes: Math.round((end - start) / 60_000) };
}

export function startOf(when: When, timeZone: string): number {
  const [h, m] = when.time.split(':').map(Number) as [number, number];
  return zonedInstant(when.date, h * 60 + m, timeZone);
}

/** Date, start time, resource and (optionally) length; every field labelled, all usable with the keyboard. */
export function WhenFields({ when, onChange, resources, withLength }: {
  when: When; onChange(next: When): void; resources: Resource[]; withLength: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const words = t.calendar.details;
  return (
    <div className="cal-fields">
      <div>
        <label htmlFor={`${id}-date`}>{words.date}</label>
        <input id={`${id}-date`} type="date" required value={when.date} onChange={(e) => e.target.value && onChange({ ...when, date: e.target.value })} />
      </div>
      <div>
        <label htmlFor={`${id}-time`}>{words.start}</label>
        <input id={`${id}-time`} type="time" required step={300} value={when.time} onChange={(e) => e.target.value && onChange({ ...when, time: e.target.value })} />
      </div>
      {withLength && (
        <div>
          <label htmlFor={`${id}-length`}>{words.length}</label>
          <input id={`${id}-length`} type="number" required min={5} max={1440} step={5} value={when.minutes}
            onChange={(e) => onChange({ ...when, minutes: Number(e.target.value) })} />
        </div>
      )}
      <div>
        <label htmlFor={`${id}-resource`}>{words.resource}</label>
        <select id={`${id}-resource`} value={when.resourceId} onChange={(e) => onChange({ ...when, resourceId: e.target.value })}>
          {resources.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
        </select>
      </div>
    </div>
  );
}
