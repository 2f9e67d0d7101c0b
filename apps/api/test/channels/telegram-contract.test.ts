import { createHash } from 'node:crypto';
import { channelContract } from './contract';
import { startFakeTelegram, telegramErrors, telegramText } from '../harness/fakes/telegram';

const BOT_TOKEN = '123456789:contract-bot-token';
const SECRET_TOKEN = 'contract-secret_token-1';

/** Telegram's ids are integers: the contract's message id becomes a stable one (a redelivery is the same Update). */
const numberFor = (id: string) => parseInt(createHash('sha256').update(id).digest('hex').slice(0, 8), 16);

channelContract({
  type: 'telegram', blueprint: 'speedy-van', handle: '700100200',
  bookingRequest: "Hi, I'd like to book a small van on Friday morning",
  async start() {
    const fake = await startFakeTelegram(BOT_TOKEN);
    return {
      config: { botToken: BOT_TOKEN, secretToken: SECRET_TOKEN, apiBaseUrl: fake.apiBaseUrl },
      fake: {
        sent: () => fake.sent.map((m) => ({
          to: String(m.chat_id), text: m.text,
          options: (m.reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text),
        })),
        failNext: (kind, times) => fake.failNext(times, kind === 'rate_limit' ? telegramErrors.flood(1) : telegramErrors.blocked()),
        close: fake.close,
      },
    };
  },
  inbound: ({ from, text, id, at }) => {
    const payload = JSON.stringify(telegramText({ updateId: numberFor(id), chatId: Number(from), text, at, messageId: numberFor(id) % 100_000 }));
    return { payload, headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET_TOKEN } };
  },
  forged: (call) => ({ ...call, headers: { ...call.headers, 'x-telegram-bot-api-secret-token': 'not-the-secret' } }),
});
