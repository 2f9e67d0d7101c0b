import { sameText } from './http';
import { mailbox, mailEvents } from './email-inbound';
import { sendMail, type SmtpConfig } from './email-smtp';
import { WebhookParseError, type ChannelAdapter } from './types';

interface Config extends SmtpConfig { inboundSecret: string }

/**
 * Email: replies go out over the business's own SMTP server; mail comes in from an
 * inbound-parse webhook (Mailgun, SendGrid, Postmark or a small forwarder) posting the parsed
 * mail as JSON with the shared secret in x-frontdesk-secret. The handle is the sender's address.
 */
export const email: ChannelAdapter<Config> = {
  type: 'email',
  ratePerSecond: 5,
  handleIsPhone: false,
  handleIsEmail: true,
  threadsReplies: true,

  verify(req, account) {
    const given = req.headers['x-frontdesk-secret'];
    if (!given) return { ok: false, status: 401, reason: 'missing x-frontdesk-secret' };
    return sameText(given, account.config.inboundSecret) ? { ok: true } : { ok: false, status: 401, reason: 'bad x-frontdesk-secret' };
  },

  parse(req, account) {
    let body: unknown;
    try {
      body = JSON.parse(req.rawBody.toString('utf8'));
    } catch {
      throw new WebhookParseError('the body is not JSON');
    }
    return mailEvents(body, mailbox(account.config.from)?.address, req.receivedAt ?? Date.now());
  },

  // SMTP needs no fetch: the http argument stays unused.
  send: (account, to, message) => sendMail(account.config, to, message),
};
