import nodemailer from 'nodemailer';

export interface PlatformMail { to: string; subject: string; text: string }
export interface Mailer {
  /** Whether the platform can send mail at all (FRONTDESK_SMTP_URL is set). */
  readonly configured: boolean;
  send(mail: PlatformMail): Promise<void>;
}

/**
 * The platform's own mail (staff invitations, password resets) through the operator's SMTP
 * server — not a tenant's e-mail channel, which speaks to customers.
 */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) return { configured: false, send: async () => { throw new Error('No SMTP server configured (FRONTDESK_SMTP_URL)'); } };
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    configured: true,
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
