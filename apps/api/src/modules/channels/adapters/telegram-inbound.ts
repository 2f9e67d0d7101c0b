import type { InboundContent, InboundEvent } from '../domain/types';
import { WebhookParseError } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any -- a provider payload, read field by field here */

/** Telegram numbers messages per chat, so our ids for them carry the chat. */
export const telegramMessageId = (chatId: unknown, messageId: unknown) => `${String(chatId)}:${String(messageId)}`;

/** One Telegram Update (a webhook carries exactly one) as an inbound event; a tap has no time of its own, so it takes `receivedAt`. */
export function parseTelegramUpdate(update: any, receivedAt?: number): InboundEvent {
  if (!update || typeof update !== 'object' || typeof update.update_id !== 'number') {
    throw new WebhookParseError('not a Telegram Update (no update_id)');
  }
  if (update.message) return fromMessage(update.update_id, update.message);
  if (update.edited_message) return fromEdit(update.update_id, update.edited_message);
  if (update.callback_query) return fromCallback(update.update_id, update.callback_query, receivedAt);
  const kind = Object.keys(update).find((k) => k !== 'update_id') ?? 'empty';
  return ignored(update.update_id, `update ${kind}`);
}

function fromMessage(updateId: number, m: any): InboundEvent {
  const chat = chatOf(m);
  if (chat.type !== 'private') return ignored(updateId, `${chat.type} chat`);
  if (m.from?.is_bot) return ignored(updateId, 'a bot');
  const content = contentOf(m);
  if (!content) return ignored(updateId, 'message without text, place, contact or media');
  return { kind: 'message', providerMessageId: telegramMessageId(chat.id, m.message_id), from: String(chat.id),
    at: Number(m.date) * 1000, ...nameOf(m.from ?? m.chat), content };
}

/** An edited text (or caption) replaces what the customer said; other edits (a live location moving) say nothing new. */
function fromEdit(updateId: number, m: any): InboundEvent {
  const chat = chatOf(m);
  const text = typeof m.text === 'string' ? m.text : m.caption;
  if (chat.type !== 'private' || typeof text !== 'string') return ignored(updateId, 'edit without text');
  const edited = Number(m.edit_date ?? m.date);
  return { kind: 'message', providerMessageId: `${telegramMessageId(chat.id, m.message_id)}:edit:${edited}`, from: String(chat.id),
    at: edited * 1000, ...nameOf(m.from ?? m.chat), content: { type: 'edit', toMessageId: telegramMessageId(chat.id, m.message_id), text } };
}

/**
 * A tapped inline-keyboard button: its callback_data is our option id. Without the time we
 * received it, it takes the time of the message that offered it.
 */
function fromCallback(updateId: number, q: any, receivedAt: number | undefined): InboundEvent {
  if (typeof q.id !== 'string' || !q.from?.id) throw new WebhookParseError('a callback_query without id/from');
  if (typeof q.data !== 'string') return ignored(updateId, 'callback without data');
  const chatType = q.message?.chat?.type ?? 'private';
  if (chatType !== 'private') return ignored(updateId, `${chatType} chat`);
  const buttons: any[] = (q.message?.reply_markup?.inline_keyboard ?? []).flat();
  const title = buttons.find((b) => b?.callback_data === q.data)?.text;
  return { kind: 'message', providerMessageId: `callback:${q.id}`, from: String(q.message?.chat?.id ?? q.from.id),
    at: receivedAt ?? Number(q.message?.date ?? 0) * 1000, ...nameOf(q.from), content: { type: 'choice', id: q.data, title: String(title ?? '') } };
}

function contentOf(m: any): InboundContent | undefined {
  if (typeof m.text === 'string') return { type: 'text', text: startAsGreeting(m.text, m.from?.language_code) };
  const caption = typeof m.caption === 'string' ? { caption: m.caption } : {};
  if (m.venue?.location) return place(m.venue.location, { name: m.venue.title, address: m.venue.address });
  if (m.location) return place(m.location, {});
  if (m.contact) {
    const name = [m.contact.first_name, m.contact.last_name].filter(Boolean).join(' ');
    return { type: 'contacts', names: name ? [name] : [], phones: m.contact.phone_number ? [String(m.contact.phone_number)] : [] };
  }
  if (Array.isArray(m.photo) && m.photo.length) return { type: 'media', mediaType: 'image', ref: String(m.photo.at(-1).file_id), ...caption };
  const media = ([['voice', 'audio'], ['audio', 'audio'], ['video', 'video'], ['video_note', 'video'], ['sticker', 'sticker'],
    ['document', 'document']] as const).find(([field]) => m[field]?.file_id);
  if (!media) return undefined; // polls, dice, service messages…: stored raw, nothing to answer
  const file = m[media[0]];
  return { type: 'media', mediaType: media[1], ref: String(file.file_id), ...(file.mime_type ? { mimeType: String(file.mime_type) } : {}), ...caption };
}

const place = (l: any, named: { name?: string; address?: string }): InboundContent => ({
  type: 'location', latitude: Number(l.latitude), longitude: Number(l.longitude),
  ...(named.name ? { name: String(named.name) } : {}), ...(named.address ? { address: String(named.address) } : {}),
});

const GREETING = { pt: 'Olá', es: 'Hola', en: 'Hello' } as const;

/**
 * Opening a bot sends "/start" (a deep link adds an opaque payload): the customer is saying
 * hello, in the language their Telegram app uses. Other commands stay as they were written.
 */
function startAsGreeting(text: string, languageCode: unknown): string {
  if (!/^\/start(@\w+)?(\s|$)/.test(text.trim())) return text;
  const lang = String(languageCode ?? '').slice(0, 2);
  return lang === 'pt' || lang === 'es' ? GREETING[lang] : GREETING.en;
}

function chatOf(m: any): { id: string | number; type: string } {
  if (!m?.chat?.id || m.message_id === undefined || !m.date) throw new WebhookParseError('a message without chat/message_id/date');
  return { id: m.chat.id, type: String(m.chat.type ?? 'private') };
}

function nameOf(who: any): { name?: string } {
  const name = [who?.first_name, who?.last_name].filter(Boolean).join(' ');
  return name ? { name } : {};
}

const ignored = (updateId: number, reason: string): InboundEvent => ({ kind: 'ignored', providerEventId: `update:${updateId}`, reason });
