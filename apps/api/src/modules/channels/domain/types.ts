/** What every provider's webhook becomes, whatever its wire format. */
export type InboundEvent =
  | { kind: 'message'; providerMessageId: string; from: string; name?: string; at: number; content: InboundContent; thread?: MailThread }
  | { kind: 'status'; providerMessageId: string; status: DeliveryStatus; at: number; error?: ProviderError; ref?: string }
  | { kind: 'ignored'; providerEventId: string; reason: string };

export type InboundContent =
  | { type: 'text'; text: string }
  /** A tapped button or list row: its id (ours) and what it said. */
  | { type: 'choice'; id: string; title: string }
  | { type: 'location'; latitude: number; longitude: number; name?: string; address?: string }
  | { type: 'media'; mediaType: 'image' | 'audio' | 'video' | 'document' | 'sticker'; ref: string; mimeType?: string; caption?: string }
  | { type: 'contacts'; names: string[]; phones: string[] }
  | { type: 'reaction'; toMessageId: string; emoji: string }
  | { type: 'edit'; toMessageId: string; text: string }
  | { type: 'delete'; toMessageId: string };

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';
export interface ProviderError { code: string; title: string; detail?: string }

/** A reply as the assistant or a person wrote it; each adapter renders it for its channel. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The outbox id a provider echoed back (WhatsApp's callback data, Twilio's callback URL), if it is one. */
export const outboxRefOf = (value: string | null | undefined): string | undefined => (value && UUID.test(value) ? value : undefined);

export interface OutboundMessage {
  text: string;
  /** The customer's language, for the words a channel adds (a list's button, "reply with a number"). */
  lang?: 'pt' | 'es' | 'en';
  options?: { id: string; label: string }[];
  template?: { name: string; language: string; variables: string[] };
  /** Email: the customer's last message, so the reply stays in their thread. */
  thread?: MailThread;
  /** Our outbox id, for providers that echo it on their receipts (a send in doubt after a crash is settled by it). */
  ref?: string;
}

/** An email's subject and Message-ID, and the ids it answered (its References), for replying in thread. */
export interface MailThread { subject: string; messageId: string; references: string[] }

export type SendOutcome =
  | { ok: true; providerMessageId: string }
  | { ok: false; action: SendFailure; error: ProviderError; retryAfterMs?: number };

/**
 * What to do about a failed send: try again later (`retry`, honouring retryAfterMs), send an
 * approved template instead (the WhatsApp window is closed), stop for this handle
 * (`undeliverable`/`blocked`), or give up on this message (`fail`).
 */
export type SendFailure = 'retry' | 'template' | 'undeliverable' | 'blocked' | 'fail';

export interface WebhookRequest {
  method: string;
  /** The full public URL the provider called (Twilio signs it). */
  url: string;
  headers: Record<string, string | undefined>;
  query: Record<string, string | undefined>;
  rawBody: Buffer;
  /** When Frontdesk received it (its clock), for providers whose payloads carry no time (Twilio). */
  receivedAt?: number;
}
