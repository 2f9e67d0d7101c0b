import type { ChannelType } from '@frontdesk/contracts';
import type { InboundEvent, OutboundMessage, SendOutcome, WebhookRequest } from '../domain/types';

export interface ChannelAccount<C = Record<string, unknown>> {
  id: string;
  tenantId: string;
  type: ChannelType;
  /** The whole config, secrets included (opened for this use only). */
  config: C;
  /** Where the provider delivers this channel's webhooks (Twilio is told per send where to report delivery). */
  webhookUrl?: string;
}

export type Verdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

/**
 * One provider. Pure apart from `send`, which talks to the provider's API through the given
 * fetch (its base URL comes from the channel's config, so a local fake or a regional endpoint
 * can stand in).
 */
export interface ChannelAdapter<C = Record<string, unknown>> {
  type: ChannelType;
  /** Checks the request is from the provider, as the provider specifies. */
  verify(req: WebhookRequest, account: ChannelAccount<C>): Verdict;
  /** A subscription handshake (Meta's GET hub.challenge): the body to answer, or undefined to refuse. */
  handshake?(req: WebhookRequest, account: ChannelAccount<C>): string | undefined;
  /** The events in a verified request; throws WebhookParseError when it is not what the provider sends. */
  parse(req: WebhookRequest, account: ChannelAccount<C>): InboundEvent[];
  send(account: ChannelAccount<C>, to: string, message: OutboundMessage, http: typeof fetch): Promise<SendOutcome>;
  /** The answer the provider expects for an accepted webhook (Twilio wants TwiML), if not an empty 200. */
  acknowledge?: { contentType: string; body: string };
  /** Sends per second this provider allows one account (a conservative default). */
  ratePerSecond: number;
  /** Whether a handle is a phone number (so the contact gets it as their phone). */
  handleIsPhone: boolean;
  /** Whether a handle is an email address (so the contact gets it as their email). */
  handleIsEmail?: boolean;
  /** Whether replies answer the customer's last message by its thread (email's subject and Message-ID). */
  threadsReplies?: boolean;
}

export class WebhookParseError extends Error {}

/** An event id for deduplication: the message id, or the message id and the status it reports. */
export function eventId(event: InboundEvent): string {
  switch (event.kind) {
    case 'message': return event.providerMessageId;
    case 'status': return `${event.providerMessageId}:${event.status}`;
    case 'ignored': return event.providerEventId;
  }
}
