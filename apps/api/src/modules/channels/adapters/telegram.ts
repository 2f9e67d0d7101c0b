import type { OutboundMessage, ProviderError, SendOutcome } from '../domain/types';
import { fit, numberedMenu } from '../domain/render';
import { failure, isOutcome, postJson, sameText } from './http';
import { WebhookParseError, type ChannelAdapter } from './types';
import { parseTelegramUpdate, telegramMessageId } from './telegram-inbound';

interface Config { botToken: string; secretToken: string; apiBaseUrl: string }

interface BotApiAnswer {
  ok?: boolean;
  result?: { message_id?: number };
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

const TEXT_LIMIT = 4096;
const BUTTON_BYTES = 64; // callback_data is 1-64 bytes; labels are kept to the same

/** Telegram Bot API: a secret-token header on webhooks, sendMessage with an inline keyboard out. No 24-hour window. */
export const telegram: ChannelAdapter<Config> = {
  type: 'telegram',
  // Telegram allows about 30 messages a second per bot (and 1 a second per chat): keep under it.
  ratePerSecond: 25,
  handleIsPhone: false,

  verify(req, account) {
    const given = req.headers['x-telegram-bot-api-secret-token'];
    if (!given) return { ok: false, status: 401, reason: 'missing X-Telegram-Bot-Api-Secret-Token' };
    return sameText(given, account.config.secretToken) ? { ok: true } : { ok: false, status: 401, reason: 'bad X-Telegram-Bot-Api-Secret-Token' };
  },

  parse(req) {
    let update: unknown;
    try { update = JSON.parse(req.rawBody.toString('utf8')); } catch { throw new WebhookParseError('the body is not JSON'); }
    return [parseTelegramUpdate(update, req.receivedAt)];
  },

  async send(account, to, message, http) {
    const { apiBaseUrl, botToken } = account.config;
    const res = await postJson(http, `${apiBaseUrl.replace(/\/$/, '')}/bot${botToken}/sendMessage`, { chat_id: to, ...rendered(message) }, {});
    if (isOutcome(res)) return res;
    const answer = (res.json ?? {}) as BotApiAnswer;
    if (res.status < 300 && answer.ok && answer.result?.message_id !== undefined) {
      return { ok: true, providerMessageId: telegramMessageId(to, answer.result.message_id) };
    }
    return failed(res.status, answer);
  },
};

/** Options as an inline keyboard, one button a row; a numbered menu when an id would not fit callback_data. */
function rendered(message: OutboundMessage): Record<string, unknown> {
  const options = message.options ?? [];
  const keyboard = options.length > 0 && options.length <= 100 && options.every((o) => Buffer.byteLength(o.id) <= BUTTON_BYTES);
  if (!keyboard) return { text: fit(numberedMenu(message), TEXT_LIMIT) };
  return {
    text: fit(message.text, TEXT_LIMIT),
    reply_markup: { inline_keyboard: options.map((o) => [{ text: fitBytes(o.label, BUTTON_BYTES), callback_data: o.id }]) },
  };
}

/** The Bot API's error (`ok: false`, error_code, description, parameters) as what to do next. */
function failed(status: number, answer: BotApiAnswer): SendOutcome {
  const description = answer.description ?? `HTTP ${status}`;
  const error: ProviderError = { code: String(answer.error_code ?? status), title: description };
  if (status === 429) {
    const seconds = answer.parameters?.retry_after;
    return failure('retry', error, typeof seconds === 'number' ? seconds * 1000 : undefined);
  }
  if (status >= 500) return failure('retry', error);
  if (status === 403 && /blocked by the user|kicked/i.test(description)) return failure('blocked', error);
  if (status === 403 && /deactivated|can't initiate conversation/i.test(description)) return failure('undeliverable', error);
  if (status === 400 && /chat not found|user not found/i.test(description)) return failure('undeliverable', error);
  return failure('fail', error);
}

/** Cuts a text to a number of UTF-8 bytes, marking the cut. */
function fitBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let kept = '';
  for (const char of text) {
    if (Buffer.byteLength(`${kept}${char}…`) > max) break;
    kept += char;
  }
  return `${kept.trimEnd()}…`;
}
