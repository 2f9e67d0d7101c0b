import { useState, type FormEvent } from 'react';
import { saveSchedule, useCatalogueWrite, type Resource } from '../api/catalogue';
import { useI18n } from '../i18n/i18n';
import { copyMondayToWeekdays, hoursProblems, normalizeTime, weekdays, weekFormOf, weeklyOf, type Weekday, type WeekForm } from '../settings/weekly-hours';
import { ErrorText } from './notice';
import { FieldProblem, SavedNote } from './settings-catalogue-parts';

/** A resource's weekly hours, several intervals a day, checked as they are typed. */
export function WeeklyHoursEditor({ resource, canEdit }: { resource: Resource; canEdit: boolean }) {
  const { t } = useI18n();
  const w = t.settings.catalogue;
  const [form, setForm] = useState<WeekForm>(() => weekFormOf(resource.schedule.weekly));
  const [tried, setTried] = useState(false);
  // Rows whose times were left (blurred) at least once: a half-typed time is not an error yet.
  const [seen, setSeen] = useState<ReadonlySet<string>>(new Set());
  const save = useCatalogueWrite(saveSchedule);
  const problems = hoursProblems(form);
  const problemAt = (day: Weekday, index: number) => problems.find((p) => p.day === day && p.index === index)?.problem;
  const setDay = (day: Weekday, rows: WeekForm[Weekday]) => {
    save.reset();
    setForm({ ...form, [day]: rows });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problems.length) return;
    save.mutate({ id: resource.id, timeZone: resource.timeZone, weekly: weeklyOf(form), overrides: resource.schedule.overrides });
  };

  return (
    <form onSubmit={submit} className="catalogue-form hours-form" aria-labelledby={`hours-${resource.id}`} noValidate>
      <h3 id={`hours-${resource.id}`}>{w.resources.hoursTitle(resource.name)}</h3>
      <p className="hint">{w.resources.hoursHint(resource.timeZone.replace(/_/g, ' '))}</p>
      <fieldset disabled={!canEdit} className="week">
        {weekdays.map((day) => {
          const dayName = w.weekdays[day];
          return (
            <fieldset key={day} className="weekday" data-day={day}>
              <legend>{dayName}</legend>
              {form[day].length === 0 && <span className="closed-day">{w.resources.closedDay}</span>}
              {form[day].map((row, i) => {
                const problem = problemAt(day, i);
                const errorId = `hours-${resource.id}-${day}-${i}-error`;
                const invalid = problem !== undefined && (tried || problem !== 'badTime' || seen.has(`${day}-${i}`));
                const set = (patch: Partial<typeof row>) => setDay(day, form[day].map((r, j) => (j === i ? { ...r, ...patch } : r)));
                const leave = (field: 'from' | 'to') => {
                  const time = normalizeTime(row[field]);
                  if (time && time !== row[field]) set({ [field]: time });
                  setSeen(new Set(seen).add(`${day}-${i}`));
                };
                const timeInput = (field: 'from' | 'to') => (
                  <input className="time" inputMode="numeric" autoComplete="off" maxLength={5} placeholder={field === 'from' ? '09:00' : '18:00'}
                    aria-label={w.resources[field](dayName, i + 1)} value={row[field]} onChange={(e) => set({ [field]: e.target.value })}
                    onBlur={() => leave(field)} aria-invalid={invalid || undefined} aria-describedby={invalid ? errorId : undefined} />
                );
                return (
                  <div key={i} className="interval">
                    {timeInput('from')}
                    <span aria-hidden="true">–</span>
                    {timeInput('to')}
                    {canEdit && (
                      <button type="button" className="secondary small" aria-label={w.resources.removeInterval(dayName, i + 1)}
                        onClick={() => setDay(day, form[day].filter((_, j) => j !== i))}>×</button>
                    )}
                    <FieldProblem id={errorId} text={invalid ? w.resources.problems[problem!] : undefined} />
                  </div>
                );
              })}
              {canEdit && (
                <button type="button" className="secondary small add-interval" aria-label={`${w.resources.addInterval}: ${dayName}`}
                  onClick={() => setDay(day, [...form[day], form[day].length ? { from: '', to: '' } : { from: '09:00', to: '18:00' }])}>
                  {w.resources.addInterval}
                </button>
              )}
            </fieldset>
          );
        })}
      </fieldset>
      {tried && problems.length > 0 && <p className="error" role="alert">{w.resources.fixFirst}</p>}
      <ErrorText error={save.error} />
      <SavedNote show={save.isSuccess} />
      {canEdit && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setForm(copyMondayToWeekdays(form))}>{w.resources.copyMonday}</button>
          <button type="submit" disabled={save.isPending}>{save.isPending ? w.saving : w.resources.saveHours}</button>
        </div>
      )}
    </form>
  );
}
