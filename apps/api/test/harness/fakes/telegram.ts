import { startFakeHttp } from './http-server';

export interface TelegramSend { chat_id: string | number; text: string; reply_markup?: { inline_keyboard?: { text: string; callback_data: string }[][] } }
type Scripted = { status: number; body: unknown };

/** The Bot API's failures, in its own envelope: `{ ok: false, error_code, description, parameters? }`. */
export const telegramErrors = {
  flood: (retryAfter: number): Scripted => ({ status: 429, body: { ok: false, error_code: 429,
    description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } } }),
  blocked: (): Scripted => ({ status: 403, body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } }),
  chatNotFound: (): Scripted => ({ status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' } }),
  down: (): Scripted => ({ status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } }),
};

/**
 * A local stand-in for the Telegram Bot API (POST /bot{token}/sendMessage, JSON body): answers
 * like Telegram (`{ ok: true, result: Message }`, or its error envelope), records what it got,
 * and can be told to fail the next sends.
 */
export async function startFakeTelegram(botToken: string) {
  const sent: TelegramSend[] = [];
  const script: Scripted[] = [];
  let nextMessageId = 500;
  const { port, close } = await startFakeHttp((req, send) => {
    const { raw } = req;
    const reply = ({ status, body }: Scripted) => send(status, body);
    const [, token, method] = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '') ?? [];
    if (token !== botToken) return reply({ status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } });
    if (req.method !== 'POST' || method !== 'sendMessage') return reply({ status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } });
    const body = JSON.parse(raw) as TelegramSend;
    if (!body.chat_id || !body.text) return reply({ status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: message text is empty' } });
    sent.push(body);
    const next = script.shift();
    if (next) return reply(next);
    reply({ status: 200, body: { ok: true, result: {
      message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), text: body.text,
      from: { id: 7000000001, is_bot: true, first_name: 'Frontdesk', username: 'frontdesk_test_bot' },
      chat: { id: Number(body.chat_id), type: 'private' }, ...(body.reply_markup ? { reply_markup: body.reply_markup } : {}),
    } } });
  });
  return {
    apiBaseUrl: `http://127.0.0.1:${port}`,
    sent,
    /** The next sends get this answer instead of going through. */
    failNext(times: number, answer: Scripted) {
      for (let i = 0; i < times; i++) script.push(answer);
    },
    close,
  };
}

/** A webhook Update carrying one private-chat text message, in the Bot API's wire shape. */
export function telegramText(input: { updateId: number; chatId: number; text: string; at: number; messageId: number; firstName?: string }) {
  const user = { id: input.chatId, is_bot: false, first_name: input.firstName ?? 'Alex', language_code: 'en' };
  return { update_id: input.updateId, message: {
    message_id: input.messageId, from: user, chat: { id: input.chatId, first_name: user.first_name, type: 'private' },
    date: Math.floor(input.at / 1000), text: input.text,
  } };
}
