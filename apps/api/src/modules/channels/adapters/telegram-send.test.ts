import { describe, expect, it } from 'vitest';
import { telegram } from './telegram';

const account = () => ({
  id: 'c1', tenantId: 't1', type: 'telegram' as const,
  config: { botToken: '123:abc', secretToken: 's', apiBaseUrl: 'http://telegram.test/' },
});

/** A fetch that records the request and answers like the Bot API. */
function capture(status = 200, answer: unknown = { ok: true, result: { message_id: 133, date: 1764072000, chat: { id: 4455667, type: 'private' } } }) {
  const calls: { url: string; body: Record<string, unknown> }[] = [];
  const http = (async (url: string, init: RequestInit) => {
    calls.push({ url, body: JSON.parse(String(init.body)) });
    return new Response(JSON.stringify(answer), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { calls, http };
}

describe('Telegram sends', () => {
  it('posts sendMessage to the bot, naming the message by chat and message_id', async () => {
    const { calls, http } = capture();
    expect(await telegram.send(account(), '4455667', { text: 'We open at 8.' }, http)).toEqual({ ok: true, providerMessageId: '4455667:133' });
    expect(calls).toEqual([{ url: 'http://telegram.test/bot123:abc/sendMessage', body: { chat_id: '4455667', text: 'We open at 8.' } }]);
  });

  it('offers options as an inline keyboard, one button a row, labels cut to 64 bytes', async () => {
    const { calls, http } = capture();
    const long = 'Friday 27 November — Luton van + 2 crew (half day), 09:00 to 13:00';
    await telegram.send(account(), '4455667', { text: 'Which time?', lang: 'en', options: [{ id: 'slot-1', label: 'Fri 27 Nov, 09:00' }, { id: 'slot-2', label: long }] }, http);
    const keyboard = (calls[0]!.body.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard;
    expect(calls[0]!.body.text).toBe('Which time?');
    expect(keyboard).toHaveLength(2);
    expect(keyboard[0]).toEqual([{ text: 'Fri 27 Nov, 09:00', callback_data: 'slot-1' }]);
    expect(keyboard[1]![0]!.callback_data).toBe('slot-2');
    expect(Buffer.byteLength(keyboard[1]![0]!.text)).toBeLessThanOrEqual(64);
    expect(keyboard[1]![0]!.text).toMatch(/^Friday 27 November — Luton van.*…$/);
  });

  it('falls back to a numbered menu when an option id would not fit callback_data', async () => {
    const { calls, http } = capture();
    await telegram.send(account(), '4455667', { text: 'Which one?', lang: 'en', options: [{ id: 'x'.repeat(65), label: 'That one' }] }, http);
    expect(calls[0]!.body).toEqual({ chat_id: '4455667', text: 'Which one?\n\n1. That one\n\nReply with the number of your choice.' });
  });

  it("maps the Bot API's errors to what to do next", async () => {
    const send = (status: number, answer: unknown) => telegram.send(account(), '4455667', { text: 'x' }, capture(status, answer).http);
    expect(await send(429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 30', parameters: { retry_after: 30 } }))
      .toEqual({ ok: false, action: 'retry', retryAfterMs: 30_000, error: { code: '429', title: 'Too Many Requests: retry after 30' } });
    expect(await send(403, { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' }))
      .toMatchObject({ ok: false, action: 'blocked', error: { code: '403', title: 'Forbidden: bot was blocked by the user' } });
    expect(await send(403, { ok: false, error_code: 403, description: 'Forbidden: user is deactivated' })).toMatchObject({ action: 'undeliverable' });
    expect(await send(400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' })).toMatchObject({ action: 'undeliverable' });
    expect(await send(400, { ok: false, error_code: 400, description: 'Bad Request' })).toMatchObject({ action: 'fail', error: { code: '400' } });
    expect(await send(401, { ok: false, error_code: 401, description: 'Unauthorized' })).toMatchObject({ action: 'fail' });
    expect(await send(502, { ok: false, error_code: 502, description: 'Bad Gateway' })).toMatchObject({ action: 'retry' });
    const offline = (async () => { throw new TypeError('fetch failed'); }) as unknown as typeof fetch;
    expect(await telegram.send(account(), '1', { text: 'x' }, offline)).toMatchObject({ ok: false, action: 'retry', error: { code: 'network' } });
  });
});
