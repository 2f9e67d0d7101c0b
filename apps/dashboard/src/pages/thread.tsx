import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link } from 'wouter';
import {
  useConversationAction, useNotes, useReplyWindow, useTeam, useThread, type ChatMessage, type Conversation, type ConversationNote,
} from '../api/conversations';
import { useCan } from '../api/permissions';
import { useI18n } from '../i18n/i18n';
import type { Formatters } from '../i18n/format';
import { isWithPerson } from '../inbox/filter';
import { interleave } from '../inbox/work';
import { ErrorText, Loading } from './notice';
import { NoteForm, NoteItem, WorkBar } from './thread-work';
import { TemplatePicker } from './thread-template';

/** One conversation: its messages with their delivery, take over / hand back, and the reply box. */
export function Thread({ id, conversation, fmt, channelName }: {
  id: string; conversation: Conversation | undefined; fmt: Formatters; channelName(c: string): string;
}) {
  const { t } = useI18n();
  const thread = useThread(id);
  const notes = useNotes(id);
  const replyWindow = useReplyWindow(id);
  const can = useCan();
  const canWrite = can('conversations.reply');
  const actions = useConversationAction(id);
  const person = conversation ? isWithPerson(conversation, Date.now()) : false;
  const failure = actions.takeOver.error ?? actions.handBack.error;

  return (
    <>
      <Link href="/inbox" className="back">{t.inbox.back}</Link>
      <div className="thread-head">
        <h2>{conversation ? channelName(conversation.channel) : ''}</h2>
        <p className="handler-now">
          {person ? `${t.inbox.withPerson} (${t.inbox.until(fmt.time(conversation!.humanUntil ?? Date.now()))})` : t.inbox.withAssistant}
        </p>
        {person
          ? <button type="button" className="secondary" onClick={() => actions.handBack.mutate()} disabled={actions.handBack.isPending}>{t.inbox.handBack}</button>
          : <button type="button" onClick={() => actions.takeOver.mutate()} disabled={actions.takeOver.isPending}>{t.inbox.takeOver}</button>}
      </div>
      {conversation && <WorkBar conversation={conversation} canWrite={canWrite} />}
      <ErrorText error={failure ?? thread.error ?? notes.error} />
      {thread.data ? <Messages items={thread.data} notes={notes.data ?? []} fmt={fmt} /> : <Loading />}
      {replyWindow.data?.closed ? <TemplatePicker id={id} window={replyWindow.data} fmt={fmt} canWrite={canWrite} />
        : person ? <ReplyBox onSend={(text, done) => actions.reply.mutate(text, { onSuccess: done })} pending={actions.reply.isPending} error={actions.reply.error} />
          : <p className="hint">{t.inbox.takeOverToReply}</p>}
      {canWrite && <NoteForm id={id} />}
    </>
  );
}

function Messages({ items, notes, fmt }: { items: ChatMessage[]; notes: ConversationNote[]; fmt: Formatters }) {
  const { t } = useI18n();
  const team = useTeam();
  const authorOf = (n: ConversationNote) => (n.authorId ? team.data?.find((m) => m.userId === n.authorId)?.name ?? t.inboxWork.someone : t.inboxWork.viaApi);
  if (items.length === 0 && notes.length === 0) return <p>{t.inbox.noMessages}</p>;
  return (
    <ol className="messages" aria-live="polite">
      {interleave(items, notes).map(({ kind, item }) => (kind === 'note' ? <NoteItem key={item.id} note={item} fmt={fmt} author={authorOf(item)} /> : (
        <MessageItem key={item.id} m={item} fmt={fmt} />
      )))}
    </ol>
  );
}

function MessageItem({ m, fmt }: { m: ChatMessage; fmt: Formatters }) {
  const { t } = useI18n();
  return (
    <li className={`message ${m.direction} by-${m.author}`}>
      <span className="meta">{t.inbox.authors[m.author]} · {fmt.time(m.createdAt)}</span>
      <span className="text">{m.text}</span>
      {m.delivery && (
        <span className={`delivery delivery-${m.delivery.status}`}>{t.inbox.delivery[m.delivery.status] ?? m.delivery.status}</span>
      )}
    </li>
  );
}

function ReplyBox({ onSend, pending, error }: { onSend(text: string, done: () => void): void; pending: boolean; error: unknown }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const send = () => {
    if (text.trim()) onSend(text.trim(), () => setText(''));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send();
  };
  const keys = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      send();
    }
  };
  return (
    <form className="reply" onSubmit={submit}>
      <label htmlFor="reply">{t.inbox.reply}</label>
      <textarea id="reply" rows={3} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={keys} aria-describedby="reply-help" />
      <p id="reply-help" className="hint">{t.inbox.replyHelp}</p>
      <ErrorText error={error} />
      <div className="actions"><button type="submit" disabled={pending}>{pending ? t.inbox.sending : t.inbox.send}</button></div>
    </form>
  );
}
