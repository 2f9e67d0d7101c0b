import { useEffect, useId, useState, type FormEvent } from 'react';
import { useConversationAction, useTeam, type Conversation, type ConversationNote } from '../api/conversations';
import { useSession } from '../api/session';
import { useI18n } from '../i18n/i18n';
import type { Formatters } from '../i18n/format';
import { parseTags } from '../inbox/work';
import { ErrorText } from './notice';

/** Who has the conversation and its tags; changeable by those who may reply. */
export function WorkBar({ conversation, canWrite }: { conversation: Conversation; canWrite: boolean }) {
  const { t } = useI18n();
  const w = t.inboxWork;
  const team = useTeam();
  const me = useSession().data?.user.id;
  const actions = useConversationAction(conversation.id);
  const assigneeId = useId();
  const tagsId = useId();
  const [tags, setTags] = useState(conversation.tags.join(', '));
  useEffect(() => setTags(conversation.tags.join(', ')), [conversation.tags]);
  const members = team.data ?? [];
  const nameOf = (id: string) => members.find((m) => m.userId === id)?.name ?? '';
  const saveTags = (e: FormEvent) => {
    e.preventDefault();
    actions.tag.mutate(parseTags(tags));
  };

  if (!canWrite) {
    return (
      <p className="work-bar">
        {conversation.assigneeId ? w.assignedTo(nameOf(conversation.assigneeId)) : w.unassigned} · {conversation.tags.join(', ') || w.noTags}
      </p>
    );
  }
  return (
    <div className="work-bar">
      <label htmlFor={assigneeId}>{w.assignee}</label>
      <select id={assigneeId} value={conversation.assigneeId ?? ''} disabled={actions.assign.isPending}
        onChange={(e) => actions.assign.mutate(e.target.value || null)}>
        <option value="">{w.nobody}</option>
        {members.map((m) => <option key={m.userId} value={m.userId}>{m.userId === me ? w.me(m.name) : m.name}</option>)}
      </select>
      <form className="tags-form" onSubmit={saveTags}>
        <label htmlFor={tagsId}>{w.tags}</label>
        <input id={tagsId} value={tags} maxLength={400} onChange={(e) => setTags(e.target.value)} aria-describedby={`${tagsId}-help`} />
        <button type="submit" className="secondary" disabled={actions.tag.isPending}>{w.saveTags}</button>
        <p id={`${tagsId}-help`} className="hint">{w.tagsHelp}</p>
      </form>
      <ErrorText error={actions.assign.error ?? actions.tag.error} />
    </div>
  );
}

/** A private note in the thread: staff only, marked as such. */
export function NoteItem({ note, fmt, author }: { note: ConversationNote; fmt: Formatters; author: string }) {
  const { t } = useI18n();
  return (
    <li className="note">
      <span className="meta">{t.inboxWork.noteBy(author, fmt.time(note.createdAt))}</span>
      <span className="text">{note.text}</span>
    </li>
  );
}

export function NoteForm({ id }: { id: string }) {
  const { t } = useI18n();
  const w = t.inboxWork;
  const actions = useConversationAction(id);
  const noteId = useId();
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) actions.note.mutate(text.trim(), { onSuccess: () => setText('') });
  };
  return (
    <form className="note-form" onSubmit={submit}>
      <label htmlFor={noteId}>{w.notes}</label>
      <textarea id={noteId} rows={2} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${noteId}-help`} />
      <p id={`${noteId}-help`} className="hint">{w.noteHelp}</p>
      <ErrorText error={actions.note.error} />
      <div className="actions"><button type="submit" className="secondary" disabled={actions.note.isPending}>{w.addNote}</button></div>
    </form>
  );
}
