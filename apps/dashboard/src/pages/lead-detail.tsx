import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useLead, useLeadActions, useLeads, useLeadTimeline, useStaff, type LeadDetail, type TimelineItem } from '../api/leads';
import { useCan } from '../api/permissions';
import { useTenant, useTenantFormat } from '../api/tenant';
import { useI18n } from '../i18n/i18n';
import type { Formatters } from '../i18n/format';
import type { Stage } from '../leads/board';
import { ClockBadge, LostDialog, StageSelect, TemperatureBadge } from './lead-bits';
import { ErrorText, Loading } from './notice';

/** One lead: stage, score with its explanation, owner, clock, answers, notes and its timeline. */
export function LeadDetailPanel({ id }: { id: string }) {
  const { t } = useI18n();
  const can = useCan();
  const lead = useLead(id);
  const summary = useLeads().data?.find((l) => l.id === id);
  const staff = useStaff();
  const fmt = useTenantFormat(useTenant().data);
  const actions = useLeadActions();
  const [losing, setLosing] = useState(false);

  if (lead.isError) return <><Back /><ErrorText error={lead.error} /></>;
  if (!lead.data || !fmt) return <Loading />;
  const l = lead.data;
  const name = summary?.contactName ?? t.leads.unnamed;
  const move = (stage: Stage, lostReason?: string) => actions.move.mutate({ id, stage, ...(lostReason ? { lostReason } : {}) });

  return (
    <>
      <Back />
      <h1 className="page-title">{name}</h1>
      <section className="card lead-summary" aria-label={t.leads.stage}>
        <div className="lead-facts">
          <span>
            {can('leads.write')
              ? <StageSelect stage={l.stage} label={t.leads.moveTo(name)} disabled={actions.move.isPending}
                onChange={(stage) => (stage === 'lost' ? setLosing(true) : move(stage))} />
              : <strong>{t.leads.stages[l.stage]}</strong>}
          </span>
          <TemperatureBadge temperature={l.temperature} />
          {l.scoreValue !== null && <span>{t.leads.score(l.scoreValue)}</span>}
          <span>{t.leads.owner}: {l.ownerId ? staff.data?.get(l.ownerId) ?? '' : t.leads.nobody}</span>
          <ClockBadge clock={summary?.clock ?? null} />
          {l.breaches.length > 0 && <span className="clock clock-overdue">{t.leads.detail.breaches(l.breaches.length)}</span>}
        </div>
        {l.lostReason && l.stage === 'lost' && <p>{t.leads.lost.reason}: {l.lostReason}</p>}
        <p><Link href={`/customers/${l.contactId}`}>{t.leads.detail.profile}</Link></p>
        <ErrorText error={actions.move.error} />
      </section>
      <ScoreExplanation lead={l} />
      {Object.keys(l.fields).length > 0 && (
        <section className="card" aria-labelledby="answers-heading">
          <h2 id="answers-heading">{t.leads.detail.answers}</h2>
          <dl className="answers">{Object.entries(l.fields).map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}</dl>
        </section>
      )}
      <Notes lead={l} fmt={fmt} canWrite={can('leads.write')} />
      <Timeline id={id} fmt={fmt} />
      {losing && <LostDialog name={name} onCancel={() => setLosing(false)} onSave={(reason) => { move('lost', reason); setLosing(false); }} />}
    </>
  );
}

function Back() {
  const { t } = useI18n();
  return <Link href="/leads" className="back-link">{t.leads.detail.close}</Link>;
}

function ScoreExplanation({ lead }: { lead: LeadDetail }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="why-heading">
      <h2 id="why-heading">{t.leads.detail.why}</h2>
      {!lead.score ? <p>{t.leads.detail.noScore}</p> : (
        <ul className="factors">
          {lead.score.factors.map((f) => (
            <li key={f.factor}>
              <span className="factor-name">{t.leads.detail.factors[f.factor]}</span>{' '}
              <span className="factor-score">{t.leads.detail.factor(Math.round(f.score), f.weight)}</span>
              {f.signals.length === 0 ? <p className="hint">{t.leads.detail.noSignals}</p> : (
                <ul className="signals">
                  {f.signals.map((s) => <li key={s.signal}><span className="points">{t.leads.detail.points(s.points)}</span> {s.detail}</li>)}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Notes({ lead, fmt, canWrite }: { lead: LeadDetail; fmt: Formatters; canWrite: boolean }) {
  const { t } = useI18n();
  const { addNote } = useLeadActions();
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) addNote.mutate({ id: lead.id, text: text.trim() }, { onSuccess: () => setText('') });
  };
  return (
    <section className="card" aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t.leads.detail.notes}</h2>
      {lead.notes.length === 0 ? <p>{t.leads.detail.noNotes}</p> : (
        <ul className="notes">{lead.notes.map((n) => <li key={n.id}><span className="when">{fmt.dateTime(n.createdAt)}</span> <span className="text">{n.text}</span></li>)}</ul>
      )}
      {canWrite && (
        <form onSubmit={submit}>
          <label htmlFor="note">{t.leads.detail.addNote}</label>
          <textarea id="note" rows={3} maxLength={5000} value={text} onChange={(e) => setText(e.target.value)} />
          <ErrorText error={addNote.error} />
          <div className="actions"><button type="submit" disabled={addNote.isPending}>{addNote.isPending ? t.leads.detail.saving : t.leads.detail.saveNote}</button></div>
        </form>
      )}
    </section>
  );
}

function Timeline({ id, fmt }: { id: string; fmt: Formatters }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const timeline = useLeadTimeline(id, open);
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t.leads.detail.timeline}</h2>
      <button type="button" className="secondary" aria-expanded={open} aria-controls="timeline" onClick={() => setOpen(!open)}>
        {open ? t.leads.detail.hideTimeline : t.leads.detail.showTimeline}
      </button>
      <div id="timeline">
        {open && (timeline.isError ? <ErrorText error={timeline.error} /> : !timeline.data ? <Loading /> : timeline.data.length === 0
          ? <p>{t.leads.detail.noTimeline}</p>
          : <ol className="timeline">{timeline.data.map((item) => <TimelineEntry key={item.id} item={item} fmt={fmt} />)}</ol>)}
      </div>
    </section>
  );
}

function TimelineEntry({ item, fmt }: { item: TimelineItem; fmt: Formatters }) {
  const { t } = useI18n();
  const stages = t.leads.stages as Record<string, string>;
  const { from, to } = item.data as { from?: string; to?: string };
  const change = item.type === 'lead.stage_changed' && from && to ? ` (${t.leads.stageChange(stages[from] ?? from, stages[to] ?? to)})` : '';
  return (
    <li data-type={item.type}>
      <span className="when">{fmt.dateTime(item.occurredAt)}</span> {t.leads.events[item.type] ?? item.type}{change}
    </li>
  );
}
