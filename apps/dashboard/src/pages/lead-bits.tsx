import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { clockRemaining, clockState, durationParts, type Clock } from '../leads/clock';
import { STAGES, type Stage, type Temperature } from '../leads/board';

/** One shared one-second tick for every clock on the page. */
const listeners = new Set<() => void>();
let tick = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => {
    tick = Date.now();
    listeners.forEach((l) => l());
  }, 1000);
  return () => {
    listeners.delete(listener);
    if (!listeners.size) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
export function useSecond(): number {
  return useSyncExternalStore(subscribe, () => tick);
}

/** The time now, every `ms` (for filters and sorting, which need not tick every second). */
export function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const every = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(every);
  }, [ms]);
  return now;
}

/** The response clock, ticking: time left to answer, at risk, or overdue. */
export function ClockBadge({ clock }: { clock: Clock | null }) {
  const { t } = useI18n();
  const now = useSecond();
  const state = clockState(clock, now);
  if (!clock) return <span className="clock clock-none">{t.leads.noClock}</span>;
  const { days, clock: hms } = durationParts(clockRemaining(clock, now));
  const d = days ? t.leads.clock.days(days, hms) : hms;
  return (
    <span className={`clock clock-${state}`}>
      <time dateTime={clock.dueAt}>{state === 'overdue' ? t.leads.clock.overdue(d) : t.leads.clock.left(d)}</time>
    </span>
  );
}

export function TemperatureBadge({ temperature }: { temperature: Temperature | null }) {
  const { t } = useI18n();
  return <span className={`temp temp-${temperature ?? 'none'}`}>{temperature ? t.leads.temperatures[temperature] : t.leads.unscored}</span>;
}

/** Choose a lead's stage with the keyboard or the mouse; lost asks why first (LostDialog). */
export function StageSelect({ stage, label, onChange, disabled, keepFocus }: {
  stage: Stage; label: string; onChange(stage: Stage): void; disabled?: boolean;
  /** The card was just moved to another column (and so drawn anew): the focus comes along. */
  keepFocus?: boolean;
}) {
  const { t } = useI18n();
  return (
    <select className="stage-select" aria-label={label} value={stage} disabled={disabled} autoFocus={keepFocus}
      onChange={(e) => onChange(e.target.value as Stage)}>
      {STAGES.map((s) => <option key={s} value={s}>{t.leads.stages[s]}</option>)}
    </select>
  );
}

/** "Why was this lead lost?" — a modal dialog (focus stays inside; Escape cancels). */
export function LostDialog({ name, onSave, onCancel }: { name: string; onSave(reason: string): void; onCancel(): void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim()) onSave(reason.trim());
  };
  return (
    <dialog ref={ref} className="card lost-dialog" aria-labelledby="lost-title" onCancel={onCancel}>
      <form onSubmit={submit}>
        <h2 id="lost-title">{t.leads.lost.title}</h2>
        <p>{name}</p>
        <label htmlFor="lost-reason">{t.leads.lost.reason}</label>
        <input id="lost-reason" required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        <div className="actions">
          <button type="button" className="secondary" onClick={onCancel}>{t.leads.lost.cancel}</button>
          <button type="submit">{t.leads.lost.save}</button>
        </div>
      </form>
    </dialog>
  );
}
