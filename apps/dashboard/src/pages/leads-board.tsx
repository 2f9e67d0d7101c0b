import { useState, type DragEvent } from 'react';
import { Link } from 'wouter';
import type { LeadSummary } from '../api/leads';
import { useI18n } from '../i18n/i18n';
import { columns, type Stage } from '../leads/board';
import { ClockBadge, StageSelect, TemperatureBadge } from './lead-bits';
import type { LeadView } from './leads';

const DRAG_TYPE = 'application/x-frontdesk-lead';

/** One column per stage; a card moves by dragging it to another column or by its stage select. */
export function LeadsBoard({ view, now, stages }: { view: LeadView; now: number; stages: readonly Stage[] }) {
  const { t } = useI18n();
  const byStage = columns(view.leads, now);
  const [over, setOver] = useState<Stage>();
  const drop = (stage: Stage) => (e: DragEvent) => {
    e.preventDefault();
    setOver(undefined);
    const lead = view.leads.find((l) => l.id === e.dataTransfer.getData(DRAG_TYPE));
    if (lead) view.move?.(lead, stage);
  };
  return (
    <div className="lead-board" role="region" aria-label={t.leads.views.board} tabIndex={0}>
      {stages.map((stage) => (
        <section key={stage} className={`lead-column${over === stage ? ' drop-here' : ''}${byStage[stage].length ? '' : ' is-empty'}`} aria-labelledby={`col-${stage}`} data-stage={stage}
          onDragOver={view.move ? (e) => { e.preventDefault(); setOver(stage); } : undefined}
          onDragLeave={() => setOver(undefined)} onDrop={view.move ? drop(stage) : undefined}>
          <h2 id={`col-${stage}`}>{t.leads.stages[stage]} <span className="count">{byStage[stage].length}</span></h2>
          {byStage[stage].length === 0 ? <p className="hint">{t.leads.emptyColumn}</p> : (
            <ul className="lead-cards">
              {byStage[stage].map((lead) => <LeadCard key={lead.id} lead={lead} view={view} />)}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

function LeadCard({ lead, view }: { lead: LeadSummary; view: LeadView }) {
  const { t } = useI18n();
  const name = view.nameOf(lead);
  return (
    <li className="lead-card" data-lead={lead.id} draggable={view.move !== undefined}
      onDragStart={(e) => { e.dataTransfer.setData(DRAG_TYPE, lead.id); e.dataTransfer.effectAllowed = 'move'; }}>
      <div className="lead-card-head">
        <Link href={`/leads/${lead.id}`} className="lead-name">{name}</Link>
        <TemperatureBadge temperature={lead.temperature} />
      </div>
      <p className="lead-meta">
        {lead.scoreValue !== null && <span>{t.leads.score(lead.scoreValue)}</span>}
        <span>{t.leads.owner}: {view.ownerName(lead.ownerId)}</span>
        {lead.source.channel && <span>{t.leads.source}: {view.channelName(lead.source.channel)}</span>}
      </p>
      <ClockBadge clock={lead.clock} />
      {view.move && <StageSelect stage={lead.stage} label={t.leads.moveTo(name)} onChange={(stage) => view.move!(lead, stage)} keepFocus={view.moved === lead.id} />}
    </li>
  );
}
