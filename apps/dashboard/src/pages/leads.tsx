import { useId, useMemo, useState } from 'react';
import { useParams } from 'wouter';
import { useLeadActions, useLeads, useStaff, type LeadSummary } from '../api/leads';
import { useCan } from '../api/permissions';
import { useTenant, useTenantFormat } from '../api/tenant';
import { useI18n } from '../i18n/i18n';
import { filterLeads, noFilter, STAGES, type LeadFilter, type SlaFilter, type Stage, type Temperature } from '../leads/board';
import { LostDialog, useNow } from './lead-bits';
import { LeadsBoard } from './leads-board';
import { LeadsTable } from './leads-table';
import { LeadDetailPanel } from './lead-detail';
import { ErrorText, Loading } from './notice';
import './leads.css';

type View = 'board' | 'table';

/** Everything the board and the table need to show and move a lead. */
export interface LeadView {
  leads: LeadSummary[];
  ownerName(id: string | null): string;
  nameOf(lead: LeadSummary): string;
  channelName(channel: string | null): string;
  /** Undefined when the role may not change leads. */
  move?: (lead: LeadSummary, stage: Stage) => void;
  /** The lead moved last (its stage select keeps the focus in its new column). */
  moved?: string;
}

/** The pipeline: a board by stage or a table, with filters; `/leads/:id` opens one lead. */
export function LeadsPage() {
  const { t } = useI18n();
  const { id } = useParams<{ id?: string }>();
  const can = useCan();
  const leads = useLeads();
  const staff = useStaff();
  const tenant = useTenant();
  const fmt = useTenantFormat(tenant.data);
  const actions = useLeadActions();
  const [view, setView] = useState<View>('board');
  const [filter, setFilter] = useState<LeadFilter>(noFilter);
  const [losing, setLosing] = useState<LeadSummary>();
  const [announcement, setAnnouncement] = useState('');
  const [moved, setMoved] = useState<string>();
  const now = useNow(15_000);
  const shown = useMemo(() => (leads.data ? filterLeads(leads.data, filter, now) : []), [leads.data, filter, now]);

  if (id) return <LeadDetailPanel id={id} />;
  if (leads.isError) return <ErrorText error={leads.error} />;
  if (!leads.data || !fmt) return <Loading />;

  const nameOf = (l: LeadSummary) => l.contactName ?? t.leads.unnamed;
  const save = (lead: LeadSummary, stage: Stage, lostReason?: string) => {
    actions.move.mutate({ id: lead.id, stage, ...(lostReason ? { lostReason } : {}) },
      { onSuccess: () => setAnnouncement(t.leads.moved(nameOf(lead), t.leads.stages[stage])) });
  };
  const move = (lead: LeadSummary, stage: Stage) => {
    if (stage === lead.stage) return;
    setMoved(lead.id);
    if (stage === 'lost') setLosing(lead);
    else save(lead, stage);
  };
  const shared: LeadView = {
    leads: shown, nameOf,
    ownerName: (owner) => (owner ? staff.data?.get(owner) ?? '' : t.leads.nobody),
    channelName: (c) => (c ? t.inbox.channels[c] ?? c : ''),
    ...(can('leads.write') ? { move } : {}),
    ...(moved ? { moved } : {}),
  };

  return (
    <>
      <h1 className="page-title">{t.nav.leads}</h1>
      <div className="leads-bar">
        <div className="view-toggle" role="group" aria-label={t.leads.view}>
          {(['board', 'table'] as const).map((v) => (
            <button key={v} type="button" className={view === v ? '' : 'secondary'} aria-pressed={view === v} onClick={() => setView(v)}>{t.leads.views[v]}</button>
          ))}
        </div>
        <Filters filter={filter} onChange={setFilter} staff={staff.data} />
      </div>
      <p className="subtitle">{[t.leads.count(shown.length), can('leads.write') ? (view === 'board' ? t.leads.boardHelp : '') : t.leads.readOnly].filter(Boolean).join(' · ')}</p>
      <ErrorText error={actions.move.error ?? staff.error} />
      <p className="visually-hidden" role="status">{announcement}</p>
      {shown.length === 0 && <p className="card">{t.leads.empty}</p>}
      {shown.length > 0 && (view === 'board' ? <LeadsBoard view={shared} now={now} stages={filter.stage === 'all' ? STAGES : [filter.stage]} />
        : <LeadsTable view={shared} fmt={fmt} />)}
      {losing && <LostDialog name={nameOf(losing)} onCancel={() => setLosing(undefined)}
        onSave={(reason) => { save(losing, 'lost', reason); setLosing(undefined); }} />}
    </>
  );
}

function Filters({ filter, onChange, staff }: { filter: LeadFilter; onChange(f: LeadFilter): void; staff: Map<string, string> | undefined }) {
  const { t } = useI18n();
  const ids = { stage: useId(), temperature: useId(), owner: useId(), sla: useId() };
  const set = (patch: Partial<LeadFilter>) => onChange({ ...filter, ...patch });
  return (
    <fieldset className="lead-filters">
      <legend>{t.leads.filters}</legend>
      <span>
        <label htmlFor={ids.stage}>{t.leads.stage}</label>
        <select id={ids.stage} value={filter.stage} onChange={(e) => set({ stage: e.target.value as Stage | 'all' })}>
          <option value="all">{t.leads.all}</option>
          {STAGES.map((s) => <option key={s} value={s}>{t.leads.stages[s]}</option>)}
        </select>
      </span>
      <span>
        <label htmlFor={ids.temperature}>{t.leads.temperature}</label>
        <select id={ids.temperature} value={filter.temperature} onChange={(e) => set({ temperature: e.target.value as Temperature | 'all' })}>
          <option value="all">{t.leads.all}</option>
          {(['hot', 'warm', 'cold'] as const).map((x) => <option key={x} value={x}>{t.leads.temperatures[x]}</option>)}
        </select>
      </span>
      <span>
        <label htmlFor={ids.owner}>{t.leads.owner}</label>
        <select id={ids.owner} value={filter.owner} onChange={(e) => set({ owner: e.target.value })}>
          <option value="all">{t.leads.all}</option>
          <option value="none">{t.leads.nobody}</option>
          {[...(staff ?? new Map<string, string>())].map(([id, name]) => <option key={id} value={id}>{name}</option>)}
        </select>
      </span>
      <span>
        <label htmlFor={ids.sla}>{t.leads.sla}</label>
        <select id={ids.sla} value={filter.sla} onChange={(e) => set({ sla: e.target.value as SlaFilter })}>
          {(['all', 'breached', 'at_risk'] as const).map((s) => <option key={s} value={s}>{t.leads.slaFilters[s]}</option>)}
        </select>
      </span>
    </fieldset>
  );
}
