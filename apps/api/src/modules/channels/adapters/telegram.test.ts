import { describe, expect, it } from 'vitest';
import { telegram } from './telegram';
import { WebhookParseError } from './types';

// Our own Updates in the Bot API's wire shape: the shared Telegram samples (Telegram's docs,
// AGPL courier tests) are not ours to copy (test/fixtures/telegram/ATTRIBUTION.md).
const account = () => ({
  id: 'c1', tenantId: 't1', type: 'telegram' as const,
  config: { botToken: '123:abc', secretToken: 'the-secret_1', apiBaseUrl: 'http://telegram.test' },
});
const request = (body: string, headers: Record<string, string> = {}) =>
  ({ method: 'POST', url: 'https://desk.example/v1/webhooks/c1', headers, query: {}, rawBody: Buffer.from(body) });
const parse = (update: unknown) => telegram.parse(request(JSON.stringify(update)), account());

const user = { id: 4455667, is_bot: false, first_name: 'Sam', last_name: 'Carter', language_code: 'en' };
const chat = { id: 4455667, first_name: 'Sam', last_name: 'Carter', type: 'private' };
const message = (fields: Record<string, unknown>, id = 210) =>
  ({ update_id: 88001, message: { message_id: id, from: user, chat, date: 1764072000, ...fields } });

