import type { OutboundMessage, SendFailure, SendOutcome } from '../domain/types';
import { numberedMenu } from '../domain/render';
import { failure, isOutcome, postJson } from './http';

/** Meta's quick-reply limits: at most 13, titles of at most 20 characters. */
const MAX_QUICK_REPLIES = 13;
const MAX_TITLE = 20;

interface GraphError { code?: number; error_subcode?: number; message?: string; error_user_msg?: string }

/**
 * One reply through the Send API (Messenger and Instagram share it): POST {recipient, message}
 * with the token as a Bearer header, so it never sits in a URL that might be logged.
 */
export async function sendMessengerPlatform(
  url: string, accessToken: string, to: string, message: OutboundMessage, http: typeof fetch, fitText: (text: string) => string,
): Promise<SendOutcome> {
  if (message.template) {
    return failure('fail', { code: 'template_unsupported', title: 'Messenger and Instagram have no approved templates to send' });
  }
  const res = await postJson(http, url,
    { recipient: { id: to }, messaging_type: 'RESPONSE', message: render(message, fitText) },
    { authorization: `Bearer ${accessToken}` });
  if (isOutcome(res)) return res;
  const json = res.json as { message_id?: string; error?: GraphError } | undefined;
  if (res.status < 300 && json?.message_id) return { ok: true, providerMessageId: json.message_id };
  const error = json?.error;
  const problem = {
    code: error?.code === undefined ? String(res.status) : [error.code, error.error_subcode].filter((x) => x !== undefined).join('/'),
    title: error?.message ?? `HTTP ${res.status}`,
    ...(error?.error_user_msg ? { detail: error.error_user_msg } : {}),
  };
  if (res.status >= 500 || res.status === 429) return failure('retry', problem);
  return failure(error?.code !== undefined ? actionFor(error.code, error.error_subcode) : 'fail', problem);
}

/**
 * Meta's error codes that change what we do next (the Messenger Platform's error reference;
 * Instagram answers with the same envelope).
 */
export function actionFor(code: number, subcode?: number): SendFailure {
  if (subcode === 2018278 || subcode === 2534022) return 'template';     // outside the 24-hour window (Messenger, Instagram)
  if ([4, 32, 613].includes(code)) return 'retry';                       // app, page and call-rate limits
  if (code === 1 || code === 2) return 'retry';                          // Meta's "unexpected error, retry later"
  if (code === 551 || (code === 100 && subcode === 2018001)) return 'undeliverable'; // person unavailable, no matching user
  if (code === 200 || code === 230) return 'blocked';                    // the person or the page's permissions block us
  return 'fail';                                                         // 190 token, 100 bad parameter, …
}

/**
 * Text with quick replies when every option fits one; otherwise the numbered menu (which the
 * assistant understands typed) with a quick reply per number, so a tap still names the option.
 */
function render(message: OutboundMessage, fitText: (text: string) => string): Record<string, unknown> {
  const options = (message.options ?? []).slice(0, MAX_QUICK_REPLIES);
  if (!options.length) return { text: fitText(message.text) };
  const fits = options.length === message.options!.length && options.every((o) => [...o.label].length <= MAX_TITLE);
  return {
    text: fitText(fits ? message.text : numberedMenu(message)),
    quick_replies: options.map((o, i) => ({ content_type: 'text', title: fits ? o.label : String(i + 1), payload: o.id })),
  };
}

/** Cuts text to a byte limit (Instagram counts UTF-8 bytes), on a character boundary, marking the cut. */
export function fitBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let kept = '';
  let used = Buffer.byteLength('…');
  for (const c of text) {
    used += Buffer.byteLength(c);
    if (used > maxBytes) break;
    kept += c;
  }
  return `${kept.trimEnd()}…`;
}
