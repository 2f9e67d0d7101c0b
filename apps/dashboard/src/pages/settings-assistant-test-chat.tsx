import { useState, type FormEvent } from 'react';
import { useTestChat, type TestChatTurn } from '../api/assistant';
import { useI18n } from '../i18n/i18n';
import { LANGS, type Lang } from '../assistant/profile';
import { ErrorText } from './notice';

type Line =
  | { who: 'customer'; text: string }
  | { who: 'assistant'; reply: TestChatTurn['replies'][number] }
  | { who: 'tools'; calls: TestChatTurn['toolCalls']; empty: boolean };

/** Staff write as a customer; each reply shows what it rests on, as the assistant recorded it. */
export function TestChat() {
  const { t, language } = useI18n();
  const w = t.settings.assistant.test;
  const { start, send } = useTestChat();
  const [lang, setLang] = useState<Lang>(language.startsWith('pt') ? 'pt' : language.startsWith('es') ? 'es' : 'en');
  const [conversationId, setConversationId] = useState<string>();
  const [lines, setLines] = useState<Line[]>([]);
  const [text, setText] = useState('');
  const replies = (turn: TestChatTurn): Line[] => turn.replies.map((reply) => ({ who: 'assistant', reply }));
  const begin = () => start.mutate(lang, { onSuccess: (turn) => { setConversationId(turn.conversationId); setLines(replies(turn)); send.reset(); } });
  const say = (words: string) => {
    if (!conversationId || !words.trim()) return;
    setLines((l) => [...l, { who: 'customer', text: words }]);
    setText('');
    send.mutate({ conversationId, text: words }, {
      onSuccess: (turn) => setLines((l) => [...l, ...replies(turn), { who: 'tools', calls: turn.toolCalls, empty: turn.replies.length === 0 }]),
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    say(text);
  };
  const lastOptions = [...lines].reverse().find((l) => l.who === 'assistant');
  return (
    <section className="card test-chat" aria-labelledby="test-chat-heading">
      <h2 id="test-chat-heading">{w.title}</h2>
      <p className="hint">{w.hint}</p>
      <p className="test-chat-warning" role="note">{w.warning}</p>
      <div className="field-row">
        <div>
          <label htmlFor="test-chat-language">{w.language}</label>
          <select id="test-chat-language" value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            {LANGS.map((l) => <option key={l} value={l}>{t.settings.assistant.langs[l]}</option>)}
          </select>
        </div>
        <button type="button" onClick={begin} disabled={start.isPending}>{conversationId ? w.restart : w.start}</button>
      </div>
      <ErrorText error={start.error} />
      {conversationId && (
        <>
          <ol className="test-chat-log" aria-live="polite">
            {lines.map((line, i) => <TranscriptLine key={i} line={line} />)}
          </ol>
          {lastOptions?.who === 'assistant' && lastOptions.reply.options && lastOptions.reply.options.length > 0 && (
            <div className="test-chat-options">
              {lastOptions.reply.options.map((o) => <button key={o.id} type="button" className="secondary" disabled={send.isPending} onClick={() => say(o.label)}>{o.label}</button>)}
            </div>
          )}
          <form onSubmit={submit} className="test-chat-form">
            <label htmlFor="test-chat-message">{w.message}</label>
            <div className="field-row">
              <input id="test-chat-message" value={text} maxLength={4000} onChange={(e) => setText(e.target.value)} autoComplete="off" />
              <button type="submit" disabled={send.isPending || !text.trim()}>{w.send}</button>
            </div>
            {send.isPending && <p className="hint" role="status">{w.sending}</p>}
            <ErrorText error={send.error} />
          </form>
        </>
      )}
    </section>
  );
}

function TranscriptLine({ line }: { line: Line }) {
  const { t } = useI18n();
  const w = t.settings.assistant.test;
  if (line.who === 'customer') return <li className="test-line customer"><span className="who">{w.you}</span><p>{line.text}</p></li>;
  if (line.who === 'tools') {
    if (line.empty) return <li className="test-line note"><p>{w.noReply}</p></li>;
    if (!line.calls.length) return null;
    return (
      <li className="test-line tools">
        <details>
          <summary>{w.toolsTitle(line.calls.length)}</summary>
          <ol>
            {line.calls.map((c, i) => (
              <li key={i}><code>{c.tool}</code>
                <dl><dt>{w.toolInput}</dt><dd><code>{c.input || '—'}</code></dd><dt>{w.toolOutput}</dt><dd><code>{c.output || '—'}</code></dd></dl>
              </li>
            ))}
          </ol>
        </details>
      </li>
    );
  }
  const { reply } = line;
  return (
    <li className="test-line assistant">
      <span className="who">{w.assistant}</span>
      <p className="test-reply">{reply.text}</p>
      <div className="test-sources">
        <span className="sources-title">{w.sourcesTitle}:</span>
        {reply.sources.length === 0 ? <span> {w.noSources}</span> : (
          <ul>
            {reply.sources.map((s, i) => (
              <li key={i} className="test-source" data-tool={s.tool}>
                {s.faq ? w.fromFaq(s.faq.question) : w.sourceNames[s.source] ?? s.source} <code>({s.tool})</code>
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
