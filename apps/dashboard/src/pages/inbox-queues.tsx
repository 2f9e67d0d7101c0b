import { useId } from 'react';
import type { Queue } from '../api/conversations';
import { useI18n } from '../i18n/i18n';

const QUEUES: readonly Queue[] = ['all', 'open', 'mine', 'unassigned', 'waiting', 'breached'];

/** The inbox's queues as toggle buttons with their counts, and the tag filter. */
export function QueuePicker({ queue, counts, onQueue, tag, onTag }: {
  queue: Queue; counts: Record<Queue, number>; onQueue(q: Queue): void; tag: string; onTag(tag: string): void;
}) {
  const { t } = useI18n();
  const w = t.inboxWork;
  const tagId = useId();
  return (
    <div className="queues">
      <div role="group" aria-label={w.queues} className="queue-buttons">
        {QUEUES.map((q) => (
          <button key={q} type="button" className={`queue queue-${q}`} aria-pressed={q === queue} onClick={() => onQueue(q)}>
            {w.queueCount(w.queueNames[q], counts[q] ?? 0)}
          </button>
        ))}
      </div>
      <label htmlFor={tagId}>{w.tagFilter}</label>
      <input id={tagId} type="search" value={tag} maxLength={40} onChange={(e) => onTag(e.target.value)} aria-describedby={`${tagId}-help`} />
      <p id={`${tagId}-help`} className="hint">{w.tagFilterHelp}</p>
    </div>
  );
}
