import { useId, useState } from 'react';
import { Link, useParams } from 'wouter';
import { useConversations, useTeam, type Conversation, type Queue } from '../api/conversations';
import { useTenant, useTenantFormat } from '../api/tenant';
import { useI18n } from '../i18n/i18n';
import type { Formatters } from '../i18n/format';
import { channelsOf, filterConversations, isWithPerson, type Handler } from '../inbox/filter';
import { ErrorText, Loading } from './notice';
import { Thread } from './thread';
import { ContactCard } from './inbox-card';
import { QueuePicker } from './inbox-queues';
import './inbox-work.css';

/** Conversations from every channel, filtered; the chosen one's thread beside them (below on a phone). */
export function InboxPage() {
  const { t } = useI18n();
  const { id } = useParams<{ id?: string }>();
  const [queue, setQueue] = useState<Queue>('all');
  const [tag, setTag] = useState('');
  const conversations = useConversations(queue, tag.trim().toLowerCase());
  const everything = useConversations('all');
  const team = useTeam();
  const tenant = useTenant();
  const fmt = useTenantFormat(tenant.data);
  const [handler, setHandler] = useState<Handler>('all');
  const [channel, setChannel] = useState('all');
  const handlerId = useId();
  const channelId = useId();

  if (conversations.isError) return <ErrorText error={conversations.error} />;
  if (!conversations.data || !fmt) return <Loading />;
  const now = Date.now();
  const shown = filterConversations(conversations.data.items, { handler, channel }, now);
  const selected = id ? [...conversations.data.items, ...(everything.data?.items ?? [])].find((c) => c.id === id) : undefined;
  const nameOf = (userId: string | null) => (userId ? team.data?.find((m) => m.userId === userId)?.name ?? '' : '');
  const channelName = (c: string) => t.inbox.channels[c] ?? c;

  return (
    <>
      <h1 className="page-title">{t.nav.inbox}</h1>
      <div className={`inbox${id ? ' has-thread' : ''}`}>
        <section className="card inbox-list" aria-label={t.inbox.list}>
          <QueuePicker queue={queue} counts={conversations.data.counts} onQueue={setQueue} tag={tag} onTag={setTag} />
          <fieldset className="filters">
            <legend>{t.inbox.filters}</legend>
            <label htmlFor={handlerId}>{t.inbox.handler}</label>
            <select id={handlerId} value={handler} onChange={(e) => setHandler(e.target.value as Handler)}>
              {(['all', 'human', 'assistant'] as const).map((h) => <option key={h} value={h}>{t.inbox.handlers[h]}</option>)}
            </select>
            <label htmlFor={channelId}>{t.inbox.channel}</label>
            <select id={channelId} value={channel} onChange={(e) => setChannel(e.target.value)}>
              <option value="all">{t.inbox.allChannels}</option>
              {channelsOf(conversations.data.items).map((c) => <option key={c} value={c}>{channelName(c)}</option>)}
            </select>
          </fieldset>
          {shown.length === 0 ? <p>{t.inbox.empty}</p> : (
            <ul className="conversations">
              {shown.map((c) => <ConversationItem key={c.id} conversation={c} active={c.id === id} fmt={fmt} now={now} channelName={channelName}
                assignee={nameOf(c.assigneeId)} />)}
            </ul>
          )}
        </section>
        <section className="card inbox-thread" aria-label={t.inbox.list}>
          {id ? <Thread id={id} conversation={selected} fmt={fmt} channelName={channelName} />
            : <p>{t.inbox.pick}</p>}
        </section>
        {id && <ContactCard contactId={selected?.contactId ?? null} fmt={fmt} />}
      </div>
    </>
  );
}

function ConversationItem({ conversation: c, active, fmt, now, channelName, assignee }: {
  conversation: Conversation; active: boolean; fmt: Formatters; now: number; channelName(c: string): string; assignee: string;
}) {
  const { t } = useI18n();
  const person = isWithPerson(c, now);
  return (
    <li>
      <Link href={`/inbox/${c.id}`} aria-current={active ? 'page' : undefined} className="conversation">
        <span className="channel">{channelName(c.channel)}</span>
        <span className="when">{fmt.dateTime(c.lastMessageAt)}</span>
        <span className={person ? 'handler human' : 'handler'}>{person ? t.inbox.withPerson : t.inbox.withAssistant}</span>
        <span className="assignee">{c.assigneeId ? t.inboxWork.assignedTo(assignee) : t.inboxWork.unassigned}</span>
        {c.tags.length > 0 && <span className="tags">{c.tags.map((tag) => <span key={tag} className="tag">{tag}</span>)}</span>}
      </Link>
    </li>
  );
}
