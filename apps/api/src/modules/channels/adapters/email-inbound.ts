import addressparser from 'nodemailer/lib/addressparser';
import { z } from 'zod';
import type { InboundContent, InboundEvent } from '../domain/types';
import { htmlAsText, newText } from './email-text';
import { WebhookParseError } from './types';

const oneOrMany = z.union([z.string(), z.array(z.string())]);

/**
 * A parsed mail as an inbound-parse webhook posts it (Mailgun, SendGrid, Postmark or a small
 * forwarder, mapped to these provider-neutral names).
 */
export const ParsedMail = z.object({
  from: z.string().min(3).max(998),
  to: oneOrMany,
  subject: z.string().max(998).default(''),
  text: z.string().default(''),
  html: z.string().optional(),
  messageId: z.string().trim().min(3).max(998),
  inReplyTo: z.string().max(998).optional(),
  references: oneOrMany.optional(),
  date: z.string().max(200).optional(),
  autoSubmitted: z.string().max(200).optional(),
  headers: z.record(z.string(), oneOrMany).optional(),
  attachments: z.array(z.object({
    filename: z.string().max(500).optional(), contentType: z.string().max(200), url: z.string().max(2000).optional(),
  })).max(100).default([]),
});
export type ParsedMail = z.infer<typeof ParsedMail>;

export interface Mailbox { address: string; name?: string }

/** "Ana Smith <Ana@Example.com>" → ana@example.com and Ana Smith; undefined when there is no address. */
export function mailbox(field: string): Mailbox | undefined {
  const [first] = addressparser(field, { flatten: true });
  const address = first?.address.trim().toLowerCase();
  if (!address || !/^[^\s@]+@[^\s@]+$/.test(address)) return undefined;
  const name = first!.name.trim();
  return { address, ...(name && name.toLowerCase() !== address ? { name } : {}) };
}

/** One mail as events: what the customer newly wrote, then each attachment the provider stored. */
export function mailEvents(body: unknown, ownAddress: string | undefined, receivedAt: number): InboundEvent[] {
  const parsed = ParsedMail.safeParse(body);
  if (!parsed.success) {
    throw new WebhookParseError(`not a parsed mail (${parsed.error.issues.map((i) => i.path.join('.') || 'body').join(', ')})`);
  }
  const mail = parsed.data;
  const sender = mailbox(mail.from);
  if (!sender) throw new WebhookParseError('from has no address');
  const ignored = (reason: string): InboundEvent[] => [{ kind: 'ignored', providerEventId: mail.messageId, reason }];
  if (isAutomatic(mail, sender.address)) return ignored('bounce or auto-reply');
  if (sender.address === ownAddress) return ignored('our own send');

  const at = mail.date && !Number.isNaN(Date.parse(mail.date)) ? Date.parse(mail.date) : receivedAt;
  const base = { kind: 'message' as const, from: sender.address, at, ...(sender.name ? { name: sender.name } : {}) };
  const text = whatIsNew(mail);
  const events: InboundEvent[] = text
    ? [{ ...base, providerMessageId: mail.messageId, content: { type: 'text', text }, thread: threadOf(mail) }]
    : [];
  mail.attachments.forEach((file, i) => {
    if (file.url) events.push({ ...base, providerMessageId: `${mail.messageId}#${i + 1}`, content: media(file.url, file.contentType) });
  });
  return events.length ? events : ignored('nothing new in the mail');
}

/** The new plain text; an HTML-only mail is read as text; a mail with an empty body says it in its subject. */
function whatIsNew(mail: ParsedMail): string {
  const text = newText(mail.text.trim() ? mail.text : htmlAsText(mail.html ?? ''));
  return text || mail.subject.replace(/^((re|fwd?|enc|rv)\s*:\s*)+/i, '').trim();
}

/** The customer's subject and Message-ID, so the reply lands in their thread. */
function threadOf(mail: ParsedMail) {
  const earlier = [mail.references ?? []].flat().flatMap((r) => r.split(/\s+/)).filter(Boolean);
  return { subject: mail.subject, messageId: mail.messageId, references: [...earlier, mail.messageId].slice(-20) };
}

function media(url: string, contentType: string): InboundContent {
  const kind = contentType.split('/')[0]!.toLowerCase();
  const mediaType = kind === 'image' || kind === 'audio' || kind === 'video' ? kind : 'document';
  return { type: 'media', mediaType, ref: url, mimeType: contentType };
}

/**
 * Bounces and auto-replies (RFC 3834's Auto-Submitted, the older Precedence and X-Autoreply
 * markers, the mailer daemon): answering them would start a loop between two robots.
 */
function isAutomatic(mail: ParsedMail, sender: string): boolean {
  const header = (name: string) => {
    const found = Object.entries(mail.headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];
    return [found ?? []].flat().join(' ').trim().toLowerCase();
  };
  const autoSubmitted = (mail.autoSubmitted ?? header('auto-submitted')).trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return true;
  if (['bulk', 'junk', 'auto_reply', 'list'].includes(header('precedence'))) return true;
  if (header('x-autoreply') || header('x-autorespond')) return true;
  return /^(mailer-daemon|postmaster)@/.test(sender);
}
