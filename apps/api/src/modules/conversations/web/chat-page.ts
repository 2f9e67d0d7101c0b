/** The public chat page for one business: plain HTML and a small script over the web-chat API. */

const labels: Record<string, { title: string; placeholder: string; send: string; offline: string }> = {
  pt: { title: 'Converse com', placeholder: 'Escreva sua mensagem…', send: 'Enviar', offline: 'Sem conexão. Tente de novo.' },
  es: { title: 'Chateá con', placeholder: 'Escribí tu mensaje…', send: 'Enviar', offline: 'Sin conexión. Probá de nuevo.' },
  en: { title: 'Chat with', placeholder: 'Type your message…', send: 'Send', offline: 'No connection. Please try again.' },
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function chatPage(tenant: { slug: string; name: string; locale: string }): string {
  const lang = tenant.locale.slice(0, 2);
  const t = labels[lang] ?? labels.en!;
  const config = JSON.stringify({ slug: tenant.slug, offline: t.offline }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="${escapeHtml(tenant.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)} ${escapeHtml(tenant.name)}</title>
<style>
  :root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2933; }
  body { margin: 0; background: #f3f5f7; display: flex; justify-content: center; }
  main { width: 100%; max-width: 560px; height: 100dvh; display: flex; flex-direction: column; background: #fff; }
  header { padding: 14px 16px; background: #0f766e; color: #fff; font-weight: 600; }
  #log { flex: 1; overflow-y: auto; padding: 16px; display: flex; flex-direction: column; gap: 8px; }
  .msg { max-width: 85%; padding: 10px 12px; border-radius: 14px; white-space: pre-wrap; line-height: 1.35; }
  .in { align-self: flex-end; background: #0f766e; color: #fff; border-bottom-right-radius: 4px; }
  .out { align-self: flex-start; background: #eef1f4; border-bottom-left-radius: 4px; }
  .options { display: flex; flex-wrap: wrap; gap: 6px; }
  .options button { border: 1px solid #0f766e; background: #fff; color: #0f766e; border-radius: 999px; padding: 8px 12px; font: inherit; cursor: pointer; }
  form { display: flex; gap: 8px; padding: 12px; border-top: 1px solid #e4e7eb; }
  input { flex: 1; font: inherit; padding: 10px 12px; border: 1px solid #cbd2d9; border-radius: 10px; }
  form button { font: inherit; padding: 10px 16px; border: 0; border-radius: 10px; background: #0f766e; color: #fff; }
  .error { color: #b91c1c; font-size: 0.9em; padding: 0 16px 8px; }
</style>
</head>
<body>
<main>
  <header>${escapeHtml(t.title)} ${escapeHtml(tenant.name)}</header>
  <div id="log" role="log" aria-live="polite"></div>
  <div id="error" class="error" hidden></div>
  <form id="form" autocomplete="off">
    <input id="text" name="text" maxlength="4000" placeholder="${escapeHtml(t.placeholder)}" aria-label="${escapeHtml(t.placeholder)}" required>
    <button type="submit">${escapeHtml(t.send)}</button>
  </form>
</main>
<script>
const CONFIG = ${config};
${clientScript}
</script>
</body>
</html>`;
}

// Runs in the browser: starts or resumes the conversation, sends messages, shows quick replies,
// and follows the conversation's event stream, so a reply from a person appears at once
// (polling only if the stream cannot be opened).
const clientScript = String.raw`
(() => {
  const base = '/v1/chat/' + encodeURIComponent(CONFIG.slug) + '/conversations';
  const key = 'frontdesk-chat-' + CONFIG.slug;
  const log = document.getElementById('log');
  const form = document.getElementById('form');
  const input = document.getElementById('text');
  const error = document.getElementById('error');
  // Storage can be refused (a third-party frame, private mode): then the chat lasts for the page.
  const store = {
    get() { try { return JSON.parse(sessionStorage.getItem(key) || 'null'); } catch { return null; } },
    set(value) { try { sessionStorage.setItem(key, JSON.stringify(value)); } catch { /* kept in memory only */ } },
  };
  let session = store.get();
  let lastSeq = 0;
  const seen = new Set();
  let polling;

  function show(text, direction, options) {
    const div = document.createElement('div');
    div.className = 'msg ' + direction;
    div.textContent = text;
    log.appendChild(div);
    if (options && options.length) {
      const row = document.createElement('div');
      row.className = 'options';
      for (const option of options) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = option.label;
        button.addEventListener('click', () => { row.remove(); send(option.label); });
        row.appendChild(button);
      }
      log.appendChild(row);
    }
    log.scrollTop = log.scrollHeight;
  }

  async function call(path, init) {
    const headers = init.body ? { 'content-type': 'application/json' } : {};
    if (session) headers.authorization = 'Bearer ' + session.token;
    const res = await fetch(base + path, { ...init, headers });
    if (!res.ok) throw new Error(res.status);
    return res.json();
  }

  async function history() {
    const { items } = await call('/' + session.conversationId + '/messages?after=' + lastSeq, { method: 'GET' });
    items.forEach(render);
  }

  function render(m) {
    if (seen.has(m.seq)) return;
    seen.add(m.seq);
    lastSeq = Math.max(lastSeq, m.seq);
    show(m.text, m.direction === 'in' ? 'in' : 'out', m.options);
  }

  function follow() {
    if (!window.EventSource) return poll();
    const url = base + '/' + session.conversationId + '/stream?after=' + lastSeq + '&token=' + encodeURIComponent(session.token);
    const events = new EventSource(url);
    events.addEventListener('message', (e) => render(JSON.parse(e.data)));
    events.addEventListener('error', () => { if (events.readyState === EventSource.CLOSED) poll(); });
  }

  function poll() {
    polling = polling || setInterval(() => { if (session) history().catch(() => undefined); }, 4000);
  }

  async function start() {
    if (session) { try { await history(); follow(); return; } catch { session = null; } }
    session = await call('', { method: 'POST' });
    store.set({ conversationId: session.conversationId, token: session.token });
    await history();
    follow();
  }

  async function send(text) {
    error.hidden = true;
    try {
      const id = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
      await call('/' + session.conversationId + '/messages', { method: 'POST', body: JSON.stringify({ text, clientMessageId: id }) });
      await history();
    } catch {
      input.value = text;
      error.textContent = CONFIG.offline;
      error.hidden = false;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    send(text);
  });

  start().catch(() => { error.textContent = CONFIG.offline; error.hidden = false; });
})();
`;
