/**
 * The embeddable widget: one script tag on any website,
 *   <script src="https://desk.example.com/chat/widget.js" data-tenant="kumon-vila-a" defer></script>
 * adds a chat button that opens the business's chat page in a frame.
 */
export const widgetScript = String.raw`(() => {
  const script = document.currentScript;
  const tenant = script && script.getAttribute('data-tenant');
  if (!tenant) { console.error('Frontdesk widget: add data-tenant="<business slug>" to the script tag'); return; }
  const origin = new URL(script.src).origin;
  const color = script.getAttribute('data-color') || '#0f766e';
  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-label', script.getAttribute('data-label') || 'Chat');
  button.dataset.frontdesk = 'open';
  // An inline icon: emoji fonts are not on every system.
  button.innerHTML = '<svg width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">'
    + '<path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z"/></svg>';
  Object.assign(button.style, {
    position: 'fixed', right: '20px', bottom: '20px', width: '56px', height: '56px', borderRadius: '50%', border: '0',
    background: color, color: '#fff', display: 'flex', alignItems: 'center', justifyContent: 'center', cursor: 'pointer', boxShadow: '0 4px 14px rgba(0,0,0,.25)', zIndex: '2147483000',
  });
  let frame = null;
  button.addEventListener('click', () => {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.src = origin + '/chat/' + encodeURIComponent(tenant);
      frame.title = 'Chat';
      frame.dataset.frontdesk = 'frame';
      const small = window.innerWidth < 480;
      Object.assign(frame.style, {
        position: 'fixed', right: small ? '0' : '20px', bottom: small ? '0' : '88px', width: small ? '100vw' : '380px',
        height: small ? 'calc(100vh - 88px)' : '600px', border: '0', borderRadius: small ? '0' : '12px',
        boxShadow: '0 8px 28px rgba(0,0,0,.25)', zIndex: '2147483000', background: '#fff',
      });
      document.body.appendChild(frame);
    } else {
      frame.hidden = !frame.hidden;
    }
  });
  document.body.appendChild(button);
})();
`;
