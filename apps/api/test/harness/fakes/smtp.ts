import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail as the fake received it: the envelope and the headers and text a mail client would show. */
export interface ReceivedMail {
  envelopeFrom: string; to: string[]; from: string; subject: string; text: string;
  messageId: string; inReplyTo?: string; references: string[];
}
type Stage = 'rcpt' | 'data';
interface Scripted { stage: Stage; code: number; message: string }

/**
 * A real SMTP server in the test process (smtp-server): no TLS; AUTH only when a user is given
 * (then a wrong password gets 535). It records every accepted mail and can be told to refuse the
 * next RCPT TO or DATA with a given reply, as a real server refuses.
 */
export async function startFakeSmtp(login?: { user: string; password: string }) {
  const received: ReceivedMail[] = [];
  const script: Scripted[] = [];
  const refusal = (stage: Stage) => {
    const index = script.findIndex((s) => s.stage === stage);
    if (index === -1) return undefined;
    const [next] = script.splice(index, 1);
    return Object.assign(new Error(next!.message), { responseCode: next!.code });
  };
  const server = new SMTPServer({
    logger: false,
    disabledCommands: login ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !login,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (login && auth.username === login.user && auth.password === login.password) return callback(null, { user: auth.username });
      callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
    },
    onRcptTo(_address, _session, callback) {
      callback(refusal('rcpt') ?? null);
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        const refused = refusal('data');
        if (refused) return callback(refused);
        received.push({
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          from: mail.from?.text ?? '', subject: mail.subject ?? '', text: mail.text ?? '',
          messageId: mail.messageId ?? '', ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
          references: [mail.references ?? []].flat(),
        });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    received,
    /** The next `times` RCPT TO (or DATA) commands get this reply, e.g. 451 or 550. */
    failNext(times: number, code: number, message: string, stage: Stage = 'rcpt') {
      for (let i = 0; i < times; i++) script.push({ stage, code, message });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type FakeSmtp = Awaited<ReturnType<typeof startFakeSmtp>>;

/** An inbound-parse webhook call carrying one parsed mail, with the channel's shared secret. */
export function parsedMailCall(secret: string, mail: Record<string, unknown>) {
  return { payload: JSON.stringify(mail), headers: { 'content-type': 'application/json', 'x-frontdesk-secret': secret } };
}