describe('Telegram webhooks', () => {
  it('accepts the secret token Telegram was given in setWebhook, and nothing else', () => {
    const body = JSON.stringify(message({ text: 'hi' }));
    expect(telegram.verify(request(body, { 'x-telegram-bot-api-secret-token': 'the-secret_1' }), account())).toEqual({ ok: true });
    expect(telegram.verify(request(body, { 'x-telegram-bot-api-secret-token': 'the-secret_2' }), account())).toMatchObject({ ok: false, status: 401 });
    expect(telegram.verify(request(body, { 'x-telegram-bot-api-secret-token': 'the-secret_1 ' }), account()).ok).toBe(false);
    expect(telegram.verify(request(body), account())).toMatchObject({ ok: false, status: 401, reason: 'missing X-Telegram-Bot-Api-Secret-Token' });
  });

  it('reads a private text with the chat id as the handle, numbering messages per chat', () => {
    expect(parse(message({ text: 'Can I book a van for Saturday?' }))).toEqual([{ kind: 'message', providerMessageId: '4455667:210',
      from: '4455667', name: 'Sam Carter', at: 1764072000000, content: { type: 'text', text: 'Can I book a van for Saturday?' } }]);
    const reply = message({ text: 'That one', reply_to_message: { message_id: 200, from: user, chat, date: 1764071000, text: 'Which day?' } });
    expect(parse(reply)[0]).toMatchObject({ content: { type: 'text', text: 'That one' } });
  });

  it('reads "/start" (opening the bot, with or without a deep-link payload) as hello in the app\'s language', () => {
    expect(parse(message({ text: '/start' }))[0]).toMatchObject({ content: { type: 'text', text: 'Hello' } });
    expect(parse(message({ text: '/start promo-42', from: { ...user, language_code: 'pt-br' } }))[0]).toMatchObject({ content: { text: 'Olá' } });
    expect(parse(message({ text: '/help' }))[0]).toMatchObject({ content: { text: '/help' } });
  });

  it('reads an edit as a new text for the message it changes', () => {
    const edit = { update_id: 88002, edited_message: { message_id: 210, from: user, chat, date: 1764072000, edit_date: 1764072100, text: 'Sunday, not Saturday' } };
    expect(parse(edit)).toEqual([{ kind: 'message', providerMessageId: '4455667:210:edit:1764072100', from: '4455667', name: 'Sam Carter',
      at: 1764072100000, content: { type: 'edit', toMessageId: '4455667:210', text: 'Sunday, not Saturday' } }]);
    const liveLocation = { update_id: 88003, edited_message: { message_id: 211, from: user, chat, date: 1764072000, edit_date: 1764072200, location: { latitude: 51.5, longitude: -0.1 } } };
    expect(parse(liveLocation)).toEqual([{ kind: 'ignored', providerEventId: 'update:88003', reason: 'edit without text' }]);
  });

  it('reads a tapped inline button as the option whose id is its callback_data', () => {
    const keyboard = { inline_keyboard: [[{ text: 'Fri 27 Nov, 09:00', callback_data: 'slot-2' }], [{ text: 'Fri 27 Nov, 10:00', callback_data: 'slot-3' }]] };
    const tap = { update_id: 88004, callback_query: { id: '4382bfdwdsb323b2d9', from: user, chat_instance: '-77', data: 'slot-2',
      message: { message_id: 212, from: { id: 1, is_bot: true, first_name: 'Desk' }, chat, date: 1764072300, text: 'Which time?', reply_markup: keyboard } } };
    expect(parse(tap)).toEqual([{ kind: 'message', providerMessageId: 'callback:4382bfdwdsb323b2d9', from: '4455667', name: 'Sam Carter',
      at: 1764072300000, content: { type: 'choice', id: 'slot-2', title: 'Fri 27 Nov, 09:00' } }]);
    const received = telegram.parse({ ...request(JSON.stringify(tap)), receivedAt: 1764072345000 }, account());
    expect(received[0]).toMatchObject({ at: 1764072345000 }); // the tap's own moment, when we know it
    const inline = { update_id: 88005, callback_query: { id: 'q2', from: user, inline_message_id: '1234csdbsk4839', data: 'slot-1' } };
    expect(parse(inline)[0]).toMatchObject({ from: '4455667', content: { type: 'choice', id: 'slot-1', title: '' } });
  });

  it('reads places, shared contacts and media by file_id (the largest photo), with captions', () => {
    expect(parse(message({ location: { latitude: -2.890287, longitude: -79.004333 } }))[0])
      .toMatchObject({ content: { type: 'location', latitude: -2.890287, longitude: -79.004333 } });
    expect(parse(message({ location: { latitude: 51.5, longitude: -0.12 }, venue: { location: { latitude: 51.5, longitude: -0.12 }, title: 'Depot', address: '1 High St' } }))[0])
      .toMatchObject({ content: { type: 'location', name: 'Depot', address: '1 High St' } });
    expect(parse(message({ contact: { phone_number: '+447700900123', first_name: 'Jo', last_name: 'Bloggs' } }))[0])
      .toMatchObject({ content: { type: 'contacts', names: ['Jo Bloggs'], phones: ['+447700900123'] } });
    const photo = [{ file_id: 'small-id', width: 90, height: 51 }, { file_id: 'large-id', width: 1280, height: 720 }];
    expect(parse(message({ photo, caption: 'the sofa' }))[0]).toMatchObject({ content: { type: 'media', mediaType: 'image', ref: 'large-id', caption: 'the sofa' } });
    expect(parse(message({ document: { file_id: 'doc-id', file_name: 'list.pdf', mime_type: 'application/pdf' } }))[0])
      .toMatchObject({ content: { type: 'media', mediaType: 'document', ref: 'doc-id', mimeType: 'application/pdf' } });
    expect(parse(message({ voice: { file_id: 'voice-id', duration: 5, mime_type: 'audio/ogg' } }))[0])
      .toMatchObject({ content: { type: 'media', mediaType: 'audio', ref: 'voice-id', mimeType: 'audio/ogg' } });
  });

  it('ignores groups, other update kinds and messages with nothing to read, and refuses what Telegram does not send', () => {
    expect(parse({ ...message({ text: 'hi all' }), message: { ...message({ text: 'hi all' }).message, chat: { id: -100123, title: 'Movers', type: 'supergroup' } } }))
      .toEqual([{ kind: 'ignored', providerEventId: 'update:88001', reason: 'supergroup chat' }]);
    expect(parse({ update_id: 88006, my_chat_member: { chat, from: user, date: 1764072000 } })).toEqual([{ kind: 'ignored', providerEventId: 'update:88006', reason: 'update my_chat_member' }]);
    expect(parse(message({ dice: { emoji: '🎲', value: 4 } }))[0]).toMatchObject({ kind: 'ignored' });
    expect(() => telegram.parse(request('not json'), account())).toThrow(WebhookParseError);
    expect(() => parse({ message: { text: 'no update id' } })).toThrow(/update_id/);
    expect(() => parse({ update_id: 1, message: { text: 'no chat' } })).toThrow(/chat/);
  });
});
