import { createTransport } from 'nodemailer';
import { numberedMenu } from '../domain/render';
import type { OutboundMessage, SendOutcome } from '../domain/types';
import { failure } from './http';

export interface SmtpConfig {
  from: string; smtpHost: string; smtpPort: number; smtpSecure: boolean; smtpUser?: string; smtpPassword?: string;
}

/**
 * One reply over SMTP, from the channel's address to the customer's, in their thread when we
 * know it. One connection per send: a send is locked in its outbox transaction, so the
 * timeouts are short and a hung server is a retry, not a stuck job.
 */
export async function sendMail(config: SmtpConfig, to: string, message: OutboundMessage): Promise<SendOutcome> {
  const transport = createTransport({
    host: config.smtpHost, port: config.smtpPort, secure: config.smtpSecure,
    ...(config.smtpUser ? { auth: { user: config.smtpUser, pass: config.smtpPassword ?? '' } } : {}),
    connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000,
  });
  try {
    const info = await transport.sendMail({
      from: config.from, to, subject: subjectOf(message), text: numberedMenu(message),
      ...(message.thread ? { inReplyTo: message.thread.messageId, references: message.thread.references } : {}),
    });
    return { ok: true, providerMessageId: info.messageId };
  } catch (err) {
    return outcomeOf(err as SmtpError);
  } finally {
    transport.close();
  }
}

const FIRST_SUBJECT = { en: 'Your message', pt: 'Sua mensagem', es: 'Tu mensaje' } as const;

/** "Re: <their subject>" (once), or a plain subject when we do not know theirs. */
export function subjectOf(message: OutboundMessage): string {
  const theirs = message.thread?.subject.trim();
  if (!theirs) return FIRST_SUBJECT[message.lang ?? 'en'];
  return /^re\s*:/i.test(theirs) ? theirs : `Re: ${theirs}`;
}

interface SmtpError { code?: string; responseCode?: number; response?: string; message?: string }

/** Nodemailer's error codes for a server that could not be reached or went away mid-conversation. */
const UNREACHABLE = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET']);

/**
 * The SMTP reply decides: 4xx is temporary (greylisting, rate limits) and is retried; 550/551/553
 * say the mailbox does not exist, so we stop writing to it; 535 is our credentials, which no
 * retry fixes; other 5xx fail this message only.
 */
export function outcomeOf(err: SmtpError): SendOutcome {
  const status = err.responseCode;
  const error = { code: String(status ?? err.code ?? 'smtp'), title: (err.response ?? err.message ?? 'SMTP error').slice(0, 300) };
  if (status === 535) return failure('fail', error);
  if (status && status >= 400 && status < 500) return failure('retry', error);
  if (status === 550 || status === 551 || status === 553) return failure('undeliverable', error);
  if (status) return failure('fail', error);
  if (err.code && UNREACHABLE.has(err.code)) {
    return failure('retry', { code: err.code, title: 'The SMTP server could not be reached', detail: (err.message ?? '').slice(0, 300) });
  }
  return failure('fail', error);
}
