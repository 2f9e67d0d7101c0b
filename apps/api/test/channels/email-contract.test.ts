import { channelContract } from './contract';
import { parsedMailCall, startFakeSmtp, type ReceivedMail } from '../harness/fakes/smtp';

const SECRET = 'contract-inbound-secret';
const FROM = 'bookings@speedy-van.example';

/** The numbered menu of a mail read back into the options it offers. */
function asSent(mail: ReceivedMail) {
  const lines = mail.text.trim().split('\n');
  const options = lines.map((l) => /^\d+\.\s+(.+)$/.exec(l)?.[1]).filter((o): o is string => Boolean(o));
  const firstOption = lines.findIndex((l) => /^\d+\.\s/.test(l));
  return { to: mail.to[0]!, text: (firstOption === -1 ? lines : lines.slice(0, firstOption)).join('\n').trim(), options };
}

channelContract({
  type: 'email', blueprint: 'speedy-van', handle: 'john.smith@example.co.uk',
  bookingRequest: "Hi, I'd like to book a small van on Friday morning",
  async start() {
    const smtp = await startFakeSmtp();
    return {
      config: { from: FROM, smtpHost: smtp.host, smtpPort: smtp.port, smtpSecure: false, inboundSecret: SECRET },
      fake: {
        sent: () => smtp.received.map(asSent),
        failNext: (kind, times) => (kind === 'rate_limit'
          ? smtp.failNext(times, 451, '4.7.1 Too many messages, slow down')
          : smtp.failNext(times, 550, '5.1.1 No such user here')),
        close: smtp.close,
      },
    };
  },
  inbound: ({ from, text, id, at }) => parsedMailCall(SECRET, {
    from: `John Smith <${from}>`, to: FROM, subject: 'Van hire', text, messageId: `<${id}@mail.example.co.uk>`, date: new Date(at).toUTCString(),
  }),
  forged: (call) => ({ ...call, headers: { ...call.headers, 'x-frontdesk-secret': 'not-the-secret' } }),
});
